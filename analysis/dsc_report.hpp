// One self-contained HTML page for a deep-sparse-coding run: the numbers next to the paper's (and a no-feedback
// run's), and the analysis figures embedded as PNG data URIs. Input: the out_dir of analyse_dsc_run.
#pragma once
#include <filesystem>
#include <span>
#include <string>

namespace spv {

struct DscReportOptions {
  std::filesystem::path analysis_dir;  // summary.txt and the figures it lists
  std::filesystem::path baseline_dir;  // optional: the same analysis of the run without feedback
  std::string title = "Deep sparse coding: concept neurons";
};

// The page as text; throws IoError naming a missing summary or figure.
std::string dsc_report_html(const DscReportOptions& options);
// Writes dsc_report_html to `path` through a temporary file renamed into place.
void write_dsc_report(const DscReportOptions& options, const std::filesystem::path& path);

std::string base64_encode(std::span<const unsigned char> bytes);
std::string html_escape(const std::string& text);

}  // namespace spv
