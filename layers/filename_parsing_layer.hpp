// FilenameParsingLayer (OpenPV's): class labels from the names of the files an input layer shows, for supervised
// read-outs of sparse codes. Feature f of every neuron is gtClassTrueValue when line f of classList occurs in the
// name of the file that batch element shows, else gtClassFalseValue.
#pragma once
#include <string>
#include <vector>

#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

class InputLayer;

struct FilenameParsingParams : LayerParams {
  std::string inputLayerName;
  std::string classList;
  double gtClassTrueValue;
  double gtClassFalseValue;
};

class FilenameParsingLayer : public Typed<FilenameParsingLayer, FilenameParsingParams, Layer> {
 public:
  static constexpr const char* kType = "FilenameParsingLayer";
  static constexpr const char* kDoc =
      "A = the class of the file inputLayerName shows: feature f is gtClassTrueValue where line f of classList "
      "occurs in the file's name (a list's line; a single file's inputPath), else gtClassFalseValue, at every "
      "neuron. Updates whenever the input changes frame; A is 0 until then, as in OpenPV. nf = classList's lines.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  // Fires with its input, so layers it triggers change when the label does.
  bool fires_at(double t, double dt) const override;
  // Nothing may deliver into it.
  int channels_needed() const override { return 0; }

 protected:
  bool has_v() const override { return false; }
  void initialize_state(const RunContext&) override {}
  void activity_from_v() override {}
  void update_state(const StepInfo& s) override;

 private:
  // The class lines, read on rank 0 and sent to every rank.
  std::vector<std::string> read_classes(const RunContext& ctx) const;

  InputLayer* input_ = nullptr;
  std::vector<float> labels_;  // [entry][class]: the value feature `class` takes while the input shows `entry`
};

}  // namespace spv
