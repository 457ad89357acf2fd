#include "connections/weight_transposer.hpp"

#include <algorithm>
#include <stdexcept>

namespace spv {

WeightTransposer::WeightTransposer(const ConvGeometry& original)
    : original_(original), transposed_(original.transposed()) {
  x_ = pair_axis(original_.x, transposed_.x);
  y_ = pair_axis(original_.y, transposed_.y);
}

WeightTransposer::AxisPairs WeightTransposer::pair_axis(const AxisMap& original, const AxisMap& transposed) {
  AxisPairs pairs;
  for (int c = 0; c < transposed.down; ++c) {
    // Pre neuron c of the transpose stands for every pre neuron of its cell: the maps are translation invariant.
    for (int p = 0; p < transposed.patch; ++p) {
      const int i = transposed.patch_start(c) + p;  // the original's pre neuron
      const int offset = c - original.patch_start(i);
      if (offset < 0 || offset >= original.patch)
        throw std::logic_error("transposed patch geometry does not match the original's");
      pairs.cell.push_back(original.cell(i));
      pairs.offset.push_back(offset);
    }
  }
  return pairs;
}

WeightStore WeightTransposer::make_store(int arbors) const {
  return WeightStore(arbors, transposed_.kernels(), transposed_.nyp(), transposed_.nxp(), transposed_.nfp);
}

void WeightTransposer::apply(const WeightStore& from, WeightStore& to) const {
  if (!original_.shared) {
    apply_nonshared(from, to);
    return;
  }
  const ConvGeometry& o = original_;
  const ConvGeometry& t = transposed_;
  const std::size_t ops = o.patch_size(), tps = t.patch_size();
  for (int a = 0; a < from.arbors(); ++a) {
    const float* src = from.arbor(a).data();
    float* dst = to.arbor(a).data();
    for (int cy = 0; cy < t.kernels_y(); ++cy)
      for (int cx = 0; cx < t.kernels_x(); ++cx)
        for (int f = 0; f < t.nf_pre; ++f) {  // f: the original's post feature
          float* kernel = dst + std::size_t((cy * t.kernels_x() + cx) * t.nf_pre + f) * tps;
          for (int py = 0; py < t.nyp(); ++py) {
            const std::size_t ey = std::size_t(cy * t.nyp() + py);
            for (int px = 0; px < t.nxp(); ++px) {
              const std::size_t ex = std::size_t(cx * t.nxp() + px);
              const int ocell = y_.cell[ey] * o.kernels_x() + x_.cell[ex];
              const std::size_t within = (std::size_t(y_.offset[ey]) * o.nxp() + x_.offset[ex]) * o.nfp + f;
              float* out = kernel + (std::size_t(py) * t.nxp() + px) * t.nfp;
              for (int q = 0; q < t.nfp; ++q)  // q: the original's pre feature
                out[q] = src[std::size_t(ocell * o.nf_pre + q) * ops + within];
            }
          }
        }
  }
  to.touch();
}

void WeightTransposer::apply_nonshared(const WeightStore& from, WeightStore& to) const {
  const ConvGeometry& o = original_;
  const ConvGeometry& t = transposed_;
  const std::size_t ops = o.patch_size(), tps = t.patch_size();
  const int bx = t.x.needed_border(), by = t.y.needed_border();
  for (int a = 0; a < from.arbors(); ++a) {
    const float* src = from.arbor(a).data();
    float* dst = to.arbor(a).data();
    std::fill(dst, dst + to.arbor_size(), 0.0f);
    for (int jy = -by; jy < t.y.n_pre + by; ++jy)
      for (int jx = -bx; jx < t.x.n_pre + bx; ++jx) {
        // A post neuron of the original outside its layer takes nothing from it: its transposed patch stays zero.
        if (jx < 0 || jy < 0 || jx >= o.x.n_post || jy >= o.y.n_post) continue;
        for (int py = 0; py < t.nyp(); ++py) {
          const int iy = t.y.patch_start(jy) + py, oy = jy - o.y.patch_start(iy);
          for (int px = 0; px < t.nxp(); ++px) {
            const int ix = t.x.patch_start(jx) + px, ox = jx - o.x.patch_start(ix);
            const long patch0 = o.patch_index(ix, iy, 0);
            if (patch0 < 0 || ox < 0 || ox >= o.nxp() || oy < 0 || oy >= o.nyp()) continue;
            const std::size_t within = (std::size_t(oy) * o.nxp() + ox) * o.nfp;
            for (int f = 0; f < t.nf_pre; ++f) {  // f: the original's post feature
              float* out = dst + std::size_t(t.patch_index(jx, jy, f)) * tps + (std::size_t(py) * t.nxp() + px) * t.nfp;
              for (int q = 0; q < t.nfp; ++q)  // q: the original's pre feature
                out[q] = src[std::size_t(patch0 + q) * ops + within + std::size_t(f)];
            }
          }
        }
      }
  }
  to.touch();
}

}  // namespace spv
