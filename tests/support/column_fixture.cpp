#include "tests/support/column_fixture.hpp"

#include <fstream>
#include <random>

#include "lua/params_loader.hpp"

namespace spv::test {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("spv-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

ColumnRun::ColumnRun(const std::filesystem::path& params_file) {
  ColumnOptions options;
  options.show_progress = false;
  column = std::make_unique<Column>(load_params_file(params_file.string()), registry, options, comm);
}

}  // namespace spv::test
