#include "analysis/joint_statistics.hpp"

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

}  // namespace spv
