#include <catch2/catch.hpp>

#include <vector>

#include "analysis/code_classification.hpp"
#include "analysis/code_matrix.hpp"
#include "analysis/concept_neurons.hpp"
#include "analysis/feedback_flip.hpp"
#include "analysis/joint_statistics.hpp"
#include "analysis/missing_modality.hpp"
#include "analysis/triggered_average.hpp"
#include "core/errors.hpp"
#include "dsc_synthetic_run.hpp"

using namespace spv;
using namespace spv::test;

namespace {

template <class F>
CodeMatrix matrix_of(F f, int cols) {
  CodeMatrix m;
  m.rows = dsc_inputs;
  m.cols = m.nf = cols;
  m.nx = m.ny = 1;
  for (int i = 0; i < dsc_inputs; ++i) {
    const auto row = f(i);
    m.values.insert(m.values.end(), row.begin(), row.end());
  }
  return m;
}

std::vector<int> labels() {
  std::vector<int> l;
  for (int i = 0; i < dsc_inputs; ++i) l.push_back(dsc_label(i));
  return l;
}

}  // namespace

TEST_CASE("the best threshold separates a class at the midpoint between activations", "[concept]") {
  const std::vector<float> a{0.0f, 0.0f, 0.5f, 1.0f, 2.0f, 3.0f};
  const std::vector<int> l{0, 0, 0, 1, 1, 1};
  const ThresholdFit fit = best_threshold(a, l, 1);
  CHECK(fit.balanced_accuracy == 1.0);
  CHECK(fit.threshold == 0.75);
  // A class the neuron fires less for is not separated by "above the threshold": chance.
  CHECK(best_threshold(a, l, 0).balanced_accuracy == 0.5);
  // One missed positive out of three, no false positives.
  const std::vector<float> b{0.0f, 0.0f, 0.0f, 0.0f, 2.0f, 3.0f};
  CHECK(best_threshold(b, l, 1).balanced_accuracy == Approx(0.5 * (2.0 / 3.0 + 1.0)));
}

TEST_CASE("the planted concept neuron serves both modalities, the unimodal one only vision", "[concept]") {
  const auto v = matrix_of(dsc_joint_vision, dsc_joint), t = matrix_of(dsc_joint_text, dsc_joint);
  const auto l = labels();
  const auto classes = distinct_labels(l);
  REQUIRE(classes == std::vector<int>{0, 1, 2, 3});
  const auto found = find_concept_neurons(v, t, l, classes);
  REQUIRE(found.size() == 4);
  const ClassConcepts& one = found[1];
  CHECK(one.label == 1);
  CHECK(one.both.neuron == 2);
  CHECK(one.both.vision.balanced_accuracy == Approx(0.95));
  CHECK(one.both.text.balanced_accuracy == Approx(0.95));
  CHECK(one.both.vision.threshold == Approx(0.5));
  CHECK(one.both.text.threshold == Approx(0.25));
  CHECK(one.best_vision.neuron == 4);
  CHECK(one.best_vision.vision.balanced_accuracy == 1.0);
  CHECK(one.best_vision.text.balanced_accuracy == 0.5);
  CHECK(one.best_text.neuron == 2);
}

TEST_CASE("sparsity and the multimodal share count the planted activity", "[concept]") {
  const auto v = matrix_of(dsc_joint_vision, dsc_joint), t = matrix_of(dsc_joint_text, dsc_joint);
  CHECK(active_share(v) == Approx(double(dsc_active_vision) / (dsc_inputs * dsc_joint)));
  CHECK(active_share(t) == Approx(double(dsc_active_text) / (dsc_inputs * dsc_joint)));
  // Responding to vision: 0, 1, 2, 3, 4; to text: 0, 2, 3; to neither: 5.
  const ModalityResponse any = modality_response(v, t, 0.0);
  CHECK(any.vision == 5);
  CHECK(any.text == 3);
  CHECK(any.both == 3);
  CHECK(any.neither == 1);
  CHECK(any.multimodal_share() == 0.5);
  // Above 30% of the inputs: vision 0 (35%), 3 (50%); text 0 (32.5%), 3: both 0 and 3.
  const ModalityResponse often = modality_response(v, t, 0.3);
  CHECK(often.vision == 2);
  CHECK(often.both == 2);
}

TEST_CASE("a neuron is modality-invariant when vision and text prefer the same class", "[concept]") {
  const auto v = matrix_of(dsc_joint_vision, dsc_joint), t = matrix_of(dsc_joint_text, dsc_joint);
  const auto l = labels();
  const auto classes = distinct_labels(l);
  // Neuron 2 prefers class 1 from both. Neuron 0 prefers nothing from vision (classes 0 and 3 tie at 0.12) and
  // class 1 from text; neuron 3 ties classes 1 and 3 in both; neuron 1 and 4 are silent from text, 5 from both.
  CHECK(same_preferred_class(v, t, l, classes) == 1);
  // Vision against itself: neurons 1 (0.04 for every class: a tie), 0 and 3 (ties) have no preference; 2 and 4 do.
  CHECK(same_preferred_class(v, v, l, classes) == 2);
  // Neuron 2 answering class 2 from text instead: no neuron agrees any more.
  CodeMatrix moved = t;
  for (int i = 0; i < dsc_inputs; ++i)
    moved.values[std::size_t(i * dsc_joint + 2)] = dsc_label(i) == 2 ? 0.5f : 0.0f;
  CHECK(same_preferred_class(v, moved, l, classes) == 0);
  CodeMatrix wrong = t;
  wrong.cols = wrong.nf = dsc_joint - 1;
  CHECK_THROWS_AS(same_preferred_class(v, wrong, l, classes), Error);
}

TEST_CASE("the activity-triggered average is the activity-weighted mean input", "[concept]") {
  const auto both = matrix_of(dsc_joint_both, dsc_joint);
  const auto digits = matrix_of(dsc_digit, dsc_vision_nx * dsc_vision_ny);
  // Neuron 4 fires only for class 1, so its average is class 1's digit; neuron 5 (10 x label) weights classes
  // 1, 2, 3 by 1, 2, 3.
  const auto ata = triggered_averages(both, digits, std::vector<int>{4, 5, 1});
  CHECK(ata[0] == dsc_digit(1));
  for (int y = 0; y < dsc_vision_ny; ++y) {
    CHECK(ata[1][std::size_t(y * 4 + 0)] == 0.0f);
    CHECK(ata[1][std::size_t(y * 4 + 1)] == Approx(1.0 / 6.0));
    CHECK(ata[1][std::size_t(y * 4 + 3)] == Approx(3.0 / 6.0));
  }
  // Neuron 1 fires (vision, i % 5 == 0) on inputs 0, 5, ..., 35: labels 0, 1, 2, 3, 0, 1, 2, 3 -> a quarter each.
  CHECK(ata[2][0] == Approx(0.25));
}

TEST_CASE("generated text is legible when it correlates best with its own class name", "[concept]") {
  CodeMatrix clean;
  clean.rows = dsc_classes;
  clean.cols = dsc_text_nx * dsc_text_ny;
  for (int c = 0; c < dsc_classes; ++c) {
    const auto img = dsc_clean_text(c);
    clean.values.insert(clean.values.end(), img.begin(), img.end());
  }
  const auto generated = matrix_of(dsc_generated_text, dsc_text_nx * dsc_text_ny);
  const LegibilityResult r = score_legibility(generated, clean, labels());
  CHECK(r.legible == dsc_inputs - 3);
  CHECK(r.best_class[2] == 3);
  CHECK(r.best_class[3] == 3);
  CHECK(r.best_class[0] == 0);
  CHECK(r.unmatched == 0);
  // A flat (blank) generated image matches no name, so it is not legible even for class 0.
  CodeMatrix blank;
  blank.rows = 1;
  blank.cols = clean.cols;
  blank.values.assign(std::size_t(clean.cols), 0.25f);
  const LegibilityResult b = score_legibility(blank, clean, std::vector<int>{0});
  CHECK(b.best_class[0] == -1);
  CHECK(b.legible == 0);
  CHECK(b.unmatched == 1);
  CHECK(correlation(clean.row(1), clean.row(1)) == Approx(1.0));
  CHECK(correlation(clean.row(1), std::vector<float>(64, 0.5f)) == 0.0);
}

TEST_CASE("the feedback flip measures distances to the class centroids before and after", "[concept]") {
  const auto v1 = matrix_of(dsc_vision1, 4);
  const auto centroids = class_centroids(v1, labels(), dsc_classes);
  CHECK(centroids[2] == std::vector<float>{0, 0, 10, 0});
  CodeMatrix states;
  states.rows = 4;
  states.cols = 4;
  states.values = {6, 4, 0, 0, 4, 6, 0, 0, 0, 0, 6, 4, 0, 0, 6, 4};
  const std::vector<FlipCase> cases{{0, 1}, {2, 3}};
  const auto d = flip_distances(states, cases, centroids);
  CHECK(d[0].digit_before == Approx(std::sqrt(32.0)));
  CHECK(d[0].text_before == Approx(std::sqrt(72.0)));
  CHECK(d[0].digit_after == Approx(std::sqrt(72.0)));
  CHECK(d[0].nearest_before == 0);
  CHECK(d[0].nearest_after == 1);
  CHECK(d[0].flipped());
  CHECK_FALSE(d[1].flipped());
  CHECK_FALSE(d[1].moved_to_text());
  CHECK_THROWS(flip_distances(states, std::vector<FlipCase>{{0, 1}}, centroids));
}

TEST_CASE("neuron indices follow OpenPV's restricted layout", "[concept]") {
  const NeuronCoordinates c = neuron_coordinates(326, 1, 512);
  CHECK((c.x == 0 && c.y == 0 && c.f == 326));
  const NeuronCoordinates d = neuron_coordinates(((2 * 4) + 3) * 8 + 5, 4, 8);
  CHECK((d.x == 3 && d.y == 2 && d.f == 5));
  CHECK(neuron_index(d, 4, 8) == 93);
}

TEST_CASE("the hold-out split is stratified whatever the data order", "[concept]") {
  // Labels alternating 0, 1: a plain every-2nd split would test only class 1.
  const std::vector<int> l{0, 1, 0, 1, 0, 1, 0, 1};
  const HoldOutSplit s = hold_out_split(l, 2);
  CHECK(s.test == std::vector<int>{2, 3, 6, 7});
  CHECK(s.train == std::vector<int>{0, 1, 4, 5});
}
