// Scoring spike sorting by convolutional dictionary learning (E5): the error between a true spike shape h and a
// learned filter h_hat, err = sqrt(1 - <h, h_hat>^2 / (|h|^2 |h_hat|^2)), at the shift that minimises it; the
// assignment of learned filters to true units; spikes read off an LCA code; and detection F1 against the truth.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace spv::spikes {

// err(h, h_hat) for two vectors of one length; 1 when either is zero.
double filter_error(std::span<const float> h, std::span<const float> h_hat);

// Where a true shape (length L) sits inside a learned filter (length P): the true shape's first tap is learned tap
// `shift` (negative or past P - L when the filter holds only part of it; the missing part counts as error).
struct Alignment {
  int shift = 0;
  double error = 1.0;
};
// The shift in [-(L - 1), P - 1] with the least error (the first such shift on ties).
Alignment best_alignment(std::span<const float> truth, std::span<const float> learned);

// For each true unit, the learned filter assigned to it (each filter used at most once, the assignment with the least
// summed error) and its alignment; filter -1 when there are fewer filters than units.
struct UnitMatch {
  int filter = -1;
  Alignment alignment;
};
std::vector<UnitMatch> match_filters(const std::vector<std::vector<float>>& truth,
                                     const std::vector<std::vector<float>>& learned);

// A spike read off the code: frame, filter, the frame sample of the filter's first tap (a code neuron at x of a
// patch of P taps reconstructs samples x - (P - 1) / 2 ... x + P / 2) and the code value.
struct Detection {
  std::int64_t frame = 0;
  int filter = 0;
  int first_tap = 0;
  float amplitude = 0;
};
// The detections of one code frame (dense [x][f], ny = 1): per filter, every value above min_amplitude that is the
// largest of that filter's values within `radius` samples (the earlier one on ties), in order of x.
std::vector<Detection> detect_spikes(std::span<const float> code, int nx, int nf, std::int64_t frame, int patch,
                                     int radius, float min_amplitude);

struct DetectionScore {
  int true_positives = 0, false_positives = 0, false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;  // 2 TP / (2 TP + FP + FN); 1 when there is nothing to find and nothing was found
};
// Matches predicted onsets to true onsets (both sorted, recording samples) one to one within `tolerance` samples,
// in time order. Only events with counted(sample) true are scored: an unmatched true onset so is a miss, an unmatched
// prediction so a false alarm; matches are made among all events, so an event just outside the scored region
// neither counts nor spoils its neighbour.
DetectionScore score_onsets(const std::vector<std::int64_t>& truth, const std::vector<std::int64_t>& predicted,
                            int tolerance, const std::function<bool(std::int64_t)>& counted);

}  // namespace spv::spikes
