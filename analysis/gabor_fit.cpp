#include "analysis/gabor_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace spv::gabor {

namespace {

constexpr double pi = std::numbers::pi;

struct Element {
  std::span<const float> values;
  int width, height;
  double min_frequency;
  double min_cycles;  // least f * sigma_x
  double cx() const { return 0.5 * (width - 1); }
  double cy() const { return 0.5 * (height - 1); }
};

// The six nonlinear parameters, in a fixed order for the simplex.
using Shape = std::array<double, 6>;  // x0, y0, theta, sigma_x, sigma_y, frequency

bool admissible(const Shape& s, const Element& e) {
  const double reach = 0.75 * std::max(e.width, e.height);
  return std::abs(s[0]) <= reach && std::abs(s[1]) <= reach && s[3] >= 0.4 && s[4] >= 0.4 && s[3] <= 2.0 * e.width &&
         s[4] <= 2.0 * e.height && s[5] >= e.min_frequency && s[5] * s[3] >= e.min_cycles && s[5] <= 0.5;
}

// Least-squares a, b for a shape; returns the residual sum of squares.
double solve(const Shape& s, const Element& e, double& a, double& b) {
  const double c = std::cos(s[2]), sn = std::sin(s[2]);
  double cc = 0, cs = 0, ss = 0, yc = 0, ys = 0, yy = 0;
  for (int j = 0; j < e.height; ++j)
    for (int i = 0; i < e.width; ++i) {
      const double x = i - e.cx() - s[0], y = j - e.cy() - s[1];
      const double u = x * c + y * sn, v = -x * sn + y * c;
      const double env = std::exp(-(u * u / (2 * s[3] * s[3]) + v * v / (2 * s[4] * s[4])));
      const double p = env * std::cos(2 * pi * s[5] * u), q = env * std::sin(2 * pi * s[5] * u);
      const double w = e.values[std::size_t(j) * e.width + i];
      cc += p * p, cs += p * q, ss += q * q, yc += w * p, ys += w * q, yy += w * w;
    }
  const double det = cc * ss - cs * cs;
  if (det > 1e-12 * std::max(1.0, cc * ss)) {
    a = (yc * ss - ys * cs) / det, b = (ys * cc - yc * cs) / det;
  } else {  // sin term vanishes (f = 0 or a symmetric grid): cosine alone
    a = cc > 0 ? yc / cc : 0, b = 0;
  }
  return std::max(0.0, yy - 2 * (a * yc + b * ys) + a * a * cc + 2 * a * b * cs + b * b * ss);
}

double cost(const Shape& s, const Element& e) {
  if (!admissible(s, e)) return 1e30;
  double a, b;
  return solve(s, e, a, b);
}

Shape nelder_mead(Shape start, const Element& e) {
  constexpr int n = 6;
  const Shape step{0.7, 0.7, 0.3, 0.5, 0.5, 0.03};
  std::array<Shape, n + 1> p;
  std::array<double, n + 1> f;
  p[0] = start;
  for (int i = 0; i < n; ++i) p[i + 1] = start, p[i + 1][i] += step[i];
  for (int i = 0; i <= n; ++i) f[i] = cost(p[i], e);
  for (int iteration = 0; iteration < 800; ++iteration) {
    std::array<int, n + 1> order;
    for (int i = 0; i <= n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return f[a] < f[b]; });
    const int best = order[0], worst = order[n], second = order[n - 1];
    if (f[worst] - f[best] <= 1e-10 * (1 + f[best])) break;
    Shape centroid{};
    for (int i = 0; i <= n; ++i)
      if (i != worst)
        for (int d = 0; d < n; ++d) centroid[d] += p[i][d] / n;
    auto along = [&](double t) {
      Shape s;
      for (int d = 0; d < n; ++d) s[d] = centroid[d] + t * (p[worst][d] - centroid[d]);
      return s;
    };
    const Shape reflected = along(-1.0);
    const double fr = cost(reflected, e);
    if (fr < f[best]) {
      const Shape expanded = along(-2.0);
      const double fe = cost(expanded, e);
      if (fe < fr)
        p[worst] = expanded, f[worst] = fe;
      else
        p[worst] = reflected, f[worst] = fr;
    } else if (fr < f[second]) {
      p[worst] = reflected, f[worst] = fr;
    } else {
      const Shape contracted = along(fr < f[worst] ? -0.5 : 0.5);
      const double fc = cost(contracted, e);
      if (fc < std::min(fr, f[worst])) {
        p[worst] = contracted, f[worst] = fc;
      } else {  // shrink towards the best
        for (int i = 0; i <= n; ++i)
          if (i != best) {
            for (int d = 0; d < n; ++d) p[i][d] = p[best][d] + 0.5 * (p[i][d] - p[best][d]);
            f[i] = cost(p[i], e);
          }
      }
    }
  }
  return p[std::size_t(std::min_element(f.begin(), f.end()) - f.begin())];
}

}  // namespace

double gabor_value(const GaborFit& g, double x, double y) {
  const double c = std::cos(g.theta), s = std::sin(g.theta);
  const double dx = x - g.x0, dy = y - g.y0, u = dx * c + dy * s, v = -dx * s + dy * c;
  const double env = std::exp(-(u * u / (2 * g.sigma_x * g.sigma_x) + v * v / (2 * g.sigma_y * g.sigma_y)));
  return env * g.amplitude * std::cos(2 * pi * g.frequency * u - g.phase);
}

GaborFit fit_gabor(std::span<const float> element, int width, int height, double min_frequency, double min_cycles) {
  const Element e{element, width, height, min_frequency, min_cycles};
  double mean = 0;
  for (float v : element) mean += v;
  mean /= double(element.size());
  double total = 0;
  for (float v : element) total += (v - mean) * (v - mean);
  // Grid: centres on a pixel grid around the middle, 12 orientations, 6 frequencies, 3 envelope sizes.
  Shape best{};
  double best_cost = 1e300;
  const int reach = std::max(1, std::min(width, height) / 4);
  const double sizes[] = {0.8, 1.4, 2.4}, frequencies[] = {0.0, 0.08, 0.13, 0.2, 0.28, 0.38};
  for (int y0 = -reach; y0 <= reach; ++y0)
    for (int x0 = -reach; x0 <= reach; ++x0)
      for (int t = 0; t < 12; ++t)
        for (double grid_f : frequencies)
          for (double sx : sizes)
            for (double sy : sizes) {
              const double sigma_x = sx * width / 8.0;
              const double f = std::max({grid_f, min_frequency, min_cycles / sigma_x});
              const Shape s{double(x0), double(y0), t * pi / 12, sigma_x, sy * height / 8.0, f};
              const double c = cost(s, e);
              if (c < best_cost) best_cost = c, best = s;
            }
  const Shape s = nelder_mead(best, e);
  GaborFit g;
  double a = 0, b = 0;
  const double rss = solve(s, e, a, b);
  g.x0 = s[0], g.y0 = s[1], g.theta = s[2], g.sigma_x = s[3], g.sigma_y = s[4], g.frequency = s[5];
  g.amplitude = std::hypot(a, b);
  g.phase = std::atan2(b, a);
  g.r_squared = total > 0 ? 1.0 - rss / total : 0.0;
  return g;
}

bool is_v1_like(std::span<const float> element, int width, int height) {
  const int n = std::min(width, height);
  const GaborFit g = fit_gabor(element, width, height, 1.0 / (2 * n), 0.15);
  const bool inside = std::abs(g.x0) <= 0.5 * width && std::abs(g.y0) <= 0.5 * height;
  return g.r_squared >= 0.8 && inside && g.sigma_x <= 0.25 * n && g.sigma_y <= n;
}

}  // namespace spv::gabor
