#include "analysis/feedback_flip.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace spv {

std::vector<std::vector<float>> class_centroids(const CodeMatrix& codes, std::span<const int> labels, int classes) {
  if (std::size_t(codes.rows) != labels.size())
    throw Error("class centroids: " + std::to_string(codes.rows) + " codes but " + std::to_string(labels.size()) +
                " labels");
  std::vector<std::vector<double>> sum(std::size_t(classes), std::vector<double>(std::size_t(codes.cols), 0.0));
  std::vector<long> count(std::size_t(classes), 0);
  for (int r = 0; r < codes.rows; ++r) {
    const int c = labels[std::size_t(r)];
    if (c < 0 || c >= classes) continue;
    ++count[std::size_t(c)];
    const auto row = codes.row(r);
    for (int k = 0; k < codes.cols; ++k) sum[std::size_t(c)][std::size_t(k)] += row[std::size_t(k)];
  }
  std::vector<std::vector<float>> out(std::size_t(classes), std::vector<float>(std::size_t(codes.cols), 0.0f));
  for (std::size_t c = 0; c < out.size(); ++c)
    if (count[c] > 0)
      for (std::size_t k = 0; k < out[c].size(); ++k) out[c][k] = float(sum[c][k] / double(count[c]));
  return out;
}

double euclidean_distance(std::span<const float> a, std::span<const float> b) {
  double s = 0.0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const double d = double(a[i]) - double(b[i]);
    s += d * d;
  }
  return std::sqrt(s);
}

namespace {

int nearest(std::span<const float> code, const std::vector<std::vector<float>>& centroids) {
  int best = -1;
  double best_d = 0.0;
  for (std::size_t c = 0; c < centroids.size(); ++c) {
    const double d = euclidean_distance(code, centroids[c]);
    if (best < 0 || d < best_d) {
      best = int(c);
      best_d = d;
    }
  }
  return best;
}

}  // namespace

std::vector<FlipDistances> flip_distances(const CodeMatrix& states, std::span<const FlipCase> cases,
                                          const std::vector<std::vector<float>>& centroids) {
  if (std::size_t(states.rows) != 2 * cases.size())
    throw Error("feedback flip: " + std::to_string(states.rows) + " coded states but " +
                std::to_string(cases.size()) + " cases (two states, before and after, per case)");
  std::vector<FlipDistances> out;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const FlipCase& c = cases[i];
    for (int label : {c.digit_label, c.text_label})
      if (label < 0 || std::size_t(label) >= centroids.size())
        throw Error("feedback flip: case " + std::to_string(i + 1) + " names class " + std::to_string(label) +
                    ", which has no centroid");
    if (!centroids.empty() && centroids[0].size() != std::size_t(states.cols))
      throw Error("feedback flip: the states and the centroids have different sizes");
    const auto before = states.row(int(2 * i)), after = states.row(int(2 * i + 1));
    const auto& cd = centroids[std::size_t(c.digit_label)];
    const auto& ct = centroids[std::size_t(c.text_label)];
    FlipDistances d;
    d.digit_before = euclidean_distance(before, cd);
    d.text_before = euclidean_distance(before, ct);
    d.digit_after = euclidean_distance(after, cd);
    d.text_after = euclidean_distance(after, ct);
    d.nearest_before = nearest(before, centroids);
    d.nearest_after = nearest(after, centroids);
    out.push_back(d);
  }
  return out;
}

std::vector<FlipCase> read_flip_cases(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw IoError(path.string(), "cannot open the flip cases file");
  std::vector<FlipCase> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::istringstream words(line);
    FlipCase c;
    std::string rest;
    if (!(words >> c.digit_label >> c.text_label) || (words >> rest))
      throw IoError(path.string(), "line " + std::to_string(number) +
                                       " is not \"digit_label text_label\" (two integers): \"" + line + "\"");
    cases.push_back(c);
  }
  if (cases.empty()) throw IoError(path.string(), "holds no cases");
  return cases;
}

}  // namespace spv
