#include <catch2/catch.hpp>

#include <vector>

#include "analysis/code_matrix.hpp"
#include "analysis/missing_modality.hpp"

using namespace spv;

namespace {

constexpr int kNx = 8, kNy = 3;

// An 8x3 image with ink at the given (x, y) pixels.
std::vector<float> ink(std::initializer_list<std::pair<int, int>> pixels) {
  std::vector<float> v(kNx * kNy, 0.0f);
  for (auto [x, y] : pixels) v[std::size_t(y * kNx + x)] = 1.0f;
  return v;
}

CodeMatrix images(const std::vector<std::vector<float>>& rows) {
  CodeMatrix m;
  m.rows = int(rows.size());
  m.cols = kNx * kNy;
  m.nx = kNx;
  m.ny = kNy;
  m.nf = 1;
  for (const auto& r : rows) m.values.insert(m.values.end(), r.begin(), r.end());
  return m;
}

}  // namespace

TEST_CASE("legibility matches any style of a class, in any shift up to the maximum", "[concept]") {
  // Two classes, two styles each (class-major): class 0 a bar at the left or a dot pair, class 1 a diagonal or a
  // vertical stroke.
  const CodeMatrix refs = images({ink({{1, 1}, {2, 1}, {3, 1}}), ink({{1, 0}, {1, 2}}),
                                  ink({{4, 0}, {5, 1}, {6, 2}}), ink({{5, 0}, {5, 1}, {5, 2}})});
  // Class 1's second style moved 2 px left, and class 0's first style in place.
  const CodeMatrix generated = images({ink({{3, 0}, {3, 1}, {3, 2}}), ink({{1, 1}, {2, 1}, {3, 1}})});
  const std::vector<int> labels{1, 0};

  // One style per class and no shift: the moved stroke overlaps only class 0's bar, so it reads as class 0.
  const CodeMatrix first_styles = images({ink({{1, 1}, {2, 1}, {3, 1}}), ink({{4, 0}, {5, 1}, {6, 2}})});
  const LegibilityResult plain = score_legibility(generated, first_styles, labels);
  CHECK(plain.best_class[0] == 0);
  CHECK(plain.legible == 1);

  // Every style but no shift: still not class 1 (its vertical stroke sits 2 px away, no overlap).
  LegibilityOptions styles;
  styles.renderings_per_class = 2;
  const LegibilityResult unshifted = score_legibility(generated, refs, labels, styles);
  CHECK(unshifted.best_class[0] != 1);
  CHECK(unshifted.best_class[1] == 0);

  // Every style and shifts up to 2 px: the stroke is class 1's second style exactly.
  styles.max_shift_x = 2;
  const LegibilityResult shifted = score_legibility(generated, refs, labels, styles);
  CHECK(shifted.best_class[0] == 1);
  CHECK(shifted.best_correlation[0] == Approx(1.0));
  CHECK(shifted.own_correlation[0] == Approx(1.0));
  CHECK(shifted.best_class[1] == 0);
  CHECK(shifted.legible == 2);
  // A shift of 1 px is not enough: no reference then matches the stroke (at best one pixel overlaps).
  styles.max_shift_x = 1;
  CHECK(score_legibility(generated, refs, labels, styles).best_correlation[0] < 0.5);

  // Rows that are not whole classes are an error.
  LegibilityOptions three;
  three.renderings_per_class = 3;
  CHECK_THROWS(score_legibility(generated, refs, labels, three));
}
