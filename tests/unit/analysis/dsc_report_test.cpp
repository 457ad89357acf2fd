#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "analysis/dsc_analysis.hpp"
#include "analysis/dsc_report.hpp"
#include "dsc_synthetic_run.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
using namespace spv::test;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("the analysis of a planted run finds exactly the planted values", "[dsc]") {
  TempDir dir;
  write_dsc_run(dir / "run", dir / "data");
  DscAnalysisOptions o;
  o.run_dir = dir / "run";
  o.data_dir = dir / "data";
  o.out_dir = dir / "analysis";
  const KeyValueSummary s = analyse_dsc_run(o);
  CHECK(s.number("inputs") == dsc_inputs);
  CHECK(s.number("concept.class.1.neuron") == 2);
  CHECK(s.number("concept.class.1.vision_ba") == Approx(0.95));
  CHECK(s.number("concept.class.1.text_ba") == Approx(0.95));
  CHECK(s.number("concept.class.1.best_vision_neuron") == 4);
  CHECK(s.number("sparsity.vision") == Approx(double(dsc_active_vision) / (dsc_inputs * dsc_joint)).epsilon(1e-5));
  CHECK(s.number("sparsity.text") == Approx(double(dsc_active_text) / (dsc_inputs * dsc_joint)).epsilon(1e-5));
  CHECK(s.number("multimodal.share") == 0.5);
  CHECK(s.number("generation.legible_share") == Approx(37.0 / 40.0));
  CHECK(s.number("generation.class.2.legible_share") == Approx(0.7));
  CHECK(s.number("generation.legible_share_with_text") == 1.0);
  CHECK(s.number("classification.both") == 1.0);
  CHECK(s.number("flip.joint.flipped_share") == 1.0);
  CHECK(s.number("flip.vision1.flipped_share") == 0.5);
  CHECK(s.number("flip.case.0.vision1.nearest_after") == 1);
  CHECK(s.number("timing.learn.ms_per_pair") == Approx(154.31));
  CHECK(s.get("dictionary.JointToV1Error.shape") == std::string("3x3x4, 4 kernels"));
  CHECK(std::filesystem::exists(dir / "analysis" / "dictionary_V1ToVisionError.png"));
  CHECK_FALSE(std::filesystem::exists(dir / "analysis" / "dictionary_JointToV1Error.png"));
  // Every figure the summary lists was written, and the summary reads back the same.
  int figures = 0;
  for (const auto& [k, v] : s.entries())
    if (k.rfind("figure.", 0) == 0) {
      ++figures;
      CHECK(std::filesystem::exists(dir / "analysis" / v));
    }
  CHECK(figures == 2 * 4 + 4 + 2 + 1);  // activation plots, triggered averages, generated and clean text, dictionary
  CHECK(KeyValueSummary::read(dir / "analysis" / "summary.txt").entries() == s.entries());
}

TEST_CASE("missing parts are skipped and say so", "[dsc]") {
  TempDir dir;
  write_dsc_run(dir / "run", dir / "data");
  std::filesystem::remove_all(dir / "run" / "flip");
  DscAnalysisOptions o;
  o.run_dir = dir / "run";
  o.out_dir = dir / "analysis";  // no data dir: no triggered averages
  const KeyValueSummary s = analyse_dsc_run(o);
  CHECK(s.get("flip.status").value_or("").rfind("skipped", 0) == 0);
  CHECK(s.get("triggered_average.status").value_or("").rfind("skipped", 0) == 0);
  CHECK(s.number("concept.class.1.neuron") == 2);
  // A joint file with the wrong number of inputs is an error naming the file.
  write_frames(dir / "run" / "infer_text" / "Joint.pvp", PvpType::Dense, 1, 1, dsc_joint, {std::vector<float>(6)});
  CHECK_THROWS_WITH(analyse_dsc_run(o), Catch::Contains("infer_text/Joint.pvp holds 1 inputs"));
}

TEST_CASE("the report is one well-formed HTML page with the sections and embedded images", "[dsc]") {
  TempDir dir;
  write_dsc_run(dir / "run", dir / "data");
  DscAnalysisOptions o;
  o.run_dir = dir / "run";
  o.data_dir = dir / "data";
  o.out_dir = dir / "analysis";
  const KeyValueSummary s = analyse_dsc_run(o);
  o.out_dir = dir / "baseline";
  analyse_dsc_run(o);
  DscReportOptions r;
  r.analysis_dir = dir / "analysis";
  r.baseline_dir = dir / "baseline";
  write_dsc_report(r, dir / "report.html");
  const std::string html = read_file(dir / "report.html");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("</html>") != std::string::npos);
  for (const char* id : {"numbers", "concept-neurons", "activation", "triggered-averages", "generated-text",
                         "classification", "flip", "dictionaries", "definitions"})
    CHECK(html.find(std::string("<h2 id=\"") + id + "\"") != std::string::npos);
  for (const char* tag : {"table", "tr", "div", "figure", "h2", "p", "ul"})
    CHECK(count(html, std::string("<") + tag + ">") + count(html, std::string("<") + tag + " ") ==
          count(html, std::string("</") + tag + ">"));
  // Every figure embedded as PNG data (the base64 of the PNG signature), none linked as a file.
  std::size_t figures = 0;
  for (const auto& [k, v] : s.entries()) figures += k.rfind("figure.", 0) == 0;
  CHECK(count(html, "src=\"data:image/png;base64,iVBORw0KGgo") == figures);
  CHECK(count(html, "src=\"") == figures);
  CHECK(html.find("no feedback") != std::string::npos);
  CHECK(html.find("59.76%") != std::string::npos);
  CHECK(html.find("<tr><td>learn</td><td>1234.5 s</td><td>154.31 ms</td>") != std::string::npos);
  CHECK(html.find("<td>1 three</td>") == std::string::npos);
  CHECK(html.find("<td>1 one</td><td>N-2</td><td>0.950</td><td>0.950</td>") != std::string::npos);
  CHECK(base64_encode(std::vector<unsigned char>{'M', 'a', 'n', 'y'}) == "TWFueQ==");
  CHECK(html_escape("<a&\"b\">") == "&lt;a&amp;&quot;b&quot;&gt;");
}
