// sparsepv's command line: every option of OpenPV's command line with its meaning (-p, -o,
// -t, -rows, -w, -shuffle, --require-return, a config file of "Argument:value" lines) plus GNU-style long options.
// OpenPV's multi-letter single-dash options are why this is parsed by hand rather than with a library. Each option
// is declared once (app/command_line.cpp: its spellings, config-file name, value kind and help text); the parser,
// the config-file reader and the usage text all read that one table.
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
  std::optional<int> threads;  // unset: the default share (also what OpenPV's bare -t asks for)
  std::string checkpoint_dir;  // -c
  bool restart_newest = false;  // -r
  std::optional<int> rows, columns, batch_width;
  std::string devices;  // -d
  std::optional<std::uint64_t> seed;
  std::string log_file;
  std::string working_dir;  // -w: the directory the run works in, entered after the params file is read
  std::optional<std::uint32_t> shuffle_seed;  // -shuffle: build the groups in an order shuffled by this seed
  bool require_return = false;                // --require-return: wait for the return key before the run starts
  bool dry_run = false;
  bool graph = false;  // --graph: draw the built network, run nothing
  bool help = false, version = false, describe = false;
  std::string describe_type;
  bool quiet = false;
  std::string config_file;         // the config file the options came from, if any
  std::vector<std::string> notes;  // accepted options without effect here, one warning line each
};

// Throws UsageError with a message naming the offending option (and the config file and line it came from).
// An unknown, empty, repeated or contradictory option is an error.
CommandLine parse_command_line(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace spv
