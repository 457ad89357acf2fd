// Command-line handling shared by the spv-* tools: walking argv, option values and numbers with one message shape,
// and the main that prints the usage text for --help or the error with exit status 1.
#pragma once
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>

namespace spv::tool {

inline bool is_help(const std::string& arg) { return arg == "--help" || arg == "-h"; }

// argv after the program name, one argument at a time; an option's value is the argument that follows it.
class ArgList {
 public:
  ArgList(int argc, char** argv) : argc_(argc), argv_(argv) {}

  // The argument being taken.
  const std::string& arg() const { return arg_; }
  // Calls take(arg) for each argument in turn, where take reads an option's value with value(); --help or -h
  // sets `help` and ends the walk instead.
  template <class Take>
  void each(bool& help, Take take) {
    while (next()) {
      if (is_help(arg_)) {
        help = true;
        return;
      }
      take(arg_);
    }
  }
  // Consumes and returns the argument after the current option; throws when the option is the last argument.
  std::string value() {
    if (i_ + 1 >= argc_) throw std::runtime_error(arg_ + " needs a value (see --help)");
    return argv_[++i_];
  }

 private:
  bool next() {
    if (++i_ >= argc_) return false;
    arg_ = argv_[i_];
    return true;
  }

  int argc_;
  char** argv_;
  int i_ = 0;
  std::string arg_;
};

[[noreturn]] inline void unknown_option(const std::string& arg) {
  throw std::runtime_error("unknown option \"" + arg + "\" (see --help)");
}

// Takes arg as the tool's one positional file: an unknown option when it starts with '-', an error when the file
// was already given.
inline void positional_file(std::string& file, const std::string& arg) {
  if (!arg.empty() && arg[0] == '-') unknown_option(arg);
  if (!file.empty()) throw std::runtime_error("more than one file given (\"" + file + "\" and \"" + arg + "\")");
  file = arg;
}

// A finite decimal number (anything strtod reads in full).
inline double number(const std::string& option, const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v))
    throw std::runtime_error(option + " needs a number, not \"" + text + "\"");
  return v;
}

// A base-10 integer in [min, max].
inline long long integer(const std::string& option, const std::string& text, long long min,
                         long long max = INT_MAX) {
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  const bool read = !text.empty() && *end == '\0';
  if (read && v > max)
    throw std::runtime_error(option + " needs an integer in [" + std::to_string(min) + ", " + std::to_string(max) +
                             "], not \"" + text + "\"");
  if (!read || v < min)
    throw std::runtime_error(option + " needs an integer >= " + std::to_string(min) + ", not \"" + text + "\"");
  return v;
}

// The body of a tool's main: parse(argc, argv) gives options with a `help` flag; prints `usage` and returns 0 when
// it is set, else returns run(options). Any exception is printed as "<name>: <what>" on stderr, exit status 1.
template <class Parse, class Run>
int run_tool(const char* name, const char* usage, int argc, char** argv, Parse parse, Run run) {
  try {
    const auto options = parse(argc, argv);
    if (options.help) {
      std::fputs(usage, stdout);
      return 0;
    }
    return run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", name, e.what());
    return 1;
  }
}

}  // namespace spv::tool
