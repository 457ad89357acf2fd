// Fitting a 2-D Gabor function to a dictionary element (E2): does a learned receptive field look like a V1 simple
// cell (localised, oriented, band-pass)? The model, on an element of width x height pixels with (0, 0) at its
// centre, is
//   g(x, y) = exp(-(u^2 / (2 sx^2) + v^2 / (2 sy^2))) (a cos(2 pi f u) + b sin(2 pi f u)),
//   u = (x - x0) cos(theta) + (y - y0) sin(theta),  v = -(x - x0) sin(theta) + (y - y0) cos(theta),
// a and b (amplitude and phase) solved by least squares for each choice of the other six, which a grid search
// then a Nelder-Mead simplex choose.
#pragma once
#include <span>

namespace spv::gabor {

struct GaborFit {
  double x0 = 0, y0 = 0, theta = 0, sigma_x = 1, sigma_y = 1, frequency = 0;  // frequency in cycles per pixel
  double amplitude = 0, phase = 0;  // a cos + b sin = amplitude cos(2 pi f u - phase)
  double r_squared = 0;             // 1 - residual sum of squares / sum of squares about the element's mean
};

// The fitted Gabor's value at (x, y) in centred pixel coordinates.
double gabor_value(const GaborFit& g, double x, double y);
// Fits one element, values [y][x], with the frequency at least min_frequency and f * sigma_x at least min_cycles.
GaborFit fit_gabor(std::span<const float> element, int width, int height, double min_frequency = 0,
                   double min_cycles = 0);

// Localised, oriented and band-pass: the best fit whose carrier makes at least half a cycle across the element
// (f >= 1 / (2 n), n the smaller side) and 0.15 cycles per envelope s.d. (f sigma_x >= 0.15, so that the
// envelope holds flanks of the other sign) has R^2 >= 0.8, its envelope centre inside the element, at most n / 4 wide
// across the orientation and at most n long along it. A blob or an unflanked bar fits only with f near 0, a
// plane wave only with a wide envelope, noise not at all.
bool is_v1_like(std::span<const float> element, int width, int height);

}  // namespace spv::gabor
