#include "analysis/dsc_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>

#include "analysis/code_classification.hpp"
#include "analysis/code_matrix.hpp"
#include "analysis/concept_neurons.hpp"
#include "analysis/dsc_figures.hpp"
#include "analysis/feedback_flip.hpp"
#include "analysis/joint_statistics.hpp"
#include "analysis/missing_modality.hpp"
#include "analysis/triggered_average.hpp"
#include "analysis/weight_tiles.hpp"
#include "core/errors.hpp"

namespace spv {

namespace fs = std::filesystem;

std::string class_name(int label) {
  static const char* names[10] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
  return label >= 0 && label < 10 ? names[label] : std::to_string(label);
}

namespace {

// The analysis state shared by its parts.
struct Run {
  const DscAnalysisOptions& o;
  KeyValueSummary summary;
  std::vector<int> labels, classes;
  int class_count = 0;
  CodeMatrix joint_both, joint_vision, joint_text;
  bool have_both = false;
  fs::path data_dir;  // the options' data dir, else the run dir

  fs::path infer(const std::string& mode, const std::string& layer) const {
    return o.run_dir / ("infer_" + mode) / (layer + ".pvp");
  }
  CodeMatrix codes(const fs::path& path) const { return read_code_matrix(path, o.mapping, long(labels.size())); }
  void figure(const std::string& id, const std::string& file, const Image& img) {
    write_png(o.out_dir / file, img);
    summary.set("figure." + id, file);
  }
  void skipped(const std::string& part, const std::string& why) { summary.set(part + ".status", "skipped: " + why); }
};

// The first n frames of a data file as rows.
CodeMatrix first_inputs(const fs::path& path, int n) {
  CodeMatrix m = read_code_matrix(path);
  if (m.rows < n)
    throw Error(path.string() + " holds " + std::to_string(m.rows) + " inputs, fewer than the " +
                std::to_string(n) + " test labels");
  m.rows = n;
  m.values.resize(std::size_t(n) * m.cols);
  return m;
}

void sparsity_and_multimodal(Run& r) {
  r.summary.set("sparsity.vision", active_share(r.joint_vision));
  r.summary.set("sparsity.text", active_share(r.joint_text));
  if (r.have_both) r.summary.set("sparsity.both", active_share(r.joint_both));
  const ModalityResponse m = modality_response(r.joint_vision, r.joint_text, r.o.multimodal_min_share);
  r.summary.set("multimodal.min_share", m.min_share);
  r.summary.set("multimodal.share", m.multimodal_share());
  r.summary.set("multimodal.neurons", m.both);
  r.summary.set("multimodal.vision_responsive", m.vision);
  r.summary.set("multimodal.text_responsive", m.text);
  r.summary.set("multimodal.silent", m.neither);
  // A stricter reading, for comparison: responding on more than 1% of each modality's inputs.
  r.summary.set("multimodal.share_over_1pct", modality_response(r.joint_vision, r.joint_text, 0.01).multimodal_share());
  // Modality invariance: the same preferred class from vision alone and from text alone (chance: about 1 in the
  // number of classes of the neurons with a preference in both).
  const int same = same_preferred_class(r.joint_vision, r.joint_text, r.labels, r.classes);
  r.summary.set("multimodal.same_class_neurons", same);
  r.summary.set("multimodal.same_class_share", m.neurons ? double(same) / m.neurons : 0.0);
}

std::vector<ClassConcepts> concepts(Run& r) {
  const auto found = find_concept_neurons(r.joint_vision, r.joint_text, r.labels, r.classes);
  double weaker = 0, vision = 0, text = 0;
  for (const ClassConcepts& c : found) {
    const std::string k = "concept.class." + std::to_string(c.label) + ".";
    r.summary.set(k + "neuron", c.both.neuron);
    r.summary.set(k + "vision_ba", c.both.vision.balanced_accuracy);
    r.summary.set(k + "text_ba", c.both.text.balanced_accuracy);
    r.summary.set(k + "vision_threshold", c.both.vision.threshold);
    r.summary.set(k + "text_threshold", c.both.text.threshold);
    r.summary.set(k + "best_vision_neuron", c.best_vision.neuron);
    r.summary.set(k + "best_vision_ba", c.best_vision.vision.balanced_accuracy);
    r.summary.set(k + "best_text_neuron", c.best_text.neuron);
    r.summary.set(k + "best_text_ba", c.best_text.text.balanced_accuracy);
    weaker += c.both.weaker();
    vision += c.both.vision.balanced_accuracy;
    text += c.both.text.balanced_accuracy;
    for (const char* mode : {"vision", "text"}) {
      const bool is_vision = mode[0] == 'v';
      ActivationPlot p;
      p.activation = (is_vision ? r.joint_vision : r.joint_text).column(c.both.neuron);
      p.labels = r.labels;
      p.target = c.label;
      p.threshold = is_vision ? c.both.vision.threshold : c.both.text.threshold;
      char title[160];
      std::snprintf(title, sizeof title, "class %d (%s): neuron %d, %s only, balanced accuracy %.3f", c.label,
                    class_name(c.label).c_str(), c.both.neuron, is_vision ? "vision" : "text",
                    is_vision ? c.both.vision.balanced_accuracy : c.both.text.balanced_accuracy);
      p.title = title;
      r.figure("activation." + std::to_string(c.label) + "." + mode,
               "activation_class" + std::to_string(c.label) + "_" + mode + ".png", activation_plot(p));
    }
  }
  const double n = found.empty() ? 1.0 : double(found.size());
  r.summary.set("concept.classes", long(found.size()));
  r.summary.set("concept.mean_weaker_ba", weaker / n);
  r.summary.set("concept.mean_vision_ba", vision / n);
  r.summary.set("concept.mean_text_ba", text / n);
  return found;
}

void triggered(Run& r, const std::vector<ClassConcepts>& found) {
  const fs::path vpath = r.data_dir / "vision_test.pvp", tpath = r.data_dir / "text_test.pvp";
  if (!fs::exists(vpath) || !fs::exists(tpath))
    return r.skipped("triggered_average", "no vision_test.pvp and text_test.pvp in " + r.data_dir.string());
  if (!r.have_both) return r.skipped("triggered_average", "no infer_both/" + r.o.joint + ".pvp");
  const int n = int(r.labels.size());
  const CodeMatrix vision = first_inputs(vpath, n), text = first_inputs(tpath, n);
  // The concept neurons, then the most often active neurons of the joint layer with both inputs.
  std::vector<int> neurons;
  for (const auto& c : found) neurons.push_back(c.both.neuron);
  const auto shares = neuron_active_shares(r.joint_both);
  std::vector<int> by_share(shares.size());
  std::iota(by_share.begin(), by_share.end(), 0);
  std::stable_sort(by_share.begin(), by_share.end(), [&](int a, int b) { return shares[a] > shares[b]; });
  by_share.resize(std::min<std::size_t>(by_share.size(), std::size_t(std::max(0, r.o.top_neurons))));
  for (const char* which : {"concept", "top"}) {
    const bool of_concepts = which[0] == 'c';
    const std::vector<int>& ids = of_concepts ? neurons : by_share;
    const auto va = triggered_averages(r.joint_both, vision, ids), ta = triggered_averages(r.joint_both, text, ids);
    std::vector<CaptionedImage> vimg, timg;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const std::string cap = of_concepts ? std::to_string(found[i].label) + ": N-" + std::to_string(ids[i])
                                      : "N-" + std::to_string(ids[i]);
      vimg.push_back({vector_image(va[i], vision.nx, vision.ny, vision.nf), cap});
      timg.push_back({vector_image(ta[i], text.nx, text.ny, text.nf), cap});
    }
    const int vscale = std::max(1, 84 / std::max(1, vision.nx)), tscale = std::max(1, 256 / std::max(1, text.nx));
    r.figure(std::string("ata.") + which + ".vision", std::string("ata_") + which + "_vision.png",
             image_grid(vimg, 10, vscale));
    r.figure(std::string("ata.") + which + ".text", std::string("ata_") + which + "_text.png",
             image_grid(timg, of_concepts ? 5 : 4, tscale));
  }
  r.summary.set("triggered_average.weights", "infer_both " + r.o.joint + " activity");
}

void generation(Run& r) {
  // References: every font and case of each name when the run has them, else the one clean style per class.
  const fs::path styles_path = r.o.run_dir / "text_clean_variants.pvp";
  const bool styles = fs::exists(styles_path);
  const fs::path clean_path = styles ? styles_path : r.o.run_dir / "text_clean.pvp";
  const fs::path gen_path = r.infer("vision", r.o.text_recon);
  if (!fs::exists(clean_path) || !fs::exists(gen_path))
    return r.skipped("generation", "no text_clean.pvp or infer_vision/" + r.o.text_recon + ".pvp");
  const CodeMatrix clean = read_code_matrix(clean_path), generated = r.codes(gen_path);
  LegibilityOptions lo;
  lo.renderings_per_class = std::max(1, clean.rows / 10);
  lo.max_shift_x = r.o.legibility_shift_x >= 0 ? r.o.legibility_shift_x : clean.nx / 16;
  lo.max_shift_y = r.o.legibility_shift_y;
  const LegibilityResult res = score_legibility(generated, clean, r.labels, lo);
  r.summary.set("generation.references", clean_path.filename().string() + ": " + std::to_string(clean.rows) +
                                             " renderings, shifts up to " + std::to_string(lo.max_shift_x) + " x " +
                                             std::to_string(lo.max_shift_y) + " px");
  r.summary.set("generation.legible_share", res.legible_share());
  r.summary.set("generation.legible", long(res.legible));
  r.summary.set("generation.inputs", long(res.best_class.size()));
  r.summary.set("generation.unmatched", long(res.unmatched));
  for (int c : r.classes) {
    long n = 0, ok = 0;
    for (std::size_t i = 0; i < r.labels.size(); ++i)
      if (r.labels[i] == c) {
        ++n;
        ok += res.best_class[i] == c;
      }
    r.summary.set("generation.class." + std::to_string(c) + ".legible_share", n ? double(ok) / double(n) : 0.0);
  }
  if (const fs::path both = r.infer("both", r.o.text_recon); fs::exists(both))
    r.summary.set("generation.legible_share_with_text",
                  score_legibility(r.codes(both), clean, r.labels, lo).legible_share());
  // The score's ceiling: the text inputs themselves, scored the same way.
  if (const fs::path tpath = r.data_dir / "text_test.pvp"; fs::exists(tpath))
    r.summary.set("generation.legible_share_of_inputs",
                  score_legibility(first_inputs(tpath, int(r.labels.size())), clean, r.labels, lo).legible_share());
  // Examples: the first few test inputs of each class, the digit and the text generated from it.
  const fs::path vpath = r.data_dir / "vision_test.pvp";
  const bool have_digits = fs::exists(vpath);
  const CodeMatrix digits = have_digits ? first_inputs(vpath, int(r.labels.size())) : CodeMatrix{};
  std::vector<CaptionedImage> cells;
  for (int c : r.classes) {
    int shown = 0;
    for (std::size_t i = 0; i < r.labels.size() && shown < r.o.generated_per_class; ++i) {
      if (r.labels[i] != c) continue;
      ++shown;
      if (have_digits)
        cells.push_back({vector_image(digits.row(int(i)), digits.nx, digits.ny, digits.nf),
                         "input " + std::to_string(i)});
      const bool ok = res.best_class[i] == c;
      cells.push_back({vector_image(generated.row(int(i)), generated.nx, generated.ny, generated.nf),
                       res.best_class[i] < 0 ? std::string("matches no name")
                                             : "reads as \"" + class_name(res.best_class[i]) + "\"" + (ok ? "" : " (wrong)"),
                       ok ? Mark::Good : Mark::Bad});
    }
  }
  const int scale = std::max(1, 256 / std::max(1, generated.nx));
  r.figure("generated_text", "generated_text.png", image_grid(cells, have_digits ? 4 : 2, scale));
  std::vector<CaptionedImage> refs;
  for (int c = 0; c < clean.rows; c += lo.renderings_per_class)
    refs.push_back({vector_image(clean.row(c), clean.nx, clean.ny, clean.nf), class_name(c / lo.renderings_per_class)});
  r.figure("clean_text", "clean_text.png", image_grid(refs, 5, scale));
}

void classification(Run& r) {
  const int n = int(r.labels.size());
  const fs::path train_codes = r.o.run_dir / "infer_train" / (r.o.joint + ".pvp");
  const fs::path train_labels = r.o.run_dir / "labels_train.txt";
  if (fs::exists(train_codes) && fs::exists(train_labels)) {
    // Train on the training set's codes (both modalities), test on all test inputs in each mode.
    const std::vector<int> tl = read_labels(train_labels);
    const CodeMatrix train = read_code_matrix(train_codes, r.o.mapping, long(tl.size()));
    std::vector<int> train_rows(tl.size()), test_rows(static_cast<std::size_t>(n));
    std::iota(train_rows.begin(), train_rows.end(), 0);
    std::iota(test_rows.begin(), test_rows.end(), 0);
    r.summary.set("classification.split", "trained on infer_train codes (both modalities), tested on all test inputs");
    if (r.have_both)
      r.summary.set("classification.both", linear_accuracy(train, tl, train_rows, r.joint_both, r.labels, test_rows));
    r.summary.set("classification.vision", linear_accuracy(train, tl, train_rows, r.joint_vision, r.labels, test_rows));
    r.summary.set("classification.text", linear_accuracy(train, tl, train_rows, r.joint_text, r.labels, test_rows));
    return;
  }
  const HoldOutSplit s = hold_out_split(r.labels, r.o.test_every);
  if (s.train.empty() || s.test.empty()) return r.skipped("classification", "too few test inputs to split");
  r.summary.set("classification.split", "within each class 1 in " + std::to_string(r.o.test_every) +
                                            " test inputs held out for testing (" + std::to_string(s.test.size()) +
                                            "), trained on the rest (" + std::to_string(s.train.size()) + ")");
  auto acc = [&](const CodeMatrix& a, const CodeMatrix& b) {
    return linear_accuracy(a, r.labels, s.train, b, r.labels, s.test);
  };
  if (r.have_both) r.summary.set("classification.both", acc(r.joint_both, r.joint_both));
  r.summary.set("classification.vision", acc(r.joint_vision, r.joint_vision));
  r.summary.set("classification.text", acc(r.joint_text, r.joint_text));
  r.summary.set("classification.vision_to_text", acc(r.joint_vision, r.joint_text));
  r.summary.set("classification.text_to_vision", acc(r.joint_text, r.joint_vision));
}

void flip(Run& r) {
  const fs::path cases_path = r.o.run_dir / "flip" / "cases.txt";
  if (!fs::exists(cases_path)) return r.skipped("flip", "no flip/cases.txt");
  if (!r.have_both) return r.skipped("flip", "no infer_both codes for the class centroids");
  const std::vector<FlipCase> cases = read_flip_cases(cases_path);
  r.summary.set("flip.cases", long(cases.size()));
  for (const std::string& layer : {r.o.joint, r.o.vision1}) {
    const fs::path states_path = r.o.run_dir / "flip" / (layer + ".pvp"), both_path = r.infer("both", layer);
    const std::string key = layer == r.o.joint ? "joint" : "vision1";
    if (!fs::exists(states_path) || !fs::exists(both_path)) {
      r.skipped("flip." + key, "no flip/" + layer + ".pvp or infer_both/" + layer + ".pvp");
      continue;
    }
    const CodeMatrix states = read_code_matrix(states_path, r.o.flip_mapping, long(2 * cases.size()));
    const auto centroids = class_centroids(layer == r.o.joint ? r.joint_both : r.codes(both_path), r.labels,
                                           r.class_count);
    const auto d = flip_distances(states, cases, centroids);
    long flipped = 0, moved = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
      const std::string k = "flip.case." + std::to_string(i) + "." + key + ".";
      r.summary.set(k + "digit_before", d[i].digit_before);
      r.summary.set(k + "text_before", d[i].text_before);
      r.summary.set(k + "digit_after", d[i].digit_after);
      r.summary.set(k + "text_after", d[i].text_after);
      r.summary.set(k + "nearest_before", d[i].nearest_before);
      r.summary.set(k + "nearest_after", d[i].nearest_after);
      flipped += d[i].flipped();
      moved += d[i].moved_to_text();
    }
    r.summary.set("flip." + key + ".flipped_share", double(flipped) / double(d.size()));
    r.summary.set("flip." + key + ".moved_to_text_share", double(moved) / double(d.size()));
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    r.summary.set("flip.case." + std::to_string(i) + ".digit_label", cases[i].digit_label);
    r.summary.set("flip.case." + std::to_string(i) + ".text_label", cases[i].text_label);
  }
}

void dictionaries(Run& r) {
  const fs::path learn = r.o.run_dir / "learn";
  if (!fs::is_directory(learn)) return r.skipped("dictionary", "no learn/ directory");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(learn))
    if (e.path().extension() == ".pvp") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const PvpHeader h = read_pvp_header(f);
    if (h.filetype != int(PvpType::SharedWeights)) continue;
    const std::string stem = f.stem().string();
    r.summary.set("dictionary." + stem + ".shape", std::to_string(h.nxp) + "x" + std::to_string(h.nyp) + "x" +
                                                       std::to_string(h.nfp) + ", " + std::to_string(h.nf) +
                                                       " kernels");
    // Only dictionaries onto pixels are pictures; deeper ones (nfp features of a layer) are listed, not drawn.
    if (h.nfp != 1 && h.nfp != 3) continue;
    const SharedWeights w = read_shared_weights(f, count_weight_frames(f) - 1);
    TileOptions t;
    t.scale = w.nxp <= 8 ? 4 : w.nxp <= 16 ? 2 : 1;
    t.columns = w.nxp >= 32 ? 8 : 0;
    r.figure("dictionary." + stem, "dictionary_" + stem + ".png", tile_dictionary(w, {}, t));
  }
}

// The run script's timing.txt lines, "LABEL SECONDS s MS ms per pair ...", as timing.<label>.seconds / .ms_per_pair.
void timing(Run& r) {
  std::ifstream in(r.o.run_dir / "timing.txt");
  std::string line;
  while (std::getline(in, line)) {
    char label[64];
    double seconds = 0, ms = 0;
    if (std::sscanf(line.c_str(), "%63s %lf s %lf ms per pair", label, &seconds, &ms) != 3) continue;
    r.summary.set(std::string("timing.") + label + ".seconds", seconds);
    r.summary.set(std::string("timing.") + label + ".ms_per_pair", ms);
  }
}

}  // namespace

KeyValueSummary analyse_dsc_run(const DscAnalysisOptions& o) {
  Run r{o, {}, {}, {}, 0, {}, {}, {}, false, o.data_dir.empty() ? o.run_dir : o.data_dir};
  r.labels = read_labels(o.run_dir / "labels_test.txt");
  r.classes = distinct_labels(r.labels);
  if (r.classes.front() < 0) throw Error((o.run_dir / "labels_test.txt").string() + ": labels must not be negative");
  r.class_count = r.classes.back() + 1;
  r.summary.set("run", o.run_dir.string());
  r.summary.set("inputs", long(r.labels.size()));
  r.joint_vision = r.codes(r.infer("vision", o.joint));
  fs::create_directories(o.out_dir);
  r.joint_text = r.codes(r.infer("text", o.joint));
  r.have_both = fs::exists(r.infer("both", o.joint));
  if (r.have_both) r.joint_both = r.codes(r.infer("both", o.joint));
  r.summary.set("joint.neurons", long(r.joint_vision.cols));
  r.summary.set("joint.shape", std::to_string(r.joint_vision.nx) + "x" + std::to_string(r.joint_vision.ny) + "x" +
                                   std::to_string(r.joint_vision.nf));
  sparsity_and_multimodal(r);
  const auto found = concepts(r);
  triggered(r, found);
  generation(r);
  classification(r);
  flip(r);
  dictionaries(r);
  timing(r);
  r.summary.write(o.out_dir / "summary.txt");
  return r.summary;
}

}  // namespace spv
