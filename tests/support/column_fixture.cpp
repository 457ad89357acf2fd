#include "tests/support/column_fixture.hpp"

#include "lua/params_loader.hpp"

namespace spv::test {

ColumnRun::ColumnRun(const std::filesystem::path& params_file) {
  ColumnOptions options;
  options.show_progress = false;
  column = std::make_unique<Column>(load_params_file(params_file.string()), registry, options, comm);
}

}  // namespace spv::test
