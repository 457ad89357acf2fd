#include "params/text_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "params/error.hpp"

namespace spv {

std::string read_params_file_text(const std::string& path) {
  auto fail = [&](const std::string& why) { return ParamError({path, 0}, "", "", "cannot open params file: " + why); };
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw fail("no such file");
  if (std::filesystem::is_directory(status)) throw fail("it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw fail("permission denied or unreadable");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw fail("read error");
  return text.str();
}

}  // namespace spv
