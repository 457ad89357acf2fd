#include "app/command_line.hpp"

#include <charconv>
#include <fstream>
#include <functional>
#include <map>

#include "params/param_schema.hpp"

namespace spv {

namespace {

// How an option takes its value. On the command line a Flag takes none; in a config file it takes true/false.
enum class Kind {
  Flag,
  Text,           // a non-empty value that is not itself an option
  Count,          // a whole number >= 1
  OptionalCount,  // -t [N]: a bare -t asks for the default thread count, as in OpenPV
  Unsigned,       // a whole number >= 0
  OptionalText,   // --describe [TYPE]
  NoEffect,       // accepted from OpenPV, changes nothing here (config files only)
};

struct Option {
  std::vector<std::string> spellings;  // command-line spellings; empty: config files only
  std::string config_name;             // OpenPV's config-file argument name; empty: command line only
  Kind kind;
  std::string metavar, help;
  // Sets the option from its value (empty for a flag or a bare optional option).
  std::function<void(CommandLine&, const std::string& value, const std::string& where)> apply;
};

template <class T>
T parse_number(const std::string& where, const std::string& text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw UsageError(where + " needs a whole number, got \"" + text + "\"");
  return value;
}

int parse_count(const std::string& where, const std::string& text) {
  const int n = parse_number<int>(where, text);
  if (n < 1) throw UsageError(where + " needs a whole number of at least 1, got " + text);
  return n;
}

void set_params_file(CommandLine& c, const std::string& file, const std::string& where) {
  if (!c.params_file.empty())
    throw UsageError(where + ": a second params file (\"" + c.params_file + "\", then \"" + file + "\")");
  c.params_file = file;
}

const std::vector<Option>& options() {
  using CL = CommandLine;
  using S = const std::string&;
  static const std::vector<Option> table = {
      {{"-p", "--params"},
       "ParamsFile",
       Kind::Text,
       "FILE",
       "params file: .lua, or OpenPV .params text",
       [](CL& c, S v, S w) { set_params_file(c, v, w); }},
      {{"-o", "--output"},
       "OutputPath",
       Kind::Text,
       "DIR",
       "output directory (overrides outputPath)",
       [](CL& c, S v, S) { c.output_path = v; }},
      {{"-t", "--threads"},
       "NumThreads",
       Kind::OptionalCount,
       "[N]",
       "OpenMP threads per rank (default, and a bare -t: OMP_NUM_THREADS, else the rank's share of its cores)",
       [](CL& c, S v, S w) { c.threads = v.empty() ? std::nullopt : std::optional<int>(parse_count(w, v)); }},
      {{"-s", "--seed"},
       "RandomSeed",
       Kind::Unsigned,
       "SEED",
       "random seed (overrides randomSeed)",
       [](CL& c, S v, S w) { c.seed = parse_number<std::uint64_t>(w, v); }},
      {{"-l", "--log"},
       "LogFile",
       Kind::Text,
       "FILE",
       "write the log to FILE (other ranks: FILE_<rank>)",
       [](CL& c, S v, S) { c.log_file = v; }},
      {{"-w", "--working-dir"},
       "WorkingDirectory",
       Kind::Text,
       "DIR",
       "run in DIR: the params' relative paths (outputs, inputs, checkpoints) start there; -p and -l do not",
       [](CL& c, S v, S) { c.working_dir = v; }},
      {{"-n", "--dry-run"},
       "DryRun",
       Kind::Flag,
       "",
       "build and check everything, print each layer, connection and probe and the memory the run needs; "
       "writes nothing (no output directory, params or checkpoint)",
       [](CL& c, S, S) { c.dry_run = true; }},
      {{"-q", "--quiet"}, "", Kind::Flag, "", "no progress line", [](CL& c, S, S) { c.quiet = true; }},
      {{"-c", "--checkpoint"},
       "CheckpointReadDirectory",
       Kind::Text,
       "DIR",
       "restart from a checkpoint directory",
       [](CL& c, S v, S) { c.checkpoint_dir = v; }},
      {{"-r", "--restart"},
       "Restart",
       Kind::Flag,
       "",
       "restart from the newest complete checkpoint in checkpointWriteDir",
       [](CL& c, S, S) { c.restart_newest = true; }},
      {{"-rows", "--rows"},
       "NumRows",
       Kind::Count,
       "R",
       "MPI rows (rows*columns*batchwidth = number of ranks)",
       [](CL& c, S v, S w) { c.rows = parse_count(w, v); }},
      {{"-columns", "--columns"},
       "NumColumns",
       Kind::Count,
       "C",
       "MPI columns",
       [](CL& c, S v, S w) { c.columns = parse_count(w, v); }},
      {{"-batchwidth", "--batchwidth"},
       "BatchWidth",
       Kind::Count,
       "B",
       "MPI batch blocks",
       [](CL& c, S v, S w) { c.batch_width = parse_count(w, v); }},
      {{"-d", "--devices"},
       "GPUDevices",
       Kind::Text,
       "LIST",
       "GPUs, one per rank on a node (-d 0, -d 0,1); objects with updateGpu/receiveGpu use it",
       [](CL& c, S v, S) { c.devices = v; }},
      {{"-shuffle", "--shuffle"},
       "ShuffleParamGroups",
       Kind::Unsigned,
       "SEED",
       "build the params groups in an order shuffled by SEED (0: file order); the results must not change",
       [](CL& c, S v, S w) {
         const auto seed = parse_number<std::uint32_t>(w, v);
         if (seed != 0) c.shuffle_seed = seed;
       }},
      {{"--require-return"},
       "RequireReturn",
       Kind::Flag,
       "",
       "wait for the return key before the run starts",
       [](CL& c, S, S) { c.require_return = true; }},
      {{"--graph"},
       "",
       Kind::OptionalText,
       "[PARAMS]",
       "draw the network (layers, connections, probes) into the output directory as Graphviz DOT (network.dot), "
       "Mermaid (network.mmd) and, with Graphviz installed, network.png; runs nothing",
       [](CL& c, S v, S w) {
         c.graph = true;
         if (!v.empty()) set_params_file(c, v, w);
       }},
      {{"--describe"},
       "",
       Kind::OptionalText,
       "[TYPE]",
       "list group types, or one type's parameters",
       [](CL& c, S v, S) {
         c.describe = true;
         c.describe_type = v;
       }},
      {{"--version"}, "", Kind::Flag, "", "the version and the back-ends built", [](CL& c, S, S) { c.version = true; }},
      {{"-h", "--help"}, "", Kind::Flag, "", "this text", [](CL& c, S, S) { c.help = true; }},
      // OpenPV's checkpoint-cell sizes choose how its checkpoint files are split; sparsepv's checkpoints do not
      // depend on the split, so they change nothing.
      {{}, "CheckpointCellNumRows", Kind::NoEffect, "", "", nullptr},
      {{}, "CheckpointCellNumColumns", Kind::NoEffect, "", "", nullptr},
      {{}, "CheckpointCellBatchDimension", Kind::NoEffect, "", "", nullptr},
  };
  return table;
}

bool looks_like_option(const std::string& s) { return s.size() > 1 && s[0] == '-'; }

// Parses as it goes, remembering where each option was first given so that a repeat can name both places.
class Parser {
 public:
  void set(std::size_t index, const std::string& value, const std::string& where) {
    const Option& o = options()[index];
    const std::string name = o.spellings.empty() ? o.config_name : o.spellings.front();
    auto [it, fresh] = given_.emplace(index, where);
    if (!fresh) throw UsageError(name + " is given twice (" + it->second + ", then " + where + ")");
    if (o.kind == Kind::NoEffect) {
      cl_.notes.push_back(where + ": " + o.config_name +
                          " has no effect (sparsepv's checkpoints do not depend "
                          "on the MPI split)");
      return;
    }
    o.apply(cl_, value, where);
  }

  void command_line(const std::vector<std::string>& args, std::size_t first) {
    for (std::size_t i = first; i < args.size(); ++i) {
      const std::string& a = args[i];
      const std::size_t index = find_spelling(a);
      const Option& o = options()[index];
      const std::string where = "option " + a;
      const bool has_next = i + 1 < args.size() && !looks_like_option(args[i + 1]);
      switch (o.kind) {
        case Kind::Flag: set(index, "", where); break;
        case Kind::OptionalCount:
        case Kind::OptionalText: set(index, has_next ? args[++i] : "", where); break;
        default:
          if (i + 1 >= args.size()) throw UsageError(where + " needs a value");
          if (!has_next) throw UsageError(where + " needs a value, got the option \"" + args[i + 1] + "\"");
          if (args[i + 1].empty()) throw UsageError(where + " needs a non-empty value");
          set(index, args[++i], where);
      }
    }
  }

  // OpenPV's config file: "Argument:value" lines, '#' comments, blank lines.
  void config_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw UsageError("cannot read the config file \"" + path + "\"");
    cl_.config_file = path;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      const std::string text = trim(line);
      if (text.empty() || text[0] == '#') continue;
      const std::string where = path + ":" + std::to_string(number);
      const auto colon = text.find(':');
      if (colon == std::string::npos) throw UsageError(where + ": expected \"Argument:value\", got \"" + text + "\"");
      const std::string name = trim(text.substr(0, colon)), value = trim(text.substr(colon + 1));
      const std::size_t index = find_config_name(name, where);
      switch (options()[index].kind) {
        case Kind::Flag:
          if (config_boolean(value, where)) set(index, "", where + " " + name);
          break;
        case Kind::OptionalCount: set(index, value == "-" ? "" : value, where + " " + name); break;
        case Kind::NoEffect: set(index, value, where); break;
        default:
          if (value.empty()) throw UsageError(where + ": " + name + " needs a non-empty value");
          set(index, value, where + " " + name);
      }
    }
  }

  CommandLine& result() { return cl_; }

 private:
  static std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
  }

  static bool config_boolean(const std::string& value, const std::string& where) {
    if (value == "true" || value == "T" || value == "1") return true;
    if (value == "false" || value == "F" || value == "0") return false;
    throw UsageError(where + ": expected true or false, got \"" + value + "\"");
  }

  static std::size_t find_spelling(const std::string& a) {
    for (std::size_t i = 0; i < options().size(); ++i)
      for (const std::string& s : options()[i].spellings)
        if (s == a) return i;
    std::vector<std::string> all;
    for (const Option& o : options()) all.insert(all.end(), o.spellings.begin(), o.spellings.end());
    const std::string hint = did_you_mean(a, all);
    throw UsageError("unknown option \"" + a + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") +
                     " (see sparsepv --help)");
  }

  static std::size_t find_config_name(const std::string& name, const std::string& where) {
    std::vector<std::string> all;
    for (std::size_t i = 0; i < options().size(); ++i) {
      if (options()[i].config_name == name) return i;
      if (!options()[i].config_name.empty()) all.push_back(options()[i].config_name);
    }
    const std::string hint = did_you_mean(name, all);
    throw UsageError(where + ": unknown config argument \"" + name + "\"" +
                     (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
  }

  CommandLine cl_;
  std::map<std::size_t, std::string> given_;
};

// Words of text in lines of at most width characters, every line after the first indented by indent spaces.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width) {
  std::string out, line, word;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n')
      flush_word();
    else
      word += c;
  }
  flush_word();
  return out + line;
}

}  // namespace

std::string usage_text() {
  std::string text =
      "usage: sparsepv -p PARAMS [options]\n"
      "       sparsepv CONFIG_FILE [options]   (OpenPV's config file: one \"Argument:value\" per line)\n";
  for (const Option& o : options()) {
    if (o.spellings.empty()) continue;
    std::string left = "  ";
    for (std::size_t i = 0; i < o.spellings.size(); ++i) left += (i ? ", " : "") + o.spellings[i];
    if (!o.metavar.empty()) left += " " + o.metavar;
    left.resize(std::max<std::size_t>(left.size() + 1, 29), ' ');
    std::string help = o.help;
    if (!o.config_name.empty()) help += " [config file: " + o.config_name + "]";
    text += left + wrap(help, 29, 90) + "\n";
  }
  return text;
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
  Parser parser;
  // As in OpenPV, a first argument that is not an option names a config file; options may follow it.
  const bool config = !args.empty() && !looks_like_option(args[0]);
  if (config && (args[0].ends_with(".lua") || args[0].ends_with(".params")))
    throw UsageError("\"" + args[0] + "\" is a params file: give it with -p " + args[0] +
                     " (a first argument without -p is read as an OpenPV config file of Argument:value lines)");
  if (config) parser.config_file(args[0]);
  parser.command_line(args, config ? 1 : 0);
  CommandLine& cl = parser.result();
  if (cl.restart_newest && !cl.checkpoint_dir.empty())
    throw UsageError("-r (restart from the newest checkpoint) and -c DIR (restart from DIR) contradict each other");
  if (cl.graph && (cl.dry_run || cl.restart_newest || !cl.checkpoint_dir.empty()))
    throw UsageError("--graph draws the network and runs nothing; it takes no -n, -r or -c");
  if (cl.describe && !cl.params_file.empty())
    throw UsageError("--describe lists group types and runs nothing; it takes no params file (-p)");
  if (!cl.help && !cl.version && !cl.describe && cl.params_file.empty())
    throw UsageError("no params file: give one with -p FILE");
  return cl;
}

}  // namespace spv
