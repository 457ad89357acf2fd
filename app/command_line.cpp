#include "app/command_line.hpp"

#include <charconv>

namespace spv {

namespace {

template <class T>
T parse_number(const std::string& option, const std::string& text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw UsageError("option " + option + " needs a whole number, got \"" + text + "\"");
  return value;
}

}  // namespace

std::string usage_text() {
  return "usage: sparsepv -p PARAMS [options]\n"
         "  -p, --params FILE        params file: .lua, or OpenPV .params text\n"
         "  -o, --output DIR         output directory (overrides outputPath)\n"
         "  -t, --threads N          OpenMP threads per rank (default: OMP_NUM_THREADS, else the rank's share of its cores)\n"
         "  -s, --seed SEED          random seed (overrides randomSeed)\n"
         "  -l, --log FILE           write the log to FILE\n"
         "  -n, --dry-run            build and check everything, print each layer, connection and probe and the\n"
         "                           memory the run needs; writes nothing (no output directory, params or checkpoint)\n"
         "  -q, --quiet              no progress line\n"
         "      --describe [TYPE]    list group types, or one type's parameters\n"
         "  -c DIR                   restart from a checkpoint directory\n"
         "  -r                       restart from the newest complete checkpoint in checkpointWriteDir\n"
         "  -rows R -columns C -batchwidth B   MPI decomposition (R*C*B = number of ranks)\n"
         "  -d LIST                  GPUs, one per rank on a node (-d 0, -d 0,1); objects with updateGpu/receiveGpu use it\n"
         "      --version, -h/--help\n";
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
  CommandLine cl;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError("option " + a + " needs a value");
      return args[++i];
    };
    if (a == "-p" || a == "--params") cl.params_file = value();
    else if (a == "-o" || a == "--output") cl.output_path = value();
    else if (a == "-t" || a == "--threads") cl.threads = parse_number<int>(a, value());
    else if (a == "-s" || a == "--seed") cl.seed = parse_number<std::uint64_t>(a, value());
    else if (a == "-l" || a == "--log") cl.log_file = value();
    else if (a == "-c" || a == "--checkpoint") cl.checkpoint_dir = value();
    else if (a == "-r" || a == "--restart") cl.restart_newest = true;
    else if (a == "-rows" || a == "--rows") cl.rows = parse_number<int>(a, value());
    else if (a == "-columns" || a == "--columns") cl.columns = parse_number<int>(a, value());
    else if (a == "-batchwidth" || a == "--batchwidth") cl.batch_width = parse_number<int>(a, value());
    else if (a == "-d" || a == "--devices") cl.devices = value();
    else if (a == "-n" || a == "--dry-run") cl.dry_run = true;
    else if (a == "-q" || a == "--quiet") cl.quiet = true;
    else if (a == "-h" || a == "--help") cl.help = true;
    else if (a == "--version") cl.version = true;
    else if (a == "--describe") {
      cl.describe = true;
      if (i + 1 < args.size() && args[i + 1].rfind("-", 0) != 0) cl.describe_type = args[++i];
    } else throw UsageError("unknown option \"" + a + "\" (see sparsepv --help)");
  }
  if (cl.threads && *cl.threads < 1) throw UsageError("option -t needs at least 1 thread");
  if (!cl.help && !cl.version && !cl.describe && cl.params_file.empty())
    throw UsageError("no params file: give one with -p FILE");
  return cl;
}

}  // namespace spv
