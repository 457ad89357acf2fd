#include "params/error.hpp"

namespace spv {

static std::string compose(const SourceLocation& where, const std::string& group, const std::string& key,
                           const std::string& message) {
  std::string s = where.str();
  if (!s.empty()) s += ": ";
  if (!group.empty()) s += "group \"" + group + "\"";
  if (!key.empty()) s += (group.empty() ? "" : ", ") + std::string("key \"") + key + "\"";
  if (!group.empty() || !key.empty()) s += ": ";
  return s + message;
}

ParamError::ParamError(SourceLocation where, std::string group, std::string key, std::string message)
    : Error(compose(where, group, key, message)),
      where_(std::move(where)),
      group_(std::move(group)),
      key_(std::move(key)),
      message_(std::move(message)) {}

}  // namespace spv
