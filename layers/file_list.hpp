// The list files of the input layers that read one file per entry (ImageLayer, PvpListLayer).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace spv {

struct ListedFile {
  std::filesystem::path path;  // as found: beside the list, or from the working directory
  int line = 0;                // the list's line that named it (1-based)
};

// Reads the list at `list_path`, one file per line, surrounding blanks trimmed; blank lines and lines starting with
// # or // are skipped. A relative name is looked for beside the list first, then (OpenPV's rule) from the working
// directory. `kind` names the files in messages ("image", "PVP"), `context` the key that named the list. Throws
// IoError naming the list, the line and `context` when the list cannot be read, is empty, or names a missing file.
std::vector<ListedFile> read_file_list(const std::string& list_path, const std::string& kind,
                                       const std::string& context);

}  // namespace spv
