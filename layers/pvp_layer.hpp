// PvpLayer: shows the frames of a PVP activity file (dense or sparse), one frame per display period and batch element.
#pragma once
#include <vector>

#include "core/group_type.hpp"
#include "layers/input_layer.hpp"

namespace spv {

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
