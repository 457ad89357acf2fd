// PvpLayer: shows the frames of a PVP activity file (dense or sparse), one frame per display period and batch element.
#pragma once
#include <vector>

#include "core/group_type.hpp"
#include "core/io/pvp_format.hpp"
#include "layers/input_layer.hpp"

namespace spv {

// Refuses a PVP activity file (header `h`, at `path`) whose frames `layer` cannot show: nf must be the layer's, and
// nx x ny too unless autoResizeFlag rescales them or useInputBCflag crops them (the frame then covers the halo).
void require_pvp_frames_fit(const InputLayer& layer, const InputParams& p, const PvpHeader& h, const std::string& path);
// An activity frame as an input entry of the file's nx x ny x nf.
Image pvp_frame_image(const PvpHeader& h, ActivityFrame&& frame);

class PvpLayer : public Typed<PvpLayer, InputParams, InputLayer> {
 public:
  static constexpr const char* kType = "PvpLayer";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  int open_input(const RunContext& ctx) override;
  const Image& entry(int index) override { return frames_[std::size_t(index)]; }

 private:
  std::vector<Image> frames_;  // every frame of the file, in file order
};

}  // namespace spv
