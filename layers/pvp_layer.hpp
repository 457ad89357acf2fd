// PvpLayer: shows the frames of a PVP activity file (dense or sparse), one frame per display period and batch element.
#pragma once
#include <vector>

#include "layers/input_layer.hpp"

namespace spv {

class PvpLayer : public InputLayer {
 public:
  using Params = InputParams;
  static const ParamSchema& param_schema();
  PvpLayer(const ParamGroup& group, Params p, const BindResult&);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }

 protected:
  int open_input(const RunContext& ctx) override;
  const Image& entry(int index) override { return frames_[std::size_t(index)]; }

 private:
  Params params_;
  std::vector<Image> frames_;  // every frame of the file, in file order
};

}  // namespace spv
