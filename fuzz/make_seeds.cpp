// Writes the fuzz targets' seed corpus, one folder per target under OUT_DIR: small valid files made by the project's
// own writers (PVP of every type, PNG, a whole checkpoint) and small params files copied from SOURCE_DIR's examples
// and tests. Usage: make_seeds OUT_DIR SOURCE_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "checkpoint_state.hpp"
#include "core/checkpoint/checkpoint_store.hpp"
#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "core/io/pvp_nonshared_weights.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw spv::IoError(p.string(), "cannot read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void activity(const fs::path& p, spv::PvpType type) {
  spv::PvpActivityFileWriter w(p, type, 3, 2, 2, 1);
  std::vector<float> frame(12, 0.0f);
  frame[1] = 0.5f;
  frame[7] = -2.0f;
  w.write_frame(0.0, frame);
  frame[4] = 1.0f;
  w.write_frame(1.5, frame);
  w.close();
}

void shared(const fs::path& p, bool compressed) {
  spv::SharedWeights w;
  w.nxp = 2;
  w.nyp = 2;
  w.nfp = 1;
  w.nx_kernel = 1;
  w.ny_kernel = 1;
  w.nf_kernel = 2;
  w.arbors = 1;
  for (int i = 0; i < 8; ++i) w.values.push_back(0.25f * float(i) - 0.5f);
  spv::write_shared_weights(p, w, false, compressed);
  w.time = 2.0;
  spv::write_shared_weights(p, w, true, compressed);  // a second frame
}

void nonshared(const fs::path& p, bool compressed) {
  spv::NonsharedWeights w;
  w.nxp = 2;
  w.nyp = 1;
  w.nfp = 1;
  w.nx = w.nx_ext = 2;
  w.ny = w.ny_ext = 1;
  w.nf = 1;
  w.patches = 2;
  w.arbors = 1;
  w.values = {0.5f, -1.0f, 0.0f, 2.0f};
  spv::write_nonshared_weights(p, w, false, compressed);
}

void png(const fs::path& p, int width, int height, int channels) {
  spv::Image image;
  image.width = width;
  image.height = height;
  image.channels = channels;
  for (int i = 0; i < width * height * channels; ++i) image.values.push_back(float(i % 7) / 6.0f);
  spv::write_png(p, image);
}

// A whole checkpoint of the fuzz target's registry, as one input: the manifest, then each entry's file.
void checkpoint(const fs::path& out, const fs::path& scratch) {
  spv::fuzz::CheckpointState state;
  state.time = 2.5;
  state.step = 5;
  state.next_checkpoint = 10.0;
  for (std::size_t i = 0; i < state.activity.size(); ++i) state.activity[i] = float(i) * 0.125f;
  for (std::size_t i = 0; i < state.v.size(); ++i) state.v[i] = -float(i);
  state.d = {1.0, 2.5, -3.0, 0.0, 1e-3};
  state.counts = {7, 0, -1};
  const fs::path dir = scratch / "Checkpoint5";
  spv::write_checkpoint_directory(dir, [&](const fs::path& tmp) {
    for (const auto& e : state.registry.entries()) e.write(tmp / e.file);
  });
  std::string input = read_all(dir / spv::checkpoint_manifest_name);
  for (const auto& e : state.registry.entries())
    input += std::string(spv::fuzz::checkpoint_file_separator) + read_all(dir / e.file);
  std::ofstream(out, std::ios::binary) << input;
}

void copy_sources(const fs::path& source_dir, const fs::path& out, const std::vector<const char*>& files) {
  fs::create_directories(out);
  for (const char* f : files)
    fs::copy_file(source_dir / f, out / fs::path(f).filename(), fs::copy_options::overwrite_existing);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s OUT_DIR SOURCE_DIR\n", argv[0]);
    return 2;
  }
  const fs::path out = argv[1], source = argv[2];
  try {
    for (const char* t : {"pvp", "png", "checkpoint"}) fs::create_directories(out / t);
    activity(out / "pvp" / "dense.pvp", spv::PvpType::Dense);
    activity(out / "pvp" / "sparse.pvp", spv::PvpType::SparseIndices);
    activity(out / "pvp" / "sparse_values.pvp", spv::PvpType::SparseValues);
    shared(out / "pvp" / "shared.pvp", false);
    shared(out / "pvp" / "shared_compressed.pvp", true);
    nonshared(out / "pvp" / "nonshared.pvp", false);
    nonshared(out / "pvp" / "nonshared_compressed.pvp", true);
    png(out / "png" / "grey.png", 4, 3, 1);
    png(out / "png" / "rgb.png", 3, 2, 3);
    const fs::path scratch = out / "scratch";
    fs::remove_all(scratch);
    checkpoint(out / "checkpoint" / "checkpoint5", scratch);
    fs::remove_all(scratch);
    copy_sources(source, out / "legacy_params",
                 {"tests/system/openpv/sweep.params", "tests/system/openpv/no_effect_keys.params",
                  "tests/system/openpv/nonzero_at_end.params", "tests/errors/cases/params_syntax.params",
                  "tests/errors/cases/openpv_spiking_type.params"});
    copy_sources(source, out / "lua_params",
                 {"lua/examples/bars.lua", "lua/examples/linked_mnist.lua", "tests/system/openpv/sweep.lua",
                  "tests/system/openpv_layers/net.lua", "tests/errors/cases/misspelt_key.lua",
                  "tests/errors/cases/lua_syntax.lua"});
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_seeds: %s\n", e.what());
    return 1;
  }
  return 0;
}
