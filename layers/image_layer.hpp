// ImageLayer: shows PNG images, one file or a list of files, one entry per frame and batch element.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/group_type.hpp"
#include "layers/input_layer.hpp"

namespace spv {

class ImageLayer : public Typed<ImageLayer, InputParams, InputLayer> {
 public:
  static constexpr const char* kType = "ImageLayer";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  int open_input(const RunContext& ctx) override;
  const Image& entry(int index) override;
  std::string describe_entry(int index) const override;

 private:
  // What named entry `index`: the inputPath itself, or a line of the list.
  std::string named_by(int index) const;

  bool is_list_ = false;
  std::vector<std::filesystem::path> files_;
  std::vector<int> list_lines_;
  int decoded_index_ = -1;
  Image decoded_;
};

}  // namespace spv
