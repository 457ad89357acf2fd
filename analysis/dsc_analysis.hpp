// The concept-neuron analysis of one deep-sparse-coding run (E4): reads the run's PVP
// outputs (README "Concept-neuron analysis" gives the layout), writes summary.txt (key=value) and PNG figures.
#pragma once
#include <filesystem>
#include <string>

#include "analysis/example_set.hpp"
#include "analysis/key_value_summary.hpp"

namespace spv {

struct DscAnalysisOptions {
  std::filesystem::path run_dir;   // labels_test.txt, text_clean.pvp, learn/, infer_{both,vision,text}/, flip/
  std::filesystem::path data_dir;  // vision_test.pvp, text_test.pvp (first N frames = the N test inputs); empty: run_dir
  std::filesystem::path out_dir;   // created when missing
  FrameMapping mapping;            // frames of the infer_* activity files per test input (default one)
  FrameMapping flip_mapping;       // frames of flip/ files per state (two states per case)
  double multimodal_min_share = 0.0;  // see modality_response: 0 = active on at least one input of each modality
  int test_every = 2;                 // hold-out split of the test codes for the linear classifier
  int generated_per_class = 2;        // generated-text examples drawn per class
  int top_neurons = 20;               // activity-triggered averages of the most often active joint neurons
  int legibility_shift_x = -1;        // generated text matched against references shifted up to this (-1: nx / 16)
  int legibility_shift_y = 1;
  std::string joint = "Joint", vision1 = "Vision1", text_recon = "TextRecon", vision_recon = "VisionRecon";
};

// Runs every part whose inputs exist (the concept neurons, sparsity and multimodal share need infer_vision/ and
// infer_text/; the rest is skipped with a "<part>.status=skipped: <why>" entry when its files are missing), writes
// out_dir/summary.txt and the figures it lists as figure.<id>=<file>, and returns the summary. Throws Error naming
// the file for unreadable or inconsistent inputs.
KeyValueSummary analyse_dsc_run(const DscAnalysisOptions& options);

// "zero" .. "nine" for 0 .. 9, else the number.
std::string class_name(int label);

}  // namespace spv
