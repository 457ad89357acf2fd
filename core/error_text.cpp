#include "core/error_text.hpp"

#include <filesystem>
#include <new>
#include <stdexcept>
#include <system_error>

#include "params/error.hpp"

namespace spv {

namespace {

// A path too long to read in a message (the very case "File name too long" reports): its ends and its length.
std::string shortened(const std::string& path) {
  if (path.size() <= 160) return path;
  return path.substr(0, 60) + "..." + path.substr(path.size() - 40) + " (" + std::to_string(path.size()) +
         " characters)";
}

}  // namespace

ErrorText error_text(const std::exception& e) {
  if (dynamic_cast<const Error*>(&e)) return {e.what(), false};
  if (const auto* fs = dynamic_cast<const std::filesystem::filesystem_error*>(&e)) {
    std::string paths = shortened(fs->path1().string());
    if (!fs->path2().empty()) paths += "\" and \"" + shortened(fs->path2().string());
    return {"file system: \"" + paths + "\": " + fs->code().message(), false};
  }
  if (dynamic_cast<const std::bad_alloc*>(&e) || dynamic_cast<const std::length_error*>(&e))
    return {
        "out of memory: an allocation failed (sparsepv -n prints the memory the run needs; fewer or "
        "smaller layers, a smaller nbatch or more MPI ranks need less)",
        false};
  if (const auto* sys = dynamic_cast<const std::system_error*>(&e))
    return {"system: " + sys->code().message() + " (" + e.what() + ")", false};
  return {e.what(), true};
}

}  // namespace spv
