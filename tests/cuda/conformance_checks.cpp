// The kernel contract's conformance tests, run unchanged on every back-end: layer updates against the shared
// per-element maths (exact: both back-ends round each operation as the CPU does), boundary fill against the mirror
// rule, reductions against double sums, deliveries (dense and sparse) against a brute-force convolution on odd
// shapes (strides 1, 2, 4 both ways, tiles with offsets, wider halos, nbatch 3), and dW against brute-force integer
// sums (exact).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
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

// Pinned cases: small literal inputs and literal expected outputs, worked out by hand from the equations (OpenPV's
// HyPerLCALayer, ISTALayer, ANNLayer / ANNActivityBuffer, HebbianUpdater), never from the functions the kernels call.
// Every input is a short dyadic fraction, so every intermediate is exact in float on any back-end (with or without
// fused multiply-add) and the results can be compared with ==. A halo cell that must not be read or written holds
// the sentinel S = 1000, which would show up in any result that used it.
namespace {

constexpr float S = 1000.0f;
constexpr float kInf = std::numeric_limits<float>::infinity();

// A = T(V) (or the identity) over one row of v.size() neurons, nf 1, nbatch 1, halo 1 left and right; returns the
// whole extended A (S, A_0 .. A_{n-1}, S), so that the test also sees that the halo is left alone.
std::vector<float> threshold_row(Backend& be, const std::vector<float>& v, const Threshold& t, bool identity = false) {
  const LayerGeometry g = layer(int(v.size()), 1, 1, 1, Halo{1, 1, 0, 0});
  Buffer vb(be, v), ab(be, std::vector<float>(v.size() + 2, S));
  be.threshold({g, vb.dev.data(), ab.dev.data(), t, identity});
  return ab.read();
}

// The LCA and ISTA cases' inputs: 4 x 1 x 1 neurons, 2 batch elements, A extended by one halo column each side
// (S: never read).
struct PinnedUpdateInputs {
  const LayerGeometry g = layer(4, 1, 1, 2, Halo{1, 1, 0, 0});
  const std::vector<float> v0 = {1, -2, 0.5f, 0, /* batch 1 */ 2, 0, -1, 4};
  const std::vector<float> exc = {3, 1, 0.25f, -1, /* batch 1 */ 0, 0.5f, -0.5f, 1};
  const std::vector<float> inh = {1, 2, 0.75f, 0, /* batch 1 */ 1, -0.5f, 0.5f, 0};
  // exc - inh:                  {2, -1, -0.5, -1,  /* batch 1 */ -1, 1, -1, 1}
  const std::vector<float> a = {S, 0.5f, 1, 0, 2, S, /* batch 1 */ S, -0.5f, 0, 3, 0.25f, S};
};

}  // namespace

TEST_CASE("pinned: the LCA update on hand-computed values", "[conformance][pinned]") {
  // V' = d V + (1 - d) (exc - inh + self A), d = e^(-h/tau) per batch element (OpenPV's updateHyPerLCAOnCPU).
  Backend& be = conformance_backend();
  const PinnedUpdateInputs in;
  const std::vector<float> decay = {0.75f, 0.5f};

  SECTION("selfInteract: the drive includes A") {
    Buffer v(be, in.v0), e(be, in.exc), i(be, in.inh), ab(be, in.a);
    be.lca_update({in.g, v.dev.data(), e.dev.data(), i.dev.data(), ab.dev.data(), 1.0f, decay});
    // batch 0, d = 3/4: drive = {2 + 0.5, -1 + 1, -0.5 + 0, -1 + 2} = {2.5, 0, -0.5, 1}
    //   0.75 * 1 + 0.25 * 2.5 = 1.375;  0.75 * -2 + 0.25 * 0 = -1.5;  0.75 * 0.5 + 0.25 * -0.5 = 0.25;
    //   0.75 * 0 + 0.25 * 1 = 0.25
    // batch 1, d = 1/2: drive = {-1 - 0.5, 1 + 0, -1 + 3, 1 + 0.25} = {-1.5, 1, 2, 1.25}
    //   0.5 * 2 + 0.5 * -1.5 = 0.25;  0 + 0.5 * 1 = 0.5;  0.5 * -1 + 0.5 * 2 = 0.5;  0.5 * 4 + 0.5 * 1.25 = 2.625
    REQUIRE(v.read() == std::vector<float>{1.375f, -1.5f, 0.25f, 0.25f, 0.25f, 0.5f, 0.5f, 2.625f});
  }
  SECTION("without selfInteract A is not read") {
    Buffer v(be, in.v0), e(be, in.exc), i(be, in.inh), ab(be, in.a);
    be.lca_update({in.g, v.dev.data(), e.dev.data(), i.dev.data(), ab.dev.data(), 0.0f, decay});
    // batch 0: 0.75 * 1 + 0.25 * 2 = 1.25;  0.75 * -2 + 0.25 * -1 = -1.75;  0.375 - 0.125 = 0.25;  0 - 0.25 = -0.25
    // batch 1: 0.5 * 2 + 0.5 * -1 = 0.5;  0 + 0.5 = 0.5;  -0.5 - 0.5 = -1;  2 + 0.5 = 2.5
    REQUIRE(v.read() == std::vector<float>{1.25f, -1.75f, 0.25f, -0.25f, 0.5f, 0.5f, -1.0f, 2.5f});
  }
  SECTION("decay 1 keeps V, decay 0 jumps to the drive") {
    Buffer v(be, in.v0), e(be, in.exc), i(be, in.inh), ab(be, in.a);
    const std::vector<float> ends = {1.0f, 0.0f};
    be.lca_update({in.g, v.dev.data(), e.dev.data(), i.dev.data(), ab.dev.data(), 1.0f, ends});
    // batch 0 keeps v0; batch 1 becomes its drive {-1.5, 1, 2, 1.25}
    REQUIRE(v.read() == std::vector<float>{1, -2, 0.5f, 0, -1.5f, 1, 2, 1.25f});
  }
}

TEST_CASE("pinned: the ISTA update on hand-computed values", "[conformance][pinned]") {
  // V' = V + (h/tau) (exc - inh - VThresh sign(A)), sign(0) = 0 (OpenPV's updateISTAInternalStateBufferOnCPU).
  Backend& be = conformance_backend();
  const PinnedUpdateInputs in;
  // sign(A) over the restricted neurons: {+1, +1, 0, +1, /* batch 1 */ -1, 0, +1, +1}
  const std::vector<float> step = {0.25f, 0.5f};
  Buffer v(be, in.v0), e(be, in.exc), i(be, in.inh), ab(be, in.a);
  be.ista_update({in.g, v.dev.data(), e.dev.data(), i.dev.data(), ab.dev.data(), 0.5f, step});
  // batch 0, h/tau = 1/4, VThresh 1/2:
  //   1 + 0.25 (2 - 0.5) = 1.375;  -2 + 0.25 (-1 - 0.5) = -2.375;  0.5 + 0.25 (-0.5 - 0) = 0.375;
  //   0 + 0.25 (-1 - 0.5) = -0.375
  // batch 1, h/tau = 1/2:
  //   2 + 0.5 (-1 + 0.5) = 1.75 (A < 0: + VThresh);  0 + 0.5 (1 - 0) = 0.5;  -1 + 0.5 (-1 - 0.5) = -1.75;
  //   4 + 0.5 (1 - 0.5) = 4.25 (sign, not A: 0.25 * 0.5 would give 4.4375)
  // A sign error on the threshold term would give 1 + 0.25 (2 + 0.5) = 1.625 and 2 + 0.5 (-1 - 0.5) = 1.25; the
  // channels swapped, 1 + 0.25 (-2 - 0.5) = 0.375.
  REQUIRE(v.read() == std::vector<float>{1.375f, -2.375f, 0.375f, -0.375f, 1.75f, 0.5f, -1.75f, 4.25f});
}

TEST_CASE("pinned: combine channels on hand-computed values", "[conformance][pinned]") {
  // V = scale (exc - inh) over n contiguous elements (ANNLayer: scale 1; ANNErrorLayer: errScale).
  Backend& be = conformance_backend();
  const std::vector<float> exc = {3, 1, 0.25f, -1, 0, 0.5f, -0.5f, 1};
  const std::vector<float> inh = {1, 2, 0.75f, 0, 1, -0.5f, 0.5f, 0};
  // exc - inh = {2, -1, -0.5, -1, -1, 1, -1, 1}
  for (const float scale : {1.0f, 0.5f, -2.0f}) {
    Buffer v(be, std::vector<float>(8, S)), e(be, exc), i(be, inh);  // V's old values are overwritten
    be.combine_channels({8, v.dev.data(), e.dev.data(), i.dev.data(), scale});
    const std::vector<float> got = v.read();
    if (scale == 1.0f) REQUIRE(got == std::vector<float>{2, -1, -0.5f, -1, -1, 1, -1, 1});
    if (scale == 0.5f) REQUIRE(got == std::vector<float>{1, -0.5f, -0.25f, -0.5f, -0.5f, 0.5f, -0.5f, 0.5f});
    if (scale == -2.0f) REQUIRE(got == std::vector<float>{-4, 2, 1, 2, 2, -2, 2, -2});
  }
  // n counts elements: only the first 3 change.
  Buffer v(be, std::vector<float>(8, S)), e(be, exc), i(be, inh);
  be.combine_channels({3, v.dev.data(), e.dev.data(), i.dev.data(), 1.0f});
  REQUIRE(v.read() == std::vector<float>{2, -1, -0.5f, S, S, S, S, S});
}

TEST_CASE("pinned: every threshold variant on hand-computed values", "[conformance][pinned]") {
  // Threshold{VThresh, AMin, AMax, AShift, VWidth}; A = AMin for V < VThresh, the ramp from (VThresh, AMin) to
  // (VThresh + VWidth, VThresh + VWidth - AShift) for V inside it, V - AShift above, then min(., AMax). These are
  // OpenPV's ANNActivityBuffer vertices (continuous from the right at a jump: A(VThresh) = VThresh - AShift when
  // VWidth = 0).
  Backend& be = conformance_backend();

  SECTION("hard threshold: VThresh 0.5, AMin 0, AShift 0") {
    // just below (0.4375) and far below (-1) give AMin; at and above give V itself
    REQUIRE(threshold_row(be, {-1, 0.4375f, 0.5f, 0.75f, 2}, {0.5f, 0, kInf, 0, 0}) ==
            std::vector<float>{S, 0, 0, 0.5f, 0.75f, 2, S});
  }
  SECTION("soft threshold: VThresh 0.5, AMin 0, AShift 0.5") {
    // 0.5 - 0.5 = 0 at the threshold; 0.75 - 0.5 = 0.25; 2 - 0.5 = 1.5
    REQUIRE(threshold_row(be, {-1, 0.4375f, 0.5f, 0.75f, 2}, {0.5f, 0, kInf, 0.5f, 0}) ==
            std::vector<float>{S, 0, 0, 0, 0.25f, 1.5f, S});
  }
  SECTION("AMin below the threshold: an explicit -0.25, and OpenPV's default AMin = VThresh") {
    REQUIRE(threshold_row(be, {-1, 0.25f, 0.5f, 1}, {0.5f, -0.25f, kInf, 0, 0}) ==
            std::vector<float>{S, -0.25f, -0.25f, 0.5f, 1, S});
    REQUIRE(threshold_row(be, {-3, 0.25f, 0.5f, 0.75f}, {0.5f, 0.5f, kInf, 0, 0}) ==
            std::vector<float>{S, 0.5f, 0.5f, 0.5f, 0.75f, S});
  }
  SECTION("AMax caps the soft threshold: VThresh 0.5, AMin 0, AShift 0.5, AMax 1") {
    // 1.25 - 0.5 = 0.75 (below the cap); 1.5 - 0.5 = 1 (at it); 1.75 - 0.5 = 1.25 -> 1; 3 - 0.5 = 2.5 -> 1
    REQUIRE(threshold_row(be, {0.25f, 1.25f, 1.5f, 1.75f, 3}, {0.5f, 0, 1, 0.5f, 0}) ==
            std::vector<float>{S, 0, 0.75f, 1, 1, 1, S});
  }
  SECTION("VWidth ramp smoothing a hard threshold: VThresh 0.5, AMin 0, AShift 0, VWidth 0.5") {
    // ramp from (0.5, 0) to (1, 1 - 0) = slope (1 - 0) / 0.5 = 2:
    //   0.625 -> 2 * 0.125 = 0.25;  0.75 -> 2 * 0.25 = 0.5;  0.875 -> 2 * 0.375 = 0.75;
    // then V - 0: 1 -> 1 (the ramp's end, continuous), 2 -> 2; below: 0.25 -> 0, 0.5 -> 0 (the ramp's start)
    REQUIRE(threshold_row(be, {0.25f, 0.5f, 0.625f, 0.75f, 0.875f, 1, 2}, {0.5f, 0, kInf, 0, 0.5f}) ==
            std::vector<float>{S, 0, 0, 0.25f, 0.5f, 0.75f, 1, 2, S});
  }
  SECTION("VWidth ramp with AMin and AShift, then AMax: VThresh 1, AMin 0.5, AMax 3, AShift 0.25, VWidth 2") {
    // ramp from (1, 0.5) to (3, 3 - 0.25 = 2.75): slope (2.75 - 0.5) / 2 = 1.125
    //   0 -> 0.5 (below);  1 -> 0.5 (start);  2 -> 0.5 + 1.125 * 1 = 1.625;  2.5 -> 0.5 + 1.125 * 1.5 = 2.1875
    // then V - 0.25: 3 -> 2.75;  3.125 -> 2.875;  3.25 -> 3 (reaches AMax);  4 -> 3.75 -> 3 (capped)
    REQUIRE(threshold_row(be, {0, 1, 2, 2.5f, 3, 3.125f, 3.25f, 4}, {1, 0.5f, 3, 0.25f, 2}) ==
            std::vector<float>{S, 0.5f, 0.5f, 1.625f, 2.1875f, 2.75f, 2.875f, 3, 3, S});
  }
  SECTION("no threshold (VThresh = AMin = -infinity): A = V - AShift on both sides, capped by AMax") {
    // AShift 0.25, AMax 0.5: -2 -> -2.25; 0 -> -0.25; 0.5 -> 0.25; 0.75 -> 0.5; 1 -> 0.75 -> 0.5
    REQUIRE(threshold_row(be, {-2, 0, 0.5f, 0.75f, 1}, {-kInf, -kInf, 0.5f, 0.25f, 0}) ==
            std::vector<float>{S, -2.25f, -0.25f, 0.25f, 0.5f, 0.5f, S});
    // A VWidth with VThresh = -infinity changes nothing (the ramp has no finite start).
    REQUIRE(threshold_row(be, {-2, 0, 1}, {-kInf, -kInf, kInf, 0, 1}) == std::vector<float>{S, -2, 0, 1, S});
  }
  SECTION("a negative threshold: VThresh -0.5, AMin -1, AShift 0") {
    // -0.75 < -0.5 -> -1;  -0.5 -> -0.5;  -0.25 -> -0.25;  0.5 -> 0.5
    REQUIRE(threshold_row(be, {-0.75f, -0.5f, -0.25f, 0.5f}, {-0.5f, -1, kInf, 0, 0}) ==
            std::vector<float>{S, -1, -0.5f, -0.25f, 0.5f, S});
  }
  SECTION("identity copies V whatever the threshold") {
    REQUIRE(threshold_row(be, {-1, 0.4375f, 0.5f, 0.75f, 2}, {0.5f, 0, 1, 0.5f, 0}, true) ==
            std::vector<float>{S, -1, 0.4375f, 0.5f, 0.75f, 2, S});
  }
  SECTION("two rows and two batch elements land at their extended positions") {
    // 2 x 2 x 1, nbatch 2, halo lt 1, rt 0, dn 0, up 1: extended rows of 3, 3 rows per batch element.
    const LayerGeometry g = layer(2, 2, 1, 2, Halo{1, 0, 0, 1});
    Buffer v(be, {0.25f, 1, 2, 0.75f, /* batch 1 */ 3, -1, 0.5f, 1.5f}), ab(be, std::vector<float>(18, S));
    be.threshold({g, v.dev.data(), ab.dev.data(), {0.5f, 0, kInf, 0.5f, 0}, false});  // soft threshold 0.5
    REQUIRE(ab.read() == std::vector<float>{S, 0, 0.5f, S, 1.5f, 0.25f, S, S, S, S, 2.5f, 0, S, 0, 1, S, S, S});
  }
}

TEST_CASE("pinned: a piecewise-linear transfer function on hand-computed values", "[conformance][pinned]") {
  Backend& be = conformance_backend();
  // Vertices (0, 0), (1, 1), (1, 2), (2, 2); slope 0 left of the first, 0.5 right of the last. Slopes by hand:
  // 1 on [0, 1), a jump at V = 1 (the right value, 2, holds there), 0 on (1, 2).
  const float table[] = {0, 1, 1, 2, /* A */ 0, 1, 2, 2, /* slopes */ 0, 1, kInf, 0, 0.5f};
  const LayerGeometry g = layer(7, 1, 1, 1);
  Buffer v(be, {-1, 0, 0.5f, 1, 1.5f, 2, 3}), ab(be, std::vector<float>(7, 9));
  be.threshold({g, v.dev.data(), ab.dev.data(), {0, 0, kInf, 0, 0}, false, table, 4});
  REQUIRE(ab.read() == std::vector<float>{0, 0, 0.5f, 2, 2, 2, 2.5f});
}

TEST_CASE("pinned: one-to-one delivery on hand-computed values", "[conformance][pinned]") {
  // gsyn (restricted) += scale * A (extended; the halo, S, is not read). 3 x 2 x 1, nbatch 2, halo lt 1, dn 1.
  Backend& be = conformance_backend();
  const LayerGeometry g = layer(3, 2, 1, 2, Halo{1, 0, 1, 0});
  const std::vector<float> a = {S,
                                S,
                                S,
                                S,
                                S,
                                1,
                                -2,
                                0.5f,
                                S,
                                0.25f,
                                0,
                                4,
                                /* batch 1 */ S,
                                S,
                                S,
                                S,
                                S,
                                -1,
                                0,
                                2,
                                S,
                                0.5f,
                                0.5f,
                                -4};
  Buffer ab(be, a), gsyn(be, {1, 1, 1, 0, -1, 2, /* batch 1 */ 0, 0, 0, 0, 0, 0});
  be.deliver_one_to_one({g, ab.dev.data(), gsyn.dev.data(), -0.5f});
  // batch 0: 1 - 0.5 * 1 = 0.5;  1 + 1 = 2;  1 - 0.25 = 0.75;  0 - 0.125 = -0.125;  -1 - 0 = -1;  2 - 2 = 0
  // batch 1: 0.5;  0;  -1;  -0.25;  -0.25;  2
  REQUIRE(gsyn.read() == std::vector<float>{0.5f, 2, 0.75f, -0.125f, -1, 0, 0.5f, 0, -1, -0.25f, -0.25f, 2});
}

namespace {

// A 1-D shape (y: one row, patch 1; nf 1 both sides) with the given pre / post sizes and patch along x; the pre
// layer gets the halo the connection needs, the post layer the halo given.
ConvShape line_shape(int n_pre, int n_post, int patch, Halo post_halo = {}) {
  ConvGeometry cg;
  cg.x = make_axis(n_pre, n_post, patch);
  cg.y = make_axis(1, 1, 1);
  return conv_shape_of(cg, layer(n_pre, 1, 1, 1, cg.pre_halo()), layer(n_post, 1, 1, 1, post_halo));
}

struct DwResult {
  std::vector<std::int64_t> dw, counts;
};

DwResult run_dw(Backend& be, const ConvShape& s, const std::vector<float>& pre, const std::vector<float>& post,
                float dw_max, int unit_exponent, std::vector<std::int64_t> dw, std::vector<std::int64_t> counts) {
  const std::size_t n = dw.size();
  Buffer pb(be, pre), qb(be, post);
  void* d = be.allocate(n * sizeof(std::int64_t));
  void* c = be.allocate(n * sizeof(std::int64_t));
  be.to_device(d, dw.data(), n * sizeof(std::int64_t));
  be.to_device(c, counts.data(), n * sizeof(std::int64_t));
  std::unique_ptr<ConvKernels> k = make_conv_kernels(be, s);
  k->accumulate_dw({pb.dev.data(), qb.dev.data(), s.post, dw_max, unit_exponent, static_cast<std::int64_t*>(d),
                    static_cast<std::int64_t*>(c)});
  be.synchronize();
  be.to_host(dw.data(), d, n * sizeof(std::int64_t));
  be.to_host(counts.data(), c, n * sizeof(std::int64_t));
  be.release(d);
  be.release(c);
  return {dw, counts};
}

}  // namespace

TEST_CASE("pinned: a 1-D convolution delivery on hand-computed values", "[conformance][pinned]") {
  // 3 pre -> 3 post, patch 3: pre neuron x reaches post x - 1 + o with weight w[o] (OpenPV's patch start
  // x - (patch - 1) / 2), so post p = sum_o w[o] a(p + 1 - o), a(-1) and a(3) from the pre halo.
  Backend& be = conformance_backend();
  const ConvShape s = line_shape(3, 3, 3);
  REQUIRE(s.pre.halo == Halo{1, 1, 0, 0});
  const std::vector<float> act = {0.25f, 1, 0, 2, -0.75f};  // a(-1), a(0), a(1), a(2), a(3)
  const std::vector<float> w = {0.25f, -1, 2};
  // p = 0: 0.25 a(1) - a(0) + 2 a(-1) = 0 - 1 + 0.5 = -0.5;   + 1 = 0.5
  // p = 1: 0.25 a(2) - a(1) + 2 a(0) = 0.5 - 0 + 2 = 2.5;     + 1 = 3.5
  // p = 2: 0.25 a(3) - a(2) + 2 a(1) = -0.1875 - 2 + 0 = -2.1875;  + 1 = -1.1875
  // (the flipped kernel, a correlation, would give -0.9375 + 1 at p = 0)
  for (DeliveryMode mode : {DeliveryMode::Dense, DeliveryMode::Sparse}) {
    INFO((mode == DeliveryMode::Dense ? "dense" : "sparse"));
    Buffer a(be, act), wb(be, w), gsyn(be, {1, 1, 1});
    make_conv_kernels(be, s)->deliver({a.dev.data(), wb.dev.data(), gsyn.dev.data()}, mode);
    REQUIRE(gsyn.read() == std::vector<float>{0.5f, 3.5f, -1.1875f});
  }
}

TEST_CASE("pinned: Hebbian dW on hand-computed values", "[conformance][pinned]") {
  // Each pre neuron with a != 0 adds the term (dWMax a) b for every post neuron b of the tile its patch covers, cut
  // toward zero to whole units 2^unit_exponent, into dW at that patch offset, and 1 into the count (OpenPV's
  // HebbianUpdater, integer form). dW and counts are added into.
  Backend& be = conformance_backend();

  SECTION("3 pre -> 3 post, patch 3 (pre halo 1, post halo cells S never read)") {
    const ConvShape s = line_shape(3, 3, 3, Halo{1, 1, 0, 0});
    const std::vector<float> pre = {0, 1, 0, 2, -0.75f};          // a(-1) .. a(3): a(-1), a(1) = 0 add nothing
    const std::vector<float> post = {S, 0.6875f, -1, 0.375f, S};  // b(0) .. b(2) between halo cells
    // dWMax 2 (so dWMax a = {2, 4, -1.5} for x = 0, 2, 3), unit 2^-2: units = trunc(4 term).
    //   x = 0 covers post -1, 0, 1: o = 1: 2 * 0.6875 = 1.375 -> 5.5 -> 5;  o = 2: 2 * -1 = -2 -> -8
    //   x = 2 covers post 1, 2, 3: o = 0: 4 * -1 = -4 -> -16;  o = 1: 4 * 0.375 = 1.5 -> 6;  (post 3: halo)
    //   x = 3 covers post 2, 3, 4: o = 0: -1.5 * 0.375 = -0.5625 -> -2.25 -> -2 (toward zero, not -3)
    // dW  = {10, 20, 30} + {-16 - 2, 5 + 6, -8} = {-8, 31, 22};  counts = {1, 1, 1} + {2, 2, 1} = {3, 3, 2}
    const DwResult r = run_dw(be, s, pre, post, 2.0f, -2, {10, 20, 30}, {1, 1, 1});
    REQUIRE(r.dw == std::vector<std::int64_t>{-8, 31, 22});
    REQUIRE(r.counts == std::vector<std::int64_t>{3, 3, 2});
  }
  SECTION("2 pre -> 4 post (one-to-many, stride 2), patch 2") {
    // pre i covers post 2i + o (patch start 2i - (2 - 2) / 2); no halo. dWMax 1, unit 2^-3: units = trunc(8 term).
    const ConvShape s = line_shape(2, 4, 2);
    REQUIRE(s.pre.halo == Halo{});
    //   o = 0: a0 b0 + a1 b2 = 1 * 0.25 + -0.5 * -1 = 0.25 + 0.5 -> 2 + 4 = 6
    //   o = 1: a0 b1 + a1 b3 = 1 * 0.5 + -0.5 * 2 = 0.5 - 1 -> 4 - 8 = -4
    const DwResult r = run_dw(be, s, {1, -0.5f}, {0.25f, 0.5f, -1, 2}, 1.0f, -3, {0, 0}, {0, 0});
    REQUIRE(r.dw == std::vector<std::int64_t>{6, -4});
    REQUIRE(r.counts == std::vector<std::int64_t>{2, 2});
  }
  SECTION("4 pre -> 2 post (many-to-one, stride 2), patch 1: one kernel per cell") {
    // pre i covers post floor(i / 2) with kernel i % 2. dWMax 1, unit 2^-3.
    const ConvShape s = line_shape(4, 2, 1);
    REQUIRE(s.kernels() == 2);
    //   kernel 0 (pre 0, 2): 1 * 0.5 + -1 * -0.25 = 0.5 + 0.25 -> 4 + 2 = 6
    //   kernel 1 (pre 1, 3): 2 * 0.5 + 0.5 * -0.25 = 1 - 0.125 -> 8 - 1 = 7
    const DwResult r = run_dw(be, s, {1, 2, -1, 0.5f}, {0.5f, -0.25f}, 1.0f, -3, {0, 0}, {0, 0});
    REQUIRE(r.dw == std::vector<std::int64_t>{6, 7});
    REQUIRE(r.counts == std::vector<std::int64_t>{2, 2});
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
              want += op == ReduceOp::Sum          ? v
                      : op == ReduceOp::SumAbs     ? std::fabs(v)
                      : op == ReduceOp::SumSquares ? v * v
                                                   : (v != 0.0 ? 1.0 : 0.0);
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
std::vector<double> brute_force_delivery(const ConvShape& s, const std::vector<float>& act, const std::vector<float>& w,
                                         const std::vector<float>& gsyn) {
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
                    double(a) *
                    w[std::size_t(kernel) * s.patch_size() + (std::size_t(oy) * s.x.patch + ox) * s.nfp + fp];
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
  // agree with the brute force too, though not bit for bit with the gather. Activity with 30% and with 4% of the
  // neurons active: a sparse delivery may walk dense rows and sparse rows differently.
  for (const bool library : {false, true}) {
    for (const ConvCase& c : kCases) {
      for (const double zero_share : {0.7, 0.96}) {
        INFO(c.name << (library ? ", library convolution where offered" : "") << ", zero share " << zero_share);
        const ConvShape s = shape_of(c, 3);
        const std::vector<float> act0 = random_values(std::size_t(s.pre.nbatch) * s.pre.neurons_ext(), 11, zero_share);
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
                const std::size_t at =
                    std::size_t(kernel) * s.patch_size() + (std::size_t(oy) * s.x.patch + ox) * s.nfp + fp;
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
    k->accumulate_dw({pre.dev.data(), post.dev.data(), s.post, dw_max, unit_exponent, static_cast<std::int64_t*>(dw),
                      static_cast<std::int64_t*>(counts)});
    be.synchronize();
    be.to_host(got.data(), dw, n * sizeof(std::int64_t));
    be.to_host(got_counts.data(), counts, n * sizeof(std::int64_t));
    be.release(dw);
    be.release(counts);
    REQUIRE(got == want);
    REQUIRE(got_counts == want_counts);
  }
}
