// sparsepv's command line (FORMATS.md section 5): OpenPV's spellings (-p, -o, -t, -rows ...) plus GNU-style long
// options. OpenPV's multi-letter single-dash options are why this is parsed by hand rather than with a library.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "params/error.hpp"

namespace spv {

class UsageError : public Error {
 public:
  using Error::Error;
};

struct CommandLine {
  std::string params_file;
  std::string output_path;
  std::optional<int> threads;
  std::string checkpoint_dir;  // -c
  bool restart_newest = false;  // -r
  std::optional<int> rows, columns, batch_width;
  std::string devices;  // -d
  std::optional<std::uint64_t> seed;
  std::string log_file;
  bool dry_run = false;
  bool help = false, version = false, describe = false;
  std::string describe_type;
  bool quiet = false;
};

// Throws UsageError with a message naming the offending option.
CommandLine parse_command_line(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace spv
