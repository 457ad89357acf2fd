// spv-concept-neurons: the concept-neuron analysis of a deep-sparse-coding run (E4).
#include <cstdio>
#include <string>

#include "analysis/dsc_analysis.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-concept-neurons --run RUN [--data DATA] --out DIR [options]\n"
    "\n"
    "Reads a deep-sparse-coding run's outputs and writes DIR/summary.txt (key=value lines) and PNG figures:\n"
    "per class the joint neuron whose thresholded activation best separates that class from the rest from vision\n"
    "alone and from text alone (balanced accuracy; one neuron for both, the one whose weaker modality is best),\n"
    "the share of multimodal joint neurons, joint-layer sparsity per mode, activity-triggered averages, legibility\n"
    "of the text generated from vision alone, linear classification of joint codes and the feedback flip.\n"
    "analysis/README.md (\"Concept-neuron analysis\") defines each number. spv-dsc-report turns DIR into HTML.\n"
    "\n"
    "RUN holds labels_test.txt, text_clean.pvp (text_clean_variants.pvp, when there, replaces it: generated text\n"
    "is then matched against every font and case), learn/*.pvp, infer_both/, infer_vision/, infer_text/ (each with\n"
    "Joint.pvp, Vision1.pvp, TextRecon.pvp, VisionRecon.pvp, one frame per test input) and flip/ (Joint.pvp,\n"
    "Vision1.pvp with two frames per case, cases.txt with \"digit_label text_label\" lines). DATA holds\n"
    "vision_test.pvp and text_test.pvp (the first N frames are the N test inputs; default DATA = RUN). Parts whose\n"
    "files are missing"
    " are skipped and say so in the summary (<part>.status).\n"
    "\n"
    "Options:\n"
    "  --skip N, --frame-every K  frames of the infer_* files per test input: drop N, then the last of each K\n"
    "                          (default 0 and 1: frame i is input i)\n"
    "  --flip-frame-every K    frames of the flip/ files per state (default 1)\n"
    "  --multimodal-min-share S  a neuron responds to a modality when active on more than this share of that\n"
    "                          modality's inputs (default 0: on at least one)\n"
    "  --test-every K          linear classifier: every K-th test input held out (default 2); a RUN with\n"
    "                          infer_train/Joint.pvp and labels_train.txt trains on those instead\n"
    "  --generated-per-class N generated-text examples drawn per class (default 2)\n"
    "  --top N                 activity-triggered averages of the N most often active joint neurons (default 20)\n"
    "  --legibility-shift-x N, --legibility-shift-y N  generated text is matched against the clean renderings\n"
    "                          shifted by up to N pixels (default: text width / 16, and 1; the data's shifts)\n"
    "  --joint NAME, --vision1 NAME, --text-recon NAME   layer file names (default Joint, Vision1, TextRecon)\n"
    "  --help                  print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments or inconsistent files.\n";

struct Options {
  spv::DscAnalysisOptions analysis;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  auto count = [&](long long min) { return int(spv::tool::integer(args.arg(), args.value(), min)); };
  args.each(o.help, [&](const std::string& arg) {
    auto& a = o.analysis;
    if (arg == "--run") a.run_dir = args.value();
    else if (arg == "--data") a.data_dir = args.value();
    else if (arg == "--out") a.out_dir = args.value();
    else if (arg == "--skip") a.mapping.skip = count(0);
    else if (arg == "--frame-every") a.mapping.frames_per_example = count(1);
    else if (arg == "--flip-frame-every") a.flip_mapping.frames_per_example = count(1);
    else if (arg == "--multimodal-min-share") {
      a.multimodal_min_share = spv::tool::number(arg, args.value());
      if (a.multimodal_min_share < 0 || a.multimodal_min_share >= 1)
        throw std::runtime_error("--multimodal-min-share needs a share in [0, 1)");
    } else if (arg == "--test-every") a.test_every = count(2);
    else if (arg == "--generated-per-class") a.generated_per_class = count(0);
    else if (arg == "--top") a.top_neurons = count(0);
    else if (arg == "--legibility-shift-x") a.legibility_shift_x = count(0);
    else if (arg == "--legibility-shift-y") a.legibility_shift_y = count(0);
    else if (arg == "--joint") a.joint = args.value();
    else if (arg == "--vision1") a.vision1 = args.value();
    else if (arg == "--text-recon") a.text_recon = args.value();
    else spv::tool::unknown_option(arg);
  });
  if (!o.help && (o.analysis.run_dir.empty() || o.analysis.out_dir.empty()))
    throw std::runtime_error("--run and --out are required (see --help)");
  return o;
}

int run(const Options& o) {
  const spv::KeyValueSummary s = spv::analyse_dsc_run(o.analysis);
  for (const char* key : {"inputs", "joint.neurons", "concept.mean_weaker_ba", "concept.mean_vision_ba",
                          "concept.mean_text_ba", "multimodal.share", "sparsity.both", "sparsity.vision",
                          "sparsity.text", "generation.legible_share", "classification.both",
                          "classification.vision_to_text", "flip.joint.flipped_share", "flip.vision1.flipped_share"})
    if (auto v = s.get(key)) std::printf("%s=%s\n", key, v->c_str());
  std::printf("summary: %s\n", (o.analysis.out_dir / "summary.txt").string().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return spv::tool::run_tool("spv-concept-neurons", usage_text, argc, argv, parse, run); }
