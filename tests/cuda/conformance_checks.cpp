// The kernel contract's conformance tests, run unchanged on every back-end: layer updates against the shared
// per-element maths (exact: both back-ends round each operation as the CPU does), boundary fill against the mirror
// rule, reductions against double sums, deliveries (dense and sparse) against a brute-force convolution on odd
// shapes (strides 1, 2, 4 both ways, tiles with offsets, wider halos, nbatch 3), and dW against brute-force integer
// sums (exact).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "connections/conv_kernels_cpu.hpp"
#include "core/kernels/lca_math.hpp"
#include "tests/cuda/conformance_backend.hpp"

using namespace spv;
using spv::test::conformance_backend;

namespace {

// A host vector mirrored in the back-end's memory for one call.
struct Buffer {
  Backend& b;
  std::vector<float> host;
  BackendBuffer dev;
  Buffer(Backend& backend, std::vector<float> values) : b(backend), host(std::move(values)), dev(backend, host.size()) {
    b.to_device(dev.data(), host.data(), host.size() * sizeof(float));
  }
  std::vector<float> read() {
    std::vector<float> out(host.size());
    b.synchronize();
    b.to_host(out.data(), dev.data(), out.size() * sizeof(float));
    return out;
  }
};

std::vector<float> random_values(std::size_t n, unsigned seed, double zero_share = 0.0) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> value(-1.0f, 1.0f);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<float> v(n);
  for (auto& x : v) x = coin(gen) < zero_share ? 0.0f : value(gen);
  return v;
}

LayerGeometry layer(int nx, int ny, int nf, int nbatch, Halo halo = {}, int kx0 = 0, int ky0 = 0, int nx_global = 0,
                    int ny_global = 0) {
  LayerGeometry g;
  g.nx = nx;
  g.ny = ny;
  g.nf = nf;
  g.nbatch = nbatch;
  g.nbatch_global = nbatch;
  g.kx0 = kx0;
  g.ky0 = ky0;
  g.nx_global = nx_global ? nx_global : nx;
  g.ny_global = ny_global ? ny_global : ny;
  g.halo = halo;
  return g;
}

}  // namespace

TEST_CASE("layer update kernels equal the shared per-element maths exactly", "[conformance]") {
  Backend& be = conformance_backend();
  const LayerGeometry g = layer(5, 3, 7, 3, Halo{1, 2, 2, 1});
  const std::size_t n = std::size_t(g.nbatch) * g.neurons(), n_ext = std::size_t(g.nbatch) * g.neurons_ext();
  const std::vector<float> v0 = random_values(n, 1), exc0 = random_values(n, 2), inh0 = random_values(n, 3);
  const std::vector<float> a0 = random_values(n_ext, 4, 0.5);
  auto ext = [&](int b, std::size_t i) {
    const std::size_t row = std::size_t(g.nx) * g.nf, y = i / row, xf = i % row;
    return std::size_t(b) * g.neurons_ext() + g.ext_index(0, int(y), 0) + xf;
  };

  SECTION("LCA") {
    Buffer v(be, v0), exc(be, exc0), inh(be, inh0), a(be, a0);
    const std::vector<float> decay = {0.9f, 0.5f, 0.99f};
    be.lca_update({g, v.dev.data(), exc.dev.data(), inh.dev.data(), a.dev.data(), 1.0f, decay});
    const std::vector<float> got = v.read();
    for (int b = 0; b < g.nbatch; ++b)
      for (std::size_t i = 0; i < g.neurons(); ++i) {
        const std::size_t k = std::size_t(b) * g.neurons() + i;
        REQUIRE(got[k] == lca_update(v0[k], (exc0[k] - inh0[k]) + 1.0f * a0[ext(b, i)], decay[std::size_t(b)]));
      }
  }
  SECTION("ISTA") {
    Buffer v(be, v0), exc(be, exc0), inh(be, inh0), a(be, a0);
    const std::vector<float> step = {0.1f, 0.25f, 0.03f};
    be.ista_update({g, v.dev.data(), exc.dev.data(), inh.dev.data(), a.dev.data(), 0.3f, step});
    const std::vector<float> got = v.read();
    for (int b = 0; b < g.nbatch; ++b)
      for (std::size_t i = 0; i < g.neurons(); ++i) {
        const std::size_t k = std::size_t(b) * g.neurons() + i;
        REQUIRE(got[k] == ista_update(v0[k], exc0[k] - inh0[k], a0[ext(b, i)], step[std::size_t(b)], 0.3f));
      }
  }
  SECTION("combine channels (error and ANN layers)") {
    Buffer v(be, v0), exc(be, exc0), inh(be, inh0);
    be.combine_channels({long(n), v.dev.data(), exc.dev.data(), inh.dev.data(), 0.7f});
    const std::vector<float> got = v.read();
    for (std::size_t k = 0; k < n; ++k) REQUIRE(got[k] == 0.7f * (exc0[k] - inh0[k]));
  }
  SECTION("threshold and identity write the restricted part of A and leave the halo") {
    for (bool identity : {false, true}) {
      Buffer v(be, v0), a(be, a0);
      const Threshold t{0.1f, 0.0f, 0.8f, 0.05f, 0.2f};
      be.threshold({g, v.dev.data(), a.dev.data(), t, identity});
      const std::vector<float> got = a.read();
      std::vector<float> want = a0;
      for (int b = 0; b < g.nbatch; ++b)
        for (std::size_t i = 0; i < g.neurons(); ++i) {
          const float x = v0[std::size_t(b) * g.neurons() + i];
          want[ext(b, i)] = identity ? x : apply_threshold(x, t);
        }
      REQUIRE(got == want);
    }
  }
}

TEST_CASE("one-to-one delivery adds scale times the restricted activity", "[conformance]") {
  Backend& be = conformance_backend();
  const LayerGeometry g = layer(5, 4, 3, 3, Halo{2, 1, 0, 3});
  const std::vector<float> a0 = random_values(std::size_t(g.nbatch) * g.neurons_ext(), 7);
  const std::vector<float> g0 = random_values(std::size_t(g.nbatch) * g.neurons(), 8);
  Buffer a(be, a0), gsyn(be, g0);
  be.deliver_one_to_one({g, a.dev.data(), gsyn.dev.data(), -0.5f});
  const std::vector<float> got = gsyn.read();
  for (int b = 0; b < g.nbatch; ++b)
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f) {
          const std::size_t k = std::size_t(b) * g.neurons() + g.index(x, y, f);
          REQUIRE(got[k] == g0[k] + -0.5f * a0[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)]);
        }
}

TEST_CASE("boundary fill mirrors or sets the halo of a whole-layer tile", "[conformance]") {
  Backend& be = conformance_backend();
  const LayerGeometry g = layer(4, 3, 2, 3, Halo{3, 1, 2, 3});
  for (bool mirror : {true, false}) {
    Buffer a(be, random_values(std::size_t(g.nbatch) * g.neurons_ext(), 5));
    be.fill_boundary({g, a.dev.data(), mirror, 0.25f});
    const std::vector<float> got = a.read();
    auto reflect = [](int i, int n) {
      while (i < 0 || i >= n) i = i < 0 ? -1 - i : 2 * n - 1 - i;
      return i;
    };
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = -g.halo.dn; y < g.ny + g.halo.up; ++y)
        for (int x = -g.halo.lt; x < g.nx + g.halo.rt; ++x)
          for (int f = 0; f < g.nf; ++f) {
            const std::size_t base = std::size_t(b) * g.neurons_ext();
            const std::size_t src = base + g.ext_index(reflect(x, g.nx), reflect(y, g.ny), f);
            const float want = (x >= 0 && x < g.nx && y >= 0 && y < g.ny) || mirror ? a.host[src] : 0.25f;
            REQUIRE(got[base + g.ext_index(x, y, f)] == want);
          }
  }
}

TEST_CASE("reductions equal double sums over the restricted neurons", "[conformance]") {
  Backend& be = conformance_backend();
  const LayerGeometry g = layer(6, 5, 3, 3, Halo{2, 2, 1, 1});
  for (bool extended : {false, true}) {
    const std::size_t n = std::size_t(g.nbatch) * (extended ? g.neurons_ext() : g.neurons());
    Buffer data(be, random_values(n, 6, 0.6));
    for (ReduceOp op : {ReduceOp::Sum, ReduceOp::SumAbs, ReduceOp::SumSquares, ReduceOp::CountNonzero}) {
      std::vector<double> got(std::size_t(g.nbatch));
      be.reduce({g, data.dev.data(), extended, op, got});
      for (int b = 0; b < g.nbatch; ++b) {
        double want = 0.0;
        for (int y = 0; y < g.ny; ++y)
          for (int x = 0; x < g.nx; ++x)
            for (int f = 0; f < g.nf; ++f) {
              const double v = data.host[extended ? std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)
                                                  : std::size_t(b) * g.neurons() + g.index(x, y, f)];
              want += op == ReduceOp::Sum ? v : op == ReduceOp::SumAbs ? std::fabs(v)
                                            : op == ReduceOp::SumSquares ? v * v : (v != 0.0 ? 1.0 : 0.0);
            }
        // Both sum in double, in different orders: equal to far below float precision.
        REQUIRE(std::fabs(got[std::size_t(b)] - want) <= 1e-12 * (1.0 + std::fabs(want)));
      }
    }
  }
}

namespace {

// One convolution case: global sizes per axis, patch, features, and the tiles (offsets) and extra halo to use.
struct ConvCase {
  const char* name;
  int pre_nx, post_nx, nxp;
  int pre_ny, post_ny, nyp;
  int nf_pre, nfp;
  int tiles_x = 1, tile_x = 0;  // the pre and post layers split into tiles_x tiles along x; test tile tile_x
  int extra_halo = 0;           // halo beyond what the connection needs (another connection may ask for more)
};

ConvShape shape_of(const ConvCase& c, int nbatch) {
  ConvGeometry g;
  g.x = make_axis(c.pre_nx, c.post_nx, c.nxp);
  g.y = make_axis(c.pre_ny, c.post_ny, c.nyp);
  g.nf_pre = c.nf_pre;
  g.nfp = c.nfp;
  Halo h = g.pre_halo();
  h.lt += c.extra_halo;
  h.rt += c.extra_halo;
  h.dn += c.extra_halo;
  h.up += c.extra_halo;
  const int pre_tile = c.pre_nx / c.tiles_x, post_tile = c.post_nx / c.tiles_x;
  const LayerGeometry pre = layer(pre_tile, c.pre_ny, c.nf_pre, nbatch, h, pre_tile * c.tile_x, 0, c.pre_nx, c.pre_ny);
  const LayerGeometry post =
      layer(post_tile, c.post_ny, c.nfp, nbatch, Halo{1, 1, 1, 1}, post_tile * c.tile_x, 0, c.post_nx, c.post_ny);
  return conv_shape_of(g, pre, post);
}

// gsyn + W * activity by brute force: every pre neuron of the extended tile scatters its whole patch, clipped to
// the post tile, summed in double.
std::vector<double> brute_force_delivery(const ConvShape& s, const std::vector<float>& act,
                                         const std::vector<float>& w, const std::vector<float>& gsyn) {
  std::vector<double> out(gsyn.begin(), gsyn.end());
  const LayerGeometry &pre = s.pre, &post = s.post;
  for (int b = 0; b < pre.nbatch; ++b)
    for (int y = -pre.halo.dn; y < pre.ny + pre.halo.up; ++y)
      for (int x = -pre.halo.lt; x < pre.nx + pre.halo.rt; ++x)
        for (int f = 0; f < pre.nf; ++f) {
          const float a = act[std::size_t(b) * pre.neurons_ext() + pre.ext_index(x, y, f)];
          const int gx = x + pre.kx0, gy = y + pre.ky0;
          const int kernel = (s.y.cell(gy) * s.x.down + s.x.cell(gx)) * s.nf_pre + f;
          for (int oy = 0; oy < s.y.patch; ++oy)
            for (int ox = 0; ox < s.x.patch; ++ox) {
              const int px = s.x.patch_start(gx) + ox - post.kx0, py = s.y.patch_start(gy) + oy - post.ky0;
              if (px < 0 || px >= post.nx || py < 0 || py >= post.ny) continue;
              for (int fp = 0; fp < s.nfp; ++fp)
                out[std::size_t(b) * post.neurons() + post.index(px, py, fp)] +=
                    double(a) * w[std::size_t(kernel) * s.patch_size() + (std::size_t(oy) * s.x.patch + ox) * s.nfp + fp];
            }
        }
  return out;
}

const ConvCase kCases[] = {
    {"one-to-one, odd sizes and patches", 7, 7, 3, 5, 5, 5, 3, 5},
    {"one-to-many stride 2", 5, 10, 4, 3, 6, 6, 3, 2},
    {"one-to-many stride 4", 3, 12, 8, 2, 8, 4, 2, 3},
    {"many-to-one stride 2", 10, 5, 3, 6, 3, 1, 3, 4},
    {"many-to-one stride 4", 12, 3, 3, 8, 2, 5, 2, 3},
    {"one-to-many along x, many-to-one along y", 4, 8, 6, 12, 3, 3, 3, 2},
    {"tutorial shapes (8x8 at stride 2), wider halo", 8, 16, 8, 8, 16, 8, 4, 3, 1, 0, 1},
    {"transpose shapes (many-to-one 4x4), tile 2 of 2", 16, 8, 4, 8, 4, 4, 3, 4, 2, 1},
    {"one-to-many stride 2, tile 1 of 2, wider halo", 6, 12, 4, 5, 10, 6, 2, 3, 2, 0, 2},
};

}  // namespace

TEST_CASE("the axis shape of the contract equals the connection geometry's", "[conformance]") {
  for (const ConvCase& c : kCases) {
    const AxisMap m = make_axis(c.pre_nx, c.post_nx, c.nxp);
    const ConvAxisShape a = shape_of(c, 1).x;
    for (int i = -20; i < 40; ++i) {
      REQUIRE(a.patch_start(i) == m.patch_start(i));
      REQUIRE(a.cell(i) == m.cell(i));
    }
  }
}

TEST_CASE("dense and sparse deliveries equal a brute-force convolution", "[conformance]") {
  Backend& be = conformance_backend();
  // A back-end may offer a library convolution for dense deliveries (CUDA: cuDNN) where the shape allows; it must
  // agree with the brute force too, though not bit for bit with the gather.
  for (const bool library : {false, true}) {
    for (const ConvCase& c : kCases) {
      INFO(c.name << (library ? ", library convolution where offered" : ""));
      const ConvShape s = shape_of(c, 3);
      const std::vector<float> act0 = random_values(std::size_t(s.pre.nbatch) * s.pre.neurons_ext(), 11, 0.7);
      const std::vector<float> w0 = random_values(std::size_t(s.kernels()) * s.patch_size(), 12);
      const std::vector<float> g0 = random_values(std::size_t(s.post.nbatch) * s.post.neurons(), 13);
      const std::vector<double> want = brute_force_delivery(s, act0, w0, g0);
      std::vector<float> dense, sparse;
      for (DeliveryMode mode : {DeliveryMode::Dense, DeliveryMode::Sparse}) {
        Buffer act(be, act0), w(be, w0), gsyn(be, g0);
        std::unique_ptr<ConvKernels> k = make_conv_kernels(be, s);
        const bool use_library = library && mode == DeliveryMode::Dense && k->enable_library();
        k->deliver({act.dev.data(), w.dev.data(), gsyn.dev.data()}, use_library ? DeliveryMode::Library : mode);
        (mode == DeliveryMode::Dense ? dense : sparse) = gsyn.read();
      }
      // At most patch * nf_pre float terms of size <= 1 each per post neuron: float rounding stays far below this.
      const double tolerance = 1e-6 * (1.0 + double(s.patch_size()) * s.nf_pre / s.nfp);
      for (std::size_t i = 0; i < want.size(); ++i) {
        REQUIRE(std::fabs(dense[i] - want[i]) <= tolerance);
        REQUIRE(std::fabs(sparse[i] - want[i]) <= tolerance);
        // Without a library both visit the same terms in the same order (ascending pre y, x, f): bit for bit.
        if (!library) REQUIRE(sparse[i] == dense[i]);
      }
    }
  }
}

TEST_CASE("dW accumulation equals brute-force integer sums exactly", "[conformance]") {
  Backend& be = conformance_backend();
  for (const ConvCase& c : kCases) {
    INFO(c.name);
    const ConvShape s = shape_of(c, 1);
    const std::vector<float> pre0 = random_values(s.pre.neurons_ext(), 21, 0.6);
    const std::vector<float> post0 = random_values(s.post.neurons_ext(), 22);
    const std::size_t n = std::size_t(s.kernels()) * s.patch_size();
    const float dw_max = 0.37f;
    const int unit_exponent = -40;
    const double scale = std::ldexp(1.0, -unit_exponent);
    std::vector<std::int64_t> want(n, 5), want_counts(n, 2);  // added into, not overwritten
    for (int y = -s.pre.halo.dn; y < s.pre.ny + s.pre.halo.up; ++y)
      for (int x = -s.pre.halo.lt; x < s.pre.nx + s.pre.halo.rt; ++x)
        for (int f = 0; f < s.nf_pre; ++f) {
          const float a = pre0[s.pre.ext_index(x, y, f)];
          if (a == 0.0f) continue;
          const int gx = x + s.pre.kx0, gy = y + s.pre.ky0;
          const int kernel = (s.y.cell(gy) * s.x.down + s.x.cell(gx)) * s.nf_pre + f;
          for (int oy = 0; oy < s.y.patch; ++oy)
            for (int ox = 0; ox < s.x.patch; ++ox) {
              const int px = s.x.patch_start(gx) + ox - s.post.kx0, py = s.y.patch_start(gy) + oy - s.post.ky0;
              if (px < 0 || px >= s.post.nx || py < 0 || py >= s.post.ny) continue;
              for (int fp = 0; fp < s.nfp; ++fp) {
                const std::size_t at = std::size_t(kernel) * s.patch_size() + (std::size_t(oy) * s.x.patch + ox) * s.nfp + fp;
                const float term = (dw_max * a) * post0[s.post.ext_index(px, py, fp)];
                want[at] += std::int64_t(double(term) * scale);
                want_counts[at] += 1;
              }
            }
        }
    Buffer pre(be, pre0), post(be, post0);
    std::vector<std::int64_t> got(n, 5), got_counts(n, 2);
    void* dw = be.allocate(n * sizeof(std::int64_t));
    void* counts = be.allocate(n * sizeof(std::int64_t));
    be.to_device(dw, got.data(), n * sizeof(std::int64_t));
    be.to_device(counts, got_counts.data(), n * sizeof(std::int64_t));
    std::unique_ptr<ConvKernels> k = make_conv_kernels(be, s);
    k->accumulate_dw({pre.dev.data(), post.dev.data(), s.post, dw_max, unit_exponent,
                      static_cast<std::int64_t*>(dw), static_cast<std::int64_t*>(counts)});
    be.synchronize();
    be.to_host(got.data(), dw, n * sizeof(std::int64_t));
    be.to_host(got_counts.data(), counts, n * sizeof(std::int64_t));
    be.release(dw);
    be.release(counts);
    REQUIRE(got == want);
    REQUIRE(got_counts == want_counts);
  }
}
