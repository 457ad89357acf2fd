// PVP files of every type through every reader: the header alone, activity files (dense, sparse indices, sparse with
// values), shared and non-shared weights (first and last frame), and the shared-weight frame count. Each must return
// or throw an spv::Error; one file is offered to all, so each also sees the other types' files.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "core/io/pvp_nonshared_weights.hpp"
#include "fuzz_support.hpp"

namespace {

void refused_or_read(const std::function<void()>& read) {
  try {
    read();
  } catch (const spv::Error&) {
  }
}

// A sparse file's frames are read into dense arrays of nx*ny*nf values each, so a small valid file may describe
// gigabytes: such inputs are skipped rather than read (the size is legitimate, only not for a fuzzer's memory).
bool dense_expansion_fits(const std::filesystem::path& path, std::size_t file_bytes) {
  try {
    const spv::PvpHeader h = spv::read_pvp_header(path);
    if (h.is_weights() || h.filetype == int(spv::PvpType::Dense)) return true;
    const double frames_possible = double(file_bytes) / 12.0;  // a sparse frame takes at least its time and count
    return double(h.nx) * h.ny * h.nf * 4.0 * frames_possible <= double(256u << 20);
  } catch (const spv::Error&) {
    return true;  // the readers refuse it too
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > spv::fuzz::max_input_bytes) return 0;
  const auto path = spv::fuzz::input_file("input.pvp", data, size);
  refused_or_read([&] { spv::read_pvp_header(path); });
  if (dense_expansion_fits(path, size)) refused_or_read([&] { spv::read_activity_file(path); });
  refused_or_read([&] { spv::count_weight_frames(path); });
  refused_or_read([&] { spv::read_shared_weights(path, 0); });
  refused_or_read([&] { spv::read_shared_weights(path, -1); });
  refused_or_read([&] { spv::read_nonshared_weights(path, 0); });
  refused_or_read([&] { spv::read_nonshared_weights(path, -1); });
  return 0;
}
