#include "layers/pvp_list_layer.hpp"

#include "core/io/pvp_format.hpp"
#include "layers/pvp_layer.hpp"

namespace spv {

const char* const PvpListLayer::kDoc =
    "A = frame 0 of a PVP activity file (dense, sparse, or sparse with values): inputPath is a list of PVP files, "
    "one per line, relative to the list's folder (or else the working directory); blank lines and lines starting "
    "with # or // are skipped. Each file's frames must be the layer's nx x ny x nf (with autoResizeFlag only nf "
    "must match); every listed file's header is checked before the run starts.";

void PvpListLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_input_keys(b);
}

std::string PvpListLayer::named_by(int index) const {
  return "line " + std::to_string(files_[std::size_t(index)].line) + " of " + params().inputPath + ", the " +
         input_path_context();
}

int PvpListLayer::open_input(const RunContext&) {
  decoded_index_ = -1;
  files_ = read_file_list(params().inputPath, "PVP", input_path_context());
  for (int i = 0; i < int(files_.size()); ++i) {
    const std::string path = files_[std::size_t(i)].path.string();
    PvpHeader h;
    try {
      h = read_pvp_header(path);
      if (h.is_weights()) throw IoError(path, "is a weight file, not an activity file");
    } catch (const IoError& e) {
      rethrow_io(e, named_by(i));
    }
    require_pvp_frames_fit(*this, params(), h, path);
  }
  return int(files_.size());
}

const Image& PvpListLayer::entry(int index) {
  if (index == decoded_index_) return decoded_;
  decoded_index_ = -1;
  const std::string path = files_[std::size_t(index)].path.string();
  ActivityFile file;
  try {
    file = read_activity_file(path);
    if (file.frames.empty()) throw IoError(path, "holds no frames");
  } catch (const IoError& e) {
    rethrow_io(e, named_by(index));
  }
  require_pvp_frames_fit(*this, params(), file.header, path);  // the file may have changed since the run began
  decoded_ = pvp_frame_image(file.header, std::move(file.frames.front()));
  decoded_index_ = index;
  return decoded_;
}

}  // namespace spv
