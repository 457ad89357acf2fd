// Builds and runs a column in-process from Lua text, for tests that inspect layer buffers and probe values.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "app/default_registry.hpp"
#include "core/column.hpp"
#include "core/comm/communicator.hpp"

namespace spv::test {

// A fresh empty directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& text);

// A column built from a Lua params file (passes 1-4), without outputs; initialize() and advance() as needed.
struct ColumnRun {
  LocalCommunicator comm;
  Registry registry = default_registry();
  std::unique_ptr<Column> column;

  explicit ColumnRun(const std::filesystem::path& params_file);
  template <class T>
  T& get(const std::string& name) const {
    return dynamic_cast<T&>(*column->objects().find(name));
  }
};

}  // namespace spv::test
