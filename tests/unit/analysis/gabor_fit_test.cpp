// The Gabor fit of E2 against elements made from known parameters, and the V1-like criterion on cases decided by
// hand: a plain blob, noise, an element spread over the whole patch.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "analysis/gabor_fit.hpp"
#include "core/rng.hpp"

using namespace spv::gabor;

namespace {
constexpr double pi = std::numbers::pi;

// An element of n x n drawn from the model itself, values [y][x], (0, 0) at the centre.
std::vector<float> draw(const GaborFit& g, int n) {
  std::vector<float> v(std::size_t(n) * n);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      // Written out here rather than with gabor_value, so that the test does not lean on the code under test.
      const double dx = x - 0.5 * (n - 1) - g.x0, dy = y - 0.5 * (n - 1) - g.y0;
      const double u = dx * std::cos(g.theta) + dy * std::sin(g.theta),
                   w = -dx * std::sin(g.theta) + dy * std::cos(g.theta);
      v[std::size_t(y) * n + x] =
          float(g.amplitude * std::exp(-(u * u / (2 * g.sigma_x * g.sigma_x) + w * w / (2 * g.sigma_y * g.sigma_y))) *
                std::cos(2 * pi * g.frequency * u - g.phase));
    }
  return v;
}
}  // namespace

TEST_CASE("a Gabor element is recovered: R^2 near 1, its orientation and frequency", "[analysis][gabor]") {
  GaborFit truth;
  truth.x0 = 0.4, truth.y0 = -0.3, truth.theta = pi / 3, truth.sigma_x = 1.6, truth.sigma_y = 2.2;
  truth.frequency = 0.22, truth.amplitude = 0.7, truth.phase = 0.5;
  const auto element = draw(truth, 8);
  const GaborFit g = fit_gabor(element, 8, 8);
  CHECK(g.r_squared > 0.995);
  // theta is defined modulo pi (with the phase flipping); compare the orientation of the carrier.
  const double dtheta = std::remainder(g.theta - truth.theta, pi);
  CHECK(std::abs(dtheta) < 0.1);
  CHECK(g.frequency == Approx(truth.frequency).epsilon(0.1));
  CHECK(is_v1_like(element, 8, 8));
  // The fitted function reproduces the element pixel by pixel.
  double worst = 0;
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x)
      worst = std::max(worst, std::abs(gabor_value(g, x - 3.5, y - 3.5) - element[std::size_t(y) * 8 + x]));
  CHECK(worst < 0.03);
}

TEST_CASE("not V1-like: a blob, white noise, an element spread over the patch", "[analysis][gabor]") {
  GaborFit blob;
  blob.sigma_x = blob.sigma_y = 1.5, blob.frequency = 0, blob.amplitude = 1;
  const auto blob_element = draw(blob, 8);
  CHECK(fit_gabor(blob_element, 8, 8).r_squared > 0.99);  // a Gaussian is a Gabor of frequency 0...
  CHECK_FALSE(is_v1_like(blob_element, 8, 8));            // ...but not band-pass
  std::vector<float> noise(64);
  const spv::RngKey key{7, 1};
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = float(spv::standard_normal(key, i));
  const GaborFit n = fit_gabor(noise, 8, 8);
  CHECK(n.r_squared < 0.6);  // 6 shape parameters and 2 linear ones cannot explain 64 independent values
  CHECK_FALSE(is_v1_like(noise, 8, 8));
  GaborFit grating;  // a plane wave under a very wide envelope: oriented, but not localised
  grating.sigma_x = grating.sigma_y = 30, grating.frequency = 0.25, grating.amplitude = 1;
  CHECK_FALSE(is_v1_like(draw(grating, 8), 8, 8));
}
