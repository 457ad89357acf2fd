// ImageLayer: shows PNG images, one file or a list of files, one entry per frame and batch element.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "layers/input_layer.hpp"

namespace spv {

class ImageLayer : public InputLayer {
 public:
  using Params = InputParams;
  static const ParamSchema& param_schema();
  ImageLayer(const ParamGroup& group, Params p, const BindResult&);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }

 protected:
  int open_input(const RunContext& ctx) override;
  const Image& entry(int index) override;
  std::string describe_entry(int index) const override;

 private:
  // What named entry `index`: the inputPath itself, or a line of the list.
  std::string named_by(int index) const;

  Params params_;
  bool is_list_ = false;
  std::vector<std::filesystem::path> files_;
  std::vector<int> list_lines_;
  int decoded_index_ = -1;
  Image decoded_;
};

}  // namespace spv
