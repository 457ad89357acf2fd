// Patch geometry of strided connections: patch starts, halo sizes and kernel indices against the conventions written
// out independently in conv_reference.hpp, and the sizes that must be rejected.
#include <catch2/catch.hpp>

#include <algorithm>

#include "connections/conv_geometry.hpp"
#include "tests/unit/connections/conv_reference.hpp"

using namespace spv;

namespace {

struct AxisCase {
  int n_pre, n_post, patch;
};

// The smallest and largest pre neuron (any integer) that reaches post neurons [0, n_post), by brute force.
std::pair<int, int> reaching_pre_range(const AxisCase& c) {
  int lo = 1 << 20, hi = -(1 << 20);
  for (int i = -4 * c.patch * 8; i < c.n_pre + 4 * c.patch * 8; ++i)
    for (int j = 0; j < c.n_post; ++j) {
      int offset;
      if (test::connects(c.n_pre, c.n_post, c.patch, i, j, &offset)) {
        lo = std::min(lo, i);
        hi = std::max(hi, i);
      }
    }
  return {lo, hi};
}

}  // namespace

TEST_CASE("patch starts follow the one-to-many, equal and many-to-one conventions", "[connections][geometry]") {
  // s = 1, 2, 4 one-to-many (or equal), r = 2, 4 many-to-one, with odd and even patches where allowed.
  const AxisCase cases[] = {{16, 16, 1},  {16, 16, 5}, {16, 32, 2}, {16, 32, 8}, {16, 32, 6}, {8, 32, 4},
                            {8, 32, 8},   {8, 32, 12}, {32, 16, 1}, {32, 16, 4}, {32, 16, 3}, {32, 8, 3},
                            {32, 8, 2},   {32, 8, 5},  {64, 16, 4}};
  for (const AxisCase& c : cases) {
    INFO("n_pre " << c.n_pre << ", n_post " << c.n_post << ", patch " << c.patch);
    REQUIRE(axis_problem(c.n_pre, c.n_post, c.patch).empty());
    const AxisMap a = make_axis(c.n_pre, c.n_post, c.patch);
    for (int i = -20; i < c.n_pre + 20; ++i)
      for (int j = -20; j < c.n_post + 20; ++j) {
        int expected_offset;
        const bool expected = test::connects(c.n_pre, c.n_post, c.patch, i, j, &expected_offset);
        const int offset = j - a.patch_start(i);
        const bool got = offset >= 0 && offset < c.patch;
        INFO("pre " << i << ", post " << j);
        REQUIRE(got == expected);
        if (got) REQUIRE(offset == expected_offset);
      }
  }
}

TEST_CASE("the tutorial's stride-2 patch of 8 starts 3 post neurons before 2i", "[connections][geometry]") {
  const AxisMap a = make_axis(16, 32, 8);
  CHECK(a.patch_start(0) == -3);
  CHECK(a.patch_start(5) == 7);
  CHECK(a.halo_before() == 2);
  CHECK(a.halo_after() == 2);
  const AxisMap t = make_axis(32, 16, transposed_patch(a));
  CHECK(t.patch == 4);
  CHECK(t.halo_before() == 3);
  CHECK(t.halo_after() == 3);
}

TEST_CASE("halo sizes are exactly what the post tile needs", "[connections][geometry]") {
  const AxisCase cases[] = {{16, 16, 1}, {16, 16, 7}, {16, 32, 2},  {16, 32, 8}, {16, 32, 6}, {8, 32, 4},
                            {8, 32, 12}, {32, 16, 1}, {32, 16, 4},  {32, 16, 3}, {32, 8, 3},  {32, 8, 2},
                            {64, 16, 5}, {16, 64, 8}, {16, 64, 12}};
  for (const AxisCase& c : cases) {
    INFO("n_pre " << c.n_pre << ", n_post " << c.n_post << ", patch " << c.patch);
    const AxisMap a = make_axis(c.n_pre, c.n_post, c.patch);
    const auto [lo, hi] = reaching_pre_range(c);
    CHECK(a.halo_before() == std::max(0, -lo));
    CHECK(a.halo_after() == std::max(0, hi - (c.n_pre - 1)));
  }
}

TEST_CASE("kernel indices: one per pre feature, and per cell position when pre is denser", "[connections][geometry]") {
  ConvGeometry g;
  g.x = make_axis(32, 16, 4);  // r = 2
  g.y = make_axis(32, 8, 3);   // r = 4
  g.nf_pre = 3;
  g.nfp = 5;
  CHECK(g.kernels_x() == 2);
  CHECK(g.kernels_y() == 4);
  CHECK(g.kernels() == 2 * 4 * 3);
  const test::RefConv ref{32, 32, 3, 16, 8, 5, 4, 3};
  for (int gy = -9; gy < 40; ++gy)
    for (int gx = -9; gx < 40; ++gx)
      for (int f = 0; f < 3; ++f) REQUIRE(g.kernel_index(gx, gy, f) == ref.kernel(gx, gy, f));

  ConvGeometry s;  // one-to-many: one kernel per pre feature
  s.x = make_axis(16, 64, 8);
  s.y = make_axis(16, 32, 4);
  s.nf_pre = 7;
  CHECK(s.kernels() == 7);
  CHECK(s.kernel_index(5, -3, 4) == 4);
}

TEST_CASE("impossible sizes and patches are rejected with the reason", "[connections][geometry]") {
  CHECK_THAT(axis_problem(16, 32, 7), Catch::Contains("multiple of 2") && Catch::Contains("try 8"));
  CHECK_THAT(axis_problem(8, 32, 6), Catch::Contains("multiple of 4"));
  CHECK_THAT(axis_problem(16, 16, 4), Catch::Contains("odd"));
  CHECK_THAT(axis_problem(12, 32, 4), Catch::Contains("power-of-two"));
  CHECK_THAT(axis_problem(48, 16, 3), Catch::Contains("power-of-two"));
  CHECK_FALSE(axis_problem(16, 32, 0).empty());
  CHECK(axis_problem(32, 16, 4).empty());  // many-to-one takes any patch size
}

TEST_CASE("the transposed geometry connects the same pairs", "[connections][geometry]") {
  const AxisCase cases[] = {{16, 32, 8}, {32, 16, 3}, {16, 16, 5}, {8, 32, 4}, {32, 8, 2}};
  for (const AxisCase& c : cases) {
    INFO("n_pre " << c.n_pre << ", n_post " << c.n_post << ", patch " << c.patch);
    const AxisMap a = make_axis(c.n_pre, c.n_post, c.patch);
    REQUIRE(axis_problem(c.n_post, c.n_pre, transposed_patch(a)).empty());
    const AxisMap t = make_axis(c.n_post, c.n_pre, transposed_patch(a));
    for (int i = -12; i < c.n_pre + 12; ++i)
      for (int j = -12; j < c.n_post + 12; ++j) {
        const int oa = j - a.patch_start(i), ot = i - t.patch_start(j);
        REQUIRE((oa >= 0 && oa < a.patch) == (ot >= 0 && ot < t.patch));
      }
  }
}
