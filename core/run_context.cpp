#include "core/run_context.hpp"

namespace spv {

bool defer_missing_file(const RunContext& ctx, const std::string& path, const std::string& named_by) {
  if (!ctx.missing_files) return false;
  ctx.missing_files->push_back(path + " (" + named_by + ")");
  return true;
}

}  // namespace spv
