// spv-dsc-report: one self-contained HTML page from a concept-neuron analysis (spv-concept-neurons --out DIR).
#include <cstdio>
#include <string>

#include "analysis/dsc_report.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-dsc-report --analysis DIR [--baseline DIR] [--title TEXT] -o REPORT.html\n"
    "\n"
    "Writes one HTML page with every figure embedded (PNG data URIs): the numbers next to the paper's and the\n"
    "OpenPV reference, each class's best joint neuron over the test set (vision only, text only), activity-\n"
    "triggered averages, text generated from vision alone, linear classification, the feedback flip and the\n"
    "dictionaries. DIR is an spv-concept-neurons output directory; --baseline DIR adds the same analysis of the\n"
    "run without feedback as a column. scripts/screenshot_report.sh takes a headless-Chromium screenshot.\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments or missing files.\n";

struct Options {
  spv::DscReportOptions report;
  std::string out;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--analysis") o.report.analysis_dir = args.value();
    else if (arg == "--baseline") o.report.baseline_dir = args.value();
    else if (arg == "--title") o.report.title = args.value();
    else if (arg == "-o" || arg == "--out") o.out = args.value();
    else spv::tool::unknown_option(arg);
  });
  if (!o.help && (o.report.analysis_dir.empty() || o.out.empty()))
    throw std::runtime_error("--analysis and -o are required (see --help)");
  return o;
}

int run(const Options& o) {
  spv::write_dsc_report(o.report, o.out);
  std::printf("report: %s\n", o.out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return spv::tool::run_tool("spv-dsc-report", usage_text, argc, argv, parse, run); }
