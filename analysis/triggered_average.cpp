#include "analysis/triggered_average.hpp"

#include <cmath>

#include "core/errors.hpp"

namespace spv {

std::vector<std::vector<float>> triggered_averages(const CodeMatrix& codes, const CodeMatrix& inputs,
                                                   std::span<const int> neurons) {
  if (codes.rows != inputs.rows)
    throw Error("activity-triggered average: " + std::to_string(codes.rows) + " codes but " +
                std::to_string(inputs.rows) + " inputs");
  std::vector<std::vector<float>> out;
  for (int n : neurons) {
    if (n < 0 || n >= codes.cols) throw Error("activity-triggered average: no neuron " + std::to_string(n));
    std::vector<double> sum(std::size_t(inputs.cols), 0.0);
    double weight = 0.0;
    for (int r = 0; r < codes.rows; ++r) {
      const double a = std::abs(double(codes.at(r, n)));
      if (a == 0.0) continue;
      weight += a;
      const auto x = inputs.row(r);
      for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += a * x[k];
    }
    std::vector<float> mean(sum.size(), 0.0f);
    if (weight > 0.0)
      for (std::size_t k = 0; k < sum.size(); ++k) mean[k] = float(sum[k] / weight);
    out.push_back(std::move(mean));
  }
  return out;
}

}  // namespace spv
