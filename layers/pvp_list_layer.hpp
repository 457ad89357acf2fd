// PvpListLayer (OpenPV's): shows frame 0 of each PVP file of a list, one file per entry.
#pragma once
#include <vector>

#include "core/group_type.hpp"
#include "layers/file_list.hpp"
#include "layers/input_layer.hpp"

namespace spv {

class PvpListLayer : public Typed<PvpListLayer, InputParams, InputLayer> {
 public:
  static constexpr const char* kType = "PvpListLayer";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  int open_input(const RunContext& ctx) override;
  const Image& entry(int index) override;
  std::string describe_entry(int index) const override { return files_[std::size_t(index)].path.string(); }

 private:
  // "line N of LIST, the inputPath of ...", for messages about entry `index`.
  std::string named_by(int index) const;

  std::vector<ListedFile> files_;
  int decoded_index_ = -1;
  Image decoded_;
};

}  // namespace spv
