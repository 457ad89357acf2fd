#include "connections/pooling_delivery.hpp"

#include <cmath>
#include <limits>

namespace spv {

namespace {

// Calls body(b, y, x, f, g) for every post neuron of the tile, g its restricted index over the local batch; threads
// split the (batch, row) pairs.
template <class Body>
void for_each_post(const LayerGeometry& post, Body body) {
  const long rows = long(post.nbatch) * post.ny;
#pragma omp parallel for schedule(static)
  for (long br = 0; br < rows; ++br) {
    const int b = int(br / post.ny), y = int(br % post.ny);
    for (int x = 0; x < post.nx; ++x)
      for (int f = 0; f < post.nf; ++f)
        body(b, y, x, f, std::size_t(br) * post.nx * post.nf + std::size_t(x) * post.nf + f);
  }
}

}  // namespace

float avg_pooling_weight(const ConvGeometry& g) {
  const float rel_x = float(g.x.n_pre) / float(g.x.n_post);
  const float rel_y = float(g.y.n_pre) / float(g.y.n_post);
  return 1.0f / (float(g.nxp()) * rel_x * float(g.nyp()) * rel_y);
}

long global_ext_index(const LayerGeometry& g, int x, int y, int f) {
  const long nx_ext = long(g.nx_global) + g.halo.lt + g.halo.rt;
  return ((long(y) + g.ky0 + g.halo.dn) * nx_ext + (long(x) + g.kx0 + g.halo.lt)) * g.nf + f;
}

void deliver_max_pooling(const ConvPlan& plan, std::span<const float> activity, std::span<float> gsyn,
                         std::span<float> index) {
  const LayerGeometry &pre = plan.pre(), &post = plan.post();
  const AxisTable &tx = plan.x(), &ty = plan.y();
  const float* a_all = activity.data();
  float* g_all = gsyn.empty() ? nullptr : gsyn.data();
  float* i_all = index.empty() ? nullptr : index.data();
  for_each_post(post, [&](int b, int y, int x, int f, std::size_t k) {
    const float* a = a_all + std::size_t(b) * pre.neurons_ext();
    float best = -std::numeric_limits<float>::infinity();
    int best_x = 0, best_y = 0;
    for (int ey = ty.first[y]; ey < ty.first[y + 1]; ++ey)
      for (int ex = tx.first[x]; ex < tx.first[x + 1]; ++ex) {
        const int px = tx.pre[std::size_t(ex)], py = ty.pre[std::size_t(ey)];
        const float v = a[pre.ext_index(px, py, f)];
        if (best <= v) {
          best = v;
          best_x = px;
          best_y = py;
        }
      }
    if (g_all) g_all[k] += best;
    if (i_all) i_all[k] = float(global_ext_index(pre, best_x, best_y, f));
  });
}

void deliver_sum_pooling(const ConvPlan& plan, std::span<const float> activity, std::span<float> gsyn, float w,
                         bool from_post) {
  const LayerGeometry &pre = plan.pre(), &post = plan.post();
  const AxisTable &tx = plan.x(), &ty = plan.y();
  const float* a_all = activity.data();
  float* g_all = gsyn.data();
  for_each_post(post, [&](int b, int y, int x, int f, std::size_t k) {
    const float* a = a_all + std::size_t(b) * pre.neurons_ext();
    float g = from_post ? 0.0f : g_all[k];
    for (int ey = ty.first[y]; ey < ty.first[y + 1]; ++ey) {
      float row = 0.0f;
      for (int ex = tx.first[x]; ex < tx.first[x + 1]; ++ex) {
        const float v = a[pre.ext_index(tx.pre[std::size_t(ex)], ty.pre[std::size_t(ey)], f)];
        if (from_post)
          row += v;
        else
          g += v * w;
      }
      if (from_post) g += row * w;
    }
    g_all[k] = from_post ? g_all[k] + g : g;
  });
}

void deliver_unpool_max(const ConvPlan& plan, std::span<const float> activity, const LayerGeometry& index_geometry,
                        std::span<const float> index, const LayerGeometry& original_pre, std::span<float> gsyn) {
  const LayerGeometry &pre = plan.pre(), &post = plan.post();
  const AxisTable &tx = plan.x(), &ty = plan.y();
  const float* a_all = activity.data();
  const float* i_all = index.data();
  float* g_all = gsyn.data();
  for_each_post(post, [&](int b, int y, int x, int f, std::size_t k) {
    const float* a = a_all + std::size_t(b) * pre.neurons_ext();
    const float* idx = i_all + std::size_t(b) * index_geometry.neurons_ext();
    const float me = float(global_ext_index(original_pre, x, y, f));
    float kept = 0.0f;
    for (int ey = ty.first[y]; ey < ty.first[y + 1]; ++ey) {
      const int qy = ty.pre[std::size_t(ey)];
      if (qy + pre.ky0 < 0 || qy + pre.ky0 >= pre.ny_global) continue;  // beyond the layer: no pooled neuron
      for (int ex = tx.first[x]; ex < tx.first[x + 1]; ++ex) {
        const int qx = tx.pre[std::size_t(ex)];
        if (qx + pre.kx0 < 0 || qx + pre.kx0 >= pre.nx_global) continue;
        const float v = a[pre.ext_index(qx, qy, f)];
        if (v == 0.0f || idx[index_geometry.ext_index(qx, qy, f)] != me) continue;
        if (std::fabs(v) > std::fabs(kept)) kept = v;
      }
    }
    g_all[k] += kept;
  });
}

void deliver_unpool_spread(const ConvPlan& plan, std::span<const float> activity, std::span<float> gsyn) {
  const LayerGeometry &pre = plan.pre(), &post = plan.post();
  const AxisTable &tx = plan.x(), &ty = plan.y();
  const float* a_all = activity.data();
  float* g_all = gsyn.data();
  for_each_post(post, [&](int b, int y, int x, int f, std::size_t k) {
    const float* a = a_all + std::size_t(b) * pre.neurons_ext();
    float kept = 0.0f;
    for (int ey = ty.first[y]; ey < ty.first[y + 1]; ++ey)
      for (int ex = tx.first[x]; ex < tx.first[x + 1]; ++ex) {
        const float v = a[pre.ext_index(tx.pre[std::size_t(ex)], ty.pre[std::size_t(ey)], f)];
        if (v != 0.0f && kept <= v) kept = v;
      }
    g_all[k] += kept;
  });
}

}  // namespace spv
