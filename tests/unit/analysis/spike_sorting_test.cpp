// Spike-sorting scores (E5) against hand-computed values: the filter error and its best shift, the assignment of
// filters to units, peaks read off a code, and detection F1.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/spike_sorting.hpp"

using namespace spv::spikes;

TEST_CASE("filter error: parallel, orthogonal, 45 degrees, zero", "[analysis][spikes]") {
  const std::vector<float> h{1, 2, 3}, twice{2, 4, 6}, negated{-1, -2, -3};
  CHECK(filter_error(h, twice) == Approx(0).margin(1e-7));
  CHECK(filter_error(h, negated) == Approx(0).margin(1e-7));  // the error squares the inner product
  CHECK(filter_error(std::vector<float>{1, 0}, std::vector<float>{0, 1}) == Approx(1));
  // cos^2 = 1/2: err = sqrt(1/2).
  CHECK(filter_error(std::vector<float>{1, 0}, std::vector<float>{1, 1}) == Approx(std::sqrt(0.5)));
  CHECK(filter_error(std::vector<float>{0, 0}, std::vector<float>{1, 1}) == 1.0);
}

TEST_CASE("best alignment finds the shift and counts a part outside the filter", "[analysis][spikes]") {
  const std::vector<float> truth{1, 2};
  const Alignment inside = best_alignment(truth, std::vector<float>{0, 0, 1, 2, 0});
  CHECK(inside.shift == 2);
  CHECK(inside.error == Approx(0).margin(1e-7));
  // learned {2, 0, 0}: at shift -1 only the true tap 2 is inside, <h,g> = 4, |h|^2 = 5, |g|^2 = 4:
  // err = sqrt(1 - 16 / 20); at shift 0, <h,g> = 2: sqrt(1 - 4 / 20), worse.
  const Alignment cut = best_alignment(truth, std::vector<float>{2, 0, 0});
  CHECK(cut.shift == -1);
  CHECK(cut.error == Approx(std::sqrt(0.2)));
}

TEST_CASE("filters are assigned to units by least summed error, one each", "[analysis][spikes]") {
  const std::vector<std::vector<float>> truth{{1, 0, 0, 0}, {1, -1, 0, 0}};
  // Filter 0 is unit 1's shape exactly; filter 1 is unit 0's shape. Greedy by unit would give unit 0 filter 0
  // (err sqrt(1/2) there), the optimum swaps them.
  const std::vector<std::vector<float>> learned{{0, 1, -1, 0}, {0, 0, 1, 0}};
  const auto m = match_filters(truth, learned);
  REQUIRE(m.size() == 2);
  CHECK(m[0].filter == 1);
  CHECK(m[0].alignment.shift == 2);
  CHECK(m[0].alignment.error == Approx(0).margin(1e-7));
  CHECK(m[1].filter == 0);
  CHECK(m[1].alignment.shift == 1);
  // Fewer filters than units: the worse-served unit gets none.
  const auto one = match_filters(truth, {{0, 1, -1, 0}});
  CHECK(one[1].filter == 0);
  CHECK(one[0].filter == -1);
}

TEST_CASE("detections are per-feature peaks above the threshold, at the filter's first tap", "[analysis][spikes]") {
  constexpr int nx = 10, nf = 2, patch = 5;
  std::vector<float> code(nx * nf, 0.0f);
  auto set = [&](int x, int f, float v) { code[std::size_t(x) * nf + f] = v; };
  set(3, 0, 0.5f);
  set(4, 0, 0.7f);  // the peak of feature 0 within radius 2
  set(8, 0, 0.6f);  // 4 samples further: a peak of its own
  set(1, 1, 0.45f);
  set(2, 1, 0.45f);  // a tie: the earlier one is the peak
  set(7, 1, 0.3f);   // below the threshold
  const auto d = detect_spikes(code, nx, nf, 6, patch, 2, 0.4f);
  REQUIRE(d.size() == 3);
  // Sorted by first tap = x - (patch - 1) / 2.
  CHECK(d[0].filter == 1);
  CHECK(d[0].first_tap == -1);
  CHECK(d[1].filter == 0);
  CHECK(d[1].first_tap == 2);
  CHECK(d[1].amplitude == 0.7f);
  CHECK(d[2].first_tap == 6);
  CHECK(d[2].frame == 6);
}

TEST_CASE("detection F1 within the tolerance, one to one, only the scored region counts", "[analysis][spikes]") {
  const std::vector<std::int64_t> truth{10, 50, 100}, predicted{12, 58, 101, 200};
  const auto all = [](std::int64_t) { return true; };
  // 12 hits 10, 101 hits 100; 58 is 8 from 50 (a false alarm, and 50 a miss); 200 a false alarm.
  const DetectionScore s = score_onsets(truth, predicted, 5, all);
  CHECK(s.true_positives == 2);
  CHECK(s.false_positives == 2);
  CHECK(s.false_negatives == 1);
  CHECK(s.f1() == Approx(4.0 / 7));
  CHECK(s.precision() == Approx(0.5));
  CHECK(s.recall() == Approx(2.0 / 3));
  // 200 outside the scored region: no longer a false alarm.
  const DetectionScore inside = score_onsets(truth, predicted, 5, [](std::int64_t t) { return t < 150; });
  CHECK(inside.false_positives == 1);
  CHECK(inside.f1() == Approx(4.0 / 6));
  // Two predictions near one spike: only one can match it.
  const DetectionScore twice = score_onsets({10}, {9, 11}, 5, all);
  CHECK(twice.true_positives == 1);
  CHECK(twice.false_positives == 1);
  CHECK(DetectionScore{}.f1() == 1.0);
}
