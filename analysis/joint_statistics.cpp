#include "analysis/joint_statistics.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace spv {

double active_share(const CodeMatrix& codes) {
  if (codes.values.empty()) return 0.0;
  std::size_t active = 0;
  for (float v : codes.values) active += v != 0.0f;
  return double(active) / double(codes.values.size());
}

std::vector<double> neuron_active_shares(const CodeMatrix& codes) {
  std::vector<double> share(std::size_t(codes.cols), 0.0);
  for (int r = 0; r < codes.rows; ++r) {
    const auto row = codes.row(r);
    for (int c = 0; c < codes.cols; ++c) share[std::size_t(c)] += row[std::size_t(c)] != 0.0f;
  }
  for (double& s : share) s = codes.rows ? s / codes.rows : 0.0;
  return share;
}

ModalityResponse modality_response(const CodeMatrix& vision_only, const CodeMatrix& text_only, double min_share) {
  if (vision_only.cols != text_only.cols)
    throw Error("multimodal share: the vision-only and text-only codes have different neuron counts");
  const auto v = neuron_active_shares(vision_only), t = neuron_active_shares(text_only);
  ModalityResponse r;
  r.neurons = vision_only.cols;
  r.min_share = min_share;
  for (std::size_t n = 0; n < v.size(); ++n) {
    const bool rv = v[n] > min_share, rt = t[n] > min_share;
    r.vision += rv;
    r.text += rt;
    r.both += rv && rt;
    r.neither += !rv && !rt;
  }
  return r;
}

namespace {

// Per neuron, the preferred class's index in `classes`, or -1 without a strict preference.
std::vector<int> preferred_classes(const CodeMatrix& codes, const std::vector<int>& labels,
                                   const std::vector<int>& classes) {
  const std::size_t nc = classes.size(), cols = std::size_t(codes.cols);
  std::vector<double> sum(nc * cols, 0.0);
  std::vector<int> count(nc, 0);
  for (int r = 0; r < codes.rows; ++r) {
    const auto it = std::find(classes.begin(), classes.end(), labels[std::size_t(r)]);
    if (it == classes.end()) continue;
    const std::size_t c = std::size_t(it - classes.begin());
    ++count[c];
    const auto row = codes.row(r);
    for (std::size_t n = 0; n < cols; ++n) sum[c * cols + n] += row[n];
  }
  std::vector<int> best(cols, -1);
  std::vector<double> mean(nc);
  for (std::size_t n = 0; n < cols; ++n) {
    for (std::size_t c = 0; c < nc; ++c) mean[c] = count[c] ? sum[c * cols + n] / count[c] : 0.0;
    const auto top = std::max_element(mean.begin(), mean.end());
    // A preference needs a positive mean that no other class reaches.
    if (top != mean.end() && *top > 0.0 && std::count(mean.begin(), mean.end(), *top) == 1)
      best[n] = int(top - mean.begin());
  }
  return best;
}

}  // namespace

int same_preferred_class(const CodeMatrix& vision_only, const CodeMatrix& text_only, const std::vector<int>& labels,
                         const std::vector<int>& classes) {
  if (vision_only.cols != text_only.cols)
    throw Error("modality invariance: the vision-only and text-only codes have different neuron counts");
  if (std::size_t(vision_only.rows) > labels.size() || std::size_t(text_only.rows) > labels.size())
    throw Error("modality invariance: fewer labels than coded inputs");
  const auto v = preferred_classes(vision_only, labels, classes), t = preferred_classes(text_only, labels, classes);
  int same = 0;
  for (std::size_t n = 0; n < v.size(); ++n) same += v[n] >= 0 && v[n] == t[n];
  return same;
}

}  // namespace spv
