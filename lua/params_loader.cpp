#include "lua/params_loader.hpp"

#include <algorithm>
#include <cctype>

#include "lua/lua_loader.hpp"
#include "params/legacy_params_parser.hpp"

namespace spv {

ParamDocument load_params_file(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  bool lua = lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".lua") == 0;
  return lua ? load_lua_params(path) : read_params_file(path);
}

}  // namespace spv
