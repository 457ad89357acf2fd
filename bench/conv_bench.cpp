// Micro-benchmark of one convolution delivery: a dense convolution (features of KxKxC at stride s over an HxWxC
// input, as the LCA tutorial's error-to-code transpose) through the gather and, where built, oneDNN; and the sparse
// scatter of a code layer at a given activity back into the input. Prints one line per run: name, path, MACs done,
// ms per call, GMAC/s. Peak and share of peak are bench/backend_bench.sh's job (it knows the CPU).
// usage: spv-conv-bench [THREADS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "connections/conv_delivery.hpp"
#include "connections/conv_geometry.hpp"
#include "connections/dense_conv_library.hpp"
#include "core/rng.hpp"

using namespace spv;

namespace {

LayerGeometry layer(int nx, int ny, int nf, Halo halo = {}) {
  LayerGeometry g;
  g.nx_global = g.nx = nx;
  g.ny_global = g.ny = ny;
  g.nf = nf;
  g.halo = halo;
  return g;
}

// Uniform values in [-1, 1), a fraction `active` of them non-zero, from a fixed seed.
std::vector<float> values(std::size_t n, double active, std::uint64_t seed) {
  std::vector<float> v(n);
  std::uint64_t s = seed * 0x9e3779b97f4a7c15ull + 1;
  for (auto& x : v) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    const double u = double(s >> 11) / double(1ull << 53);
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    const double keep = double(s >> 11) / double(1ull << 53);
    x = keep < active ? float(2 * u - 1) : 0.0f;
  }
  return v;
}

// Best time of `reps` calls after one warm-up, in ms.
template <class F>
double best_ms(int reps, F&& f) {
  f();
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

void line(const std::string& name, const char* path, double macs, double ms) {
  std::printf("%-34s %-8s %14.0f %10.4f %9.2f\n", name.c_str(), path, macs, ms, macs / (ms * 1e6));
}

struct DenseCase {
  std::string name;
  int n, c, features, k, stride;  // n x n x c input, `features` of k x k x c at `stride`
};

void dense(const DenseCase& d, int reps) {
  // The conv as a many-to-one connection: input (pre) n x n x c, output (post) n/s x n/s x features.
  ConvGeometry g;
  const int patch = d.k / d.stride;  // the transpose's patch: k input pixels reach k / stride outputs
  g.x = make_axis(d.n, d.n / d.stride, patch);
  g.y = g.x;
  g.nf_pre = d.c;
  g.nfp = d.features;
  const Halo h = g.pre_halo();
  const LayerGeometry pre = layer(d.n, d.n, d.c, h), post = layer(d.n / d.stride, d.n / d.stride, d.features);
  const ConvPlan plan(g, pre, post);
  const std::vector<float> a = values(pre.neurons_ext(), 1.0, 1), w = values(std::size_t(g.kernels()) * g.patch_size(), 1.0, 2);
  std::vector<float> out(post.neurons(), 0.0f);
  const double macs = double(post.neurons()) * d.k * d.k * d.c;
  line(d.name, "gather", macs, best_ms(reps, [&] { deliver_post_perspective(plan, a, w, out); }));
  if (DenseConvLibrary::available()) {
    DenseConvLibrary lib(plan);
    lib.set_kernels(w);
    line(d.name, DenseConvLibrary::name(), macs, best_ms(reps, [&] { lib.deliver(a, out); }));
  }
}

// The reverse direction: a code layer (n/s x n/s x features, `active` of it non-zero) scattered into the input.
void sparse(const DenseCase& d, double active, int reps) {
  ConvGeometry g;
  g.x = make_axis(d.n / d.stride, d.n, d.k);
  g.y = g.x;
  g.nf_pre = d.features;
  g.nfp = d.c;
  const Halo h = g.pre_halo();
  const LayerGeometry pre = layer(d.n / d.stride, d.n / d.stride, d.features, h), post = layer(d.n, d.n, d.c);
  const ConvPlan plan(g, pre, post);
  const std::vector<float> a = values(pre.neurons_ext(), active, 3), w = values(std::size_t(g.kernels()) * g.patch_size(), 1.0, 4);
  std::vector<float> out(post.neurons(), 0.0f);
  ActiveRows scratch;
  scratch.resize_for(pre);
  find_active(plan, a, scratch);
  // Work actually done: every active neuron's whole patch (fewer at the edges; counted exactly below).
  double macs = 0;
  for (int y = 0; y < pre.ny; ++y)
    for (int x = 0; x < pre.nx; ++x)
      for (int f = 0; f < pre.nf; ++f)
        if (a[pre.ext_index(x, y, f)] != 0.0f) {
          const int x0 = g.x.patch_start(x), y0 = g.y.patch_start(y);
          const int wx = std::min(x0 + d.k, d.n) - std::max(x0, 0), wy = std::min(y0 + d.k, d.n) - std::max(y0, 0);
          macs += double(std::max(wx, 0)) * std::max(wy, 0) * d.c;
        }
  const std::string name = d.name + " (reverse, " + std::to_string(int(active * 100 + 0.5)) + "% active)";
  line(name, "scatter", macs, best_ms(reps, [&] { deliver_pre_perspective(plan, a, w, out, scratch); }));
  const double dense_macs = double(pre.neurons()) * d.k * d.k * d.c;
  line(name, "gather", dense_macs, best_ms(reps, [&] { deliver_post_perspective(plan, a, w, out); }));
}

}  // namespace

int main(int argc, char** argv) {
#ifdef _OPENMP
  if (argc > 1) omp_set_num_threads(std::atoi(argv[1]));
#else
  (void)argc, (void)argv;
#endif
  std::printf("%-34s %-8s %14s %10s %9s\n", "convolution", "path", "MACs", "ms", "GMAC/s");
  const DenseCase tutorial{"tutorial 32x32x3 -> 128 of 8x8x3/2", 32, 3, 128, 8, 2};
  const DenseCase large{"large 128x128x3 -> 128 of 8x8x3/2", 128, 3, 128, 8, 2};
  const DenseCase deep{"deep 32x32x64 -> 128 of 8x8x64/2", 32, 64, 128, 8, 2};
  dense(tutorial, 200);
  dense(large, 20);
  dense(deep, 20);
  sparse(tutorial, 0.07, 200);
  sparse(large, 0.07, 20);
  return 0;
}
