// Reads a whole params file into memory, with one clear error for every way it can be unreadable.
#pragma once
#include <string>

namespace spv {

// Throws ParamError naming the path ("cannot open params file: ...") when it is missing, a directory, or unreadable.
std::string read_params_file_text(const std::string& path);

}  // namespace spv
