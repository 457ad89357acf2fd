// Typed errors: every error a user can cause carries the names (file, line, group, key) needed to fix it.
#pragma once
#include <stdexcept>
#include <string>

namespace spv {

// Base of every error sparsepv throws on purpose; main() prints what() and exits non-zero.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a group or key was written.
struct SourceLocation {
  std::string file;
  int line = 0;
  std::string str() const { return line > 0 ? file + ":" + std::to_string(line) : file; }
};

// A params problem: names the file and line, the group, the key, and what is wrong.
class ParamError : public Error {
 public:
  ParamError(SourceLocation where, std::string group, std::string key, std::string message);
  const SourceLocation& where() const { return where_; }
  const std::string& group() const { return group_; }
  const std::string& key() const { return key_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string group_, key_, message_;
};

}  // namespace spv
