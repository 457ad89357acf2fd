// Builds and runs a column in-process from Lua text, for tests that inspect layer buffers and probe values.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "app/default_registry.hpp"
#include "core/column.hpp"
#include "core/comm/communicator.hpp"
#include "tests/support/temp_dir.hpp"

namespace spv::test {

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
