#include "connections/nonshared_delivery.hpp"

#include "core/kernels/parallel.hpp"

namespace spv {

void deliver_nonshared(const ConvPlan& plan, std::span<const float> activity, std::span<const float> patches,
                       std::span<float> gsyn) {
  const LayerGeometry& pre = plan.pre();
  const LayerGeometry& post = plan.post();
  const ConvGeometry& g = plan.geometry();
  const AxisTable& tx = plan.x();
  const AxisTable& ty = plan.y();
  const long row_len = long(pre.nx_ext()) * pre.nf;
  const int nf = pre.nf, nfp = g.nfp, nxp = g.nxp();
  const long ps = long(g.patch_size());
  const long post_rows = long(post.nbatch) * post.ny;
  const long work = long(post.nbatch) * long(ty.pre.size()) * long(tx.pre.size()) * nf * nfp;
  const float* a_all = activity.data();
  const float* w_all = patches.data();
  float* g_all = gsyn.data();

#pragma omp parallel for schedule(static) if (work >= kParallelMinElements)
  for (long br = 0; br < post_rows; ++br) {
    const long b = br / post.ny;
    const int yp = int(br % post.ny);
    for (int xp = 0; xp < post.nx; ++xp) {
      float* out = g_all + (br * post.nx + xp) * nfp;
      for (int e = ty.first[yp]; e < ty.first[yp + 1]; ++e) {
        const int yl = ty.pre[e], py = ty.offset[e];
        const float* a_row = a_all + (b * pre.ny_ext() + yl + pre.halo.dn) * row_len;
        for (int ex = tx.first[xp]; ex < tx.first[xp + 1]; ++ex) {
          const int xl = tx.pre[ex], px = tx.offset[ex];
          const float* a_px = a_row + long(xl + pre.halo.lt) * nf;
          const long patch0 = g.patch_index(xl + pre.kx0, yl + pre.ky0, 0);
          if (patch0 < 0) continue;  // beyond the needed border: reaches no post neuron
          const float* w0 = w_all + patch0 * ps + (long(py) * nxp + px) * nfp;
          for (int f = 0; f < nf; ++f) {
            const float a = a_px[f];
            if (a == 0.0f) continue;
            const float* w = w0 + f * ps;
            for (int q = 0; q < nfp; ++q) out[q] = out[q] + a * w[q];
          }
        }
      }
    }
  }
}

}  // namespace spv
