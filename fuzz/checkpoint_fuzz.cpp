// A checkpoint directory as a restart reads it: the input is split at each "\n--next file--\n" into the manifest,
// then the files of a small registry (the column's timeinfo and nextCheckpointTime, a layer's activity PVP, float and
// double arrays, a raw vector), written into a fresh directory. verify_checkpoint_directory and every entry's read
// must succeed or throw an spv::Error.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "checkpoint_state.hpp"
#include "core/checkpoint/checkpoint_store.hpp"
#include "core/errors.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > spv::fuzz::max_input_bytes) return 0;
  static spv::fuzz::CheckpointState state;
  const std::filesystem::path dir = spv::fuzz::scratch_dir() / "Checkpoint7";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directory(dir);
  std::vector<std::string> names{spv::checkpoint_manifest_name};
  for (const auto& e : state.registry.entries()) names.push_back(e.file);
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t at = 0;
  for (std::size_t i = 0; i < names.size() && at <= input.size(); ++i) {
    const std::size_t end = std::min(input.find(spv::fuzz::checkpoint_file_separator, at), input.size());
    spv::fuzz::write_bytes(dir / names[i], data + at, end - at);
    at = end + spv::fuzz::checkpoint_file_separator.size();
  }
  try {
    spv::verify_checkpoint_directory(dir);
  } catch (const spv::Error&) {
  }
  for (const auto& e : state.registry.entries()) {
    try {
      e.read(dir / e.file);
    } catch (const spv::Error&) {
    }
  }
  return 0;
}
