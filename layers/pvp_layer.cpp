#include "layers/pvp_layer.hpp"

#include "core/io/pvp_format.hpp"

namespace spv {

void require_pvp_frames_fit(const InputLayer& layer, const InputParams& p, const PvpHeader& h,
                            const std::string& path) {
  const auto& g = layer.geometry();
  const bool size_matches = h.nx == g.nx_global && h.ny == g.ny_global;
  // With useInputBCflag the frame covers the halo too, so it is larger than the layer by nature (OpenPV crops it).
  if (h.nf == g.nf && (size_matches || p.autoResizeFlag || p.useInputBCflag)) return;
  auto size = [](int x, int y, int f) { return std::to_string(x) + "x" + std::to_string(y) + "x" + std::to_string(f); };
  throw GeometryError("layer \"" + layer.name() + "\" is " + size(g.nx_global, g.ny_global, g.nf) +
                      " (nx x ny x nf) but the file \"" + path + "\" holds frames of " + size(h.nx, h.ny, h.nf) +
                      (h.nf == g.nf ? " (set autoResizeFlag to rescale them)" : ""));
}

Image pvp_frame_image(const PvpHeader& h, ActivityFrame&& frame) {
  Image image;
  image.width = h.nx;
  image.height = h.ny;
  image.channels = h.nf;
  image.values = std::move(frame.values);
  return image;
}

const char* const PvpLayer::kDoc =
    "A = a frame of a PVP activity file (dense, sparse, or sparse with values): the entries are the "
    "file's frames in file order, whatever its nbatch. The frames must be the layer's nx x ny x nf "
    "(with autoResizeFlag only nf must match).";

void PvpLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_input_keys(b);
}

int PvpLayer::open_input(const RunContext&) {
  const std::string& path = params().inputPath;
  ActivityFile file;
  try {
    file = read_activity_file(path);
  } catch (const IoError& e) {
    rethrow_io(e, input_path_context());
  }
  require_pvp_frames_fit(*this, params(), file.header, path);
  if (file.frames.empty()) throw IoError(path, "holds no frames (" + input_path_context() + ")");
  frames_.clear();
  frames_.reserve(file.frames.size());
  for (auto& frame : file.frames) frames_.push_back(pvp_frame_image(file.header, std::move(frame)));
  return int(frames_.size());
}

}  // namespace spv
