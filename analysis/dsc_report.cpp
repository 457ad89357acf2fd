#include "analysis/dsc_report.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "analysis/dsc_analysis.hpp"
#include "analysis/key_value_summary.hpp"
#include "core/errors.hpp"

namespace spv {

namespace fs = std::filesystem;

std::string base64_encode(std::span<const unsigned char> bytes) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const unsigned v = unsigned(bytes[i]) << 16 | (i + 1 < bytes.size() ? unsigned(bytes[i + 1]) << 8 : 0u) |
                       (i + 2 < bytes.size() ? unsigned(bytes[i + 2]) : 0u);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? table[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? table[v & 63] : '=';
  }
  return out;
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string png_data_uri(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string(), "cannot open the figure");
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return "data:image/png;base64," + base64_encode(bytes);
}

std::string percent(double v) {
  if (!std::isfinite(v)) return "&ndash;";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * v);
  return buf;
}

std::string fixed3(double v) {
  if (!std::isfinite(v)) return "&ndash;";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string integer(double v) { return std::isfinite(v) ? std::to_string(long(std::lround(v))) : "&ndash;"; }

class Page {
 public:
  Page(const DscReportOptions& o) : o_(o), s_(KeyValueSummary::read(o.analysis_dir / "summary.txt")) {
    if (!o.baseline_dir.empty()) base_ = KeyValueSummary::read(o.baseline_dir / "summary.txt");
  }

  std::string build() {
    head();
    numbers();
    concept_table();
    activation_plots();
    section_figures("triggered-averages", "Activity-triggered averages",
                    "Mean input weighted by each joint neuron's activity (inputs given in both modalities), each "
                    "image stretched to its own range.",
                    {{"ata.concept.vision", "vision: the best neuron of each class (class: neuron)"},
                     {"ata.concept.text", "text: the best neuron of each class"},
                     {"ata.top.vision", "vision: the most often active joint neurons"},
                     {"ata.top.text", "text: the most often active joint neurons"}});
    generation();
    classification();
    flip();
    dictionaries();
    definitions();
    h_ << "</main></body></html>\n";
    return h_.str();
  }

 private:
  void head() {
    h_ << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << html_escape(o_.title)
       << "</title>\n<style>\n"
          "body{font-family:'Liberation Sans',Arial,sans-serif;margin:0;background:#f6f6f6;color:#222}\n"
          "main{max-width:1320px;margin:0 auto;padding:16px 24px;background:#fff}\n"
          "h1{font-size:24px;margin:8px 0}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ccc}\n"
          "p.note{color:#555;font-size:13px;margin:4px 0 10px}\n"
          "table{border-collapse:collapse;font-size:14px;margin:6px 0}\n"
          "th,td{border:1px solid #ccc;padding:4px 9px;text-align:right}th{background:#eee;text-align:center}\n"
          "td:first-child{text-align:left}\n"
          ".row{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}\n"
          "figure{margin:4px 0}figcaption{font-size:12px;color:#555}\n"
          "img{image-rendering:pixelated;border:1px solid #ddd}\n"
          "</style></head><body><main>\n";
    h_ << "<h1>" << html_escape(o_.title) << "</h1>\n<p class=\"note\">Run <code>"
       << html_escape(s_.get("run").value_or("?")) << "</code>: " << integer(s_.number("inputs"))
       << " test inputs, joint layer " << html_escape(s_.get("joint.shape").value_or("?")) << " ("
       << integer(s_.number("joint.neurons")) << " neurons).";
    if (base_) h_ << " No-feedback run <code>" << html_escape(base_->get("run").value_or("?")) << "</code>.";
    h_ << "</p>\n<p class=\"note\">Sections: <a href=\"#numbers\">numbers</a> &middot; <a href=\"#concept-neurons\">"
          "concept neurons</a> &middot; <a href=\"#activation\">activation plots</a> &middot; <a "
          "href=\"#triggered-averages\">triggered averages</a> &middot; <a href=\"#generated-text\">generated "
          "text</a> &middot; <a href=\"#classification\">classification</a> &middot; <a href=\"#flip\">feedback "
          "flip</a> &middot; <a href=\"#dictionaries\">dictionaries</a> &middot; <a href=\"#definitions\">"
          "definitions</a></p>\n";
  }

  // One row of the numbers table: this run, the no-feedback run, then the reference columns.
  void number_row(const std::string& metric, const std::string& key, bool as_percent, const std::string& paper_dsc,
                  const std::string& paper_ffa, const std::string& openpv) {
    auto fmt = [&](const KeyValueSummary& s) { return as_percent ? percent(s.number(key)) : fixed3(s.number(key)); };
    h_ << "<tr><td>" << metric << "</td><td><b>" << fmt(s_) << "</b></td>";
    if (base_) h_ << "<td>" << fmt(*base_) << "</td>";
    h_ << "<td>" << paper_dsc << "</td><td>" << paper_ffa << "</td><td>" << openpv << "</td></tr>\n";
  }

  void numbers() {
    h_ << "<h2 id=\"numbers\">Numbers</h2>\n<table><tr><th>measure</th><th>this run</th>";
    if (base_) h_ << "<th>no feedback</th>";
    h_ << "<th>paper, DSC</th><th>paper, feed-forward AE</th><th>OpenPV, small network (reference run)</th></tr>\n";
    number_row("concept neuron: mean over classes of the weaker modality's balanced accuracy", "concept.mean_weaker_ba",
               false, "&asymp;0.90 (N-326, one class)", "&ndash;", "&asymp;0.67");
    number_row("&nbsp;&nbsp;same neuron, vision only", "concept.mean_vision_ba", false, "", "", "");
    number_row("&nbsp;&nbsp;same neuron, text only", "concept.mean_text_ba", false, "", "", "");
    number_row("multimodal joint neurons (see Definitions)", "multimodal.share", true, "59.76%", "5.27%",
               "&ndash;");
    number_row("&nbsp;&nbsp;active on &gt; 1% of each modality's inputs", "multimodal.share_over_1pct", true, "", "",
               "");
    if (s_.get("multimodal.same_class_share"))
      number_row("&nbsp;&nbsp;same preferred class from vision alone and from text alone (see Definitions)",
                 "multimodal.same_class_share", true, "", "", "");
    number_row("joint layer active, both inputs", "sparsity.both", true, "20.2%", "47.8%",
               "&asymp;22% (&asymp;46% no feedback)");
    number_row("&nbsp;&nbsp;vision only", "sparsity.vision", true, "", "", "");
    number_row("&nbsp;&nbsp;text only", "sparsity.text", true, "", "", "");
    number_row("legible text generated from vision alone (chance: 10%)", "generation.legible_share", true, "&asymp;70%",
               "&asymp;70%", "&ndash;");
    number_row("linear classifier (logistic regression) on joint codes, both inputs", "classification.both", true,
               "separable (t-SNE)", "classes mix", "&ndash;");
    number_row("&nbsp;&nbsp;trained on vision-only, tested on text-only codes", "classification.vision_to_text", true,
               "", "", "");
    number_row("feedback flip: joint code flipped (nearer the digit's class before, the text's after)",
               "flip.joint.flipped_share", true, "1 of 1 (toy B/13)", "&ndash;", "&ndash;");
    number_row("&nbsp;&nbsp;moved towards the text's class", "flip.joint.moved_to_text_share", true, "", "", "");
    number_row("feedback flip: first vision layer flipped", "flip.vision1.flipped_share", true, "1 of 1 (toy B/13)",
               "&ndash;", "&ndash;");
    number_row("&nbsp;&nbsp;moved towards the text's class", "flip.vision1.moved_to_text_share", true, "", "", "");
    h_ << "</table>\n<p class=\"note\">Balanced accuracy = (true positive rate + true negative rate) / 2 of the "
          "rule &ldquo;class when activation &gt; threshold&rdquo;, threshold fitted on the test inputs. "
          "Percentages are shares; &ndash; = not measured. The paper's figures are for faces and names (LFW), "
          "these for MNIST digits and their names.</p>\n";
    timing_table();
  }

  // Wall time of each stage of the run (its timing.txt), when recorded.
  void timing_table() {
    std::vector<std::string> labels;
    for (const auto& [k, v] : s_.entries())
      if (k.rfind("timing.", 0) == 0 && k.size() > 12 && k.substr(k.size() - 12) == ".ms_per_pair")
        labels.push_back(k.substr(7, k.size() - 19));
    if (labels.empty()) return;
    h_ << "<table><tr><th>stage</th><th>wall time</th><th>per image pair</th>"
       << (base_ ? "<th>no feedback, per pair</th>" : "") << "</tr>\n";
    for (const auto& l : labels) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "<td>%.1f s</td><td>%.2f ms</td>", s_.number("timing." + l + ".seconds"),
                    s_.number("timing." + l + ".ms_per_pair"));
      h_ << "<tr><td>" << html_escape(l) << "</td>" << buf;
      if (base_) {
        // A stage the baseline did not time (not run, or run outside its driver) is shown as not measured.
        if (base_->get("timing." + l + ".ms_per_pair")) {
          std::snprintf(buf, sizeof buf, "<td>%.2f ms</td>", base_->number("timing." + l + ".ms_per_pair"));
          h_ << buf;
        } else {
          h_ << "<td>&ndash;</td>";
        }
      }
      h_ << "</tr>\n";
    }
    h_ << "</table>\n<p class=\"note\">Wall time of each stage as the run recorded it (its steps per pair, threads "
          "and machine load: see the run's command). Paper: 6.3 s per image/text pair (400 LCA steps, OpenPV on a "
          "GTX 1080).</p>\n";
  }

  void concept_table() {
    h_ << "<h2 id=\"concept-neurons\">Concept neurons</h2>\n<p class=\"note\">Per class, the one joint neuron "
          "whose weaker modality separates the class best, and for comparison the best neuron from each "
          "modality alone.</p>\n<table><tr><th>class</th><th>neuron</th><th>vision only</th><th>text only</th>"
          "<th>threshold (vision / text)</th><th>best vision-only neuron</th><th>best text-only neuron</th>";
    if (base_) h_ << "<th>no feedback: neuron, weaker</th>";
    h_ << "</tr>\n";
    for (long c = 0; c < long(s_.number("concept.classes")); ++c) {
      const std::string k = "concept.class." + std::to_string(c) + ".";
      if (!s_.get(k + "neuron")) continue;
      h_ << "<tr><td>" << c << " " << class_name(int(c)) << "</td><td>N-" << integer(s_.number(k + "neuron"))
         << "</td><td>" << fixed3(s_.number(k + "vision_ba")) << "</td><td>" << fixed3(s_.number(k + "text_ba"))
         << "</td><td>" << fixed3(s_.number(k + "vision_threshold")) << " / "
         << fixed3(s_.number(k + "text_threshold")) << "</td><td>N-" << integer(s_.number(k + "best_vision_neuron"))
         << " (" << fixed3(s_.number(k + "best_vision_ba")) << ")</td><td>N-"
         << integer(s_.number(k + "best_text_neuron")) << " (" << fixed3(s_.number(k + "best_text_ba"))
         << ")</td>";
      if (base_)
        h_ << "<td>N-" << integer(base_->number(k + "neuron")) << ", "
           << fixed3(std::fmin(base_->number(k + "vision_ba"), base_->number(k + "text_ba"))) << "</td>";
      h_ << "</tr>\n";
    }
    h_ << "</table>\n";
  }

  void activation_plots() {
    h_ << "<h2 id=\"activation\">Best neuron per class over the test set</h2>\n<p class=\"note\">As the paper's "
          "Figure 7 (neuron 326): the activation of each class's neuron on every test input, given vision only "
          "(left) and text only (right); inputs grouped by class, the neuron's class drawn larger, the fitted "
          "threshold dashed.</p>\n";
    for (long c = 0; c < long(s_.number("concept.classes")); ++c) {
      const std::string id = "activation." + std::to_string(c);
      if (!s_.get("figure." + id + ".vision")) continue;
      h_ << "<div class=\"row\">";
      for (const char* mode : {".vision", ".text"}) image(s_.get("figure." + id + mode).value());
      h_ << "</div>\n";
    }
  }

  void generation() {
    h_ << "<h2 id=\"generated-text\">Text generated from vision alone</h2>\n";
    if (auto st = s_.get("generation.status")) {
      h_ << "<p class=\"note\">" << html_escape(*st) << "</p>\n";
      return;
    }
    h_ << "<p class=\"note\">Each digit given without its name; the joint code's reconstruction down the text "
          "stream (TextRecon) is legible when it correlates best with a clean rendering of its own class name ("
       << html_escape(s_.get("generation.references").value_or("text_clean.pvp")) << "). "
       << integer(s_.number("generation.legible")) << " of " << integer(s_.number("generation.inputs"))
       << " legible (" << percent(s_.number("generation.legible_share")) << "), "
       << integer(s_.number("generation.unmatched"))
       << " matching no name (no positive correlation with any rendering, e.g. blank). For scale: the text "
          "reconstructed with both inputs given scores "
       << percent(s_.number("generation.legible_share_with_text"));
    if (s_.get("generation.legible_share_of_inputs"))
      h_ << ", the text inputs themselves " << percent(s_.number("generation.legible_share_of_inputs"));
    h_ << ". Green frame: legible; red: not.</p>\n<table><tr><th>class</th>";
    for (long c = 0; c < long(s_.number("concept.classes")); ++c) h_ << "<th>" << c << "</th>";
    h_ << "</tr><tr><td>legible</td>";
    for (long c = 0; c < long(s_.number("concept.classes")); ++c)
      h_ << "<td>" << percent(s_.number("generation.class." + std::to_string(c) + ".legible_share")) << "</td>";
    h_ << "</tr></table>\n<div class=\"row\">";
    if (auto f = s_.get("figure.generated_text"))
      image(*f, "the first test inputs of each class and the text generated from each");
    if (auto f = s_.get("figure.clean_text")) image(*f, "the clean renderings the generated text is compared with");
    h_ << "</div>\n";
  }

  void classification() {
    h_ << "<h2 id=\"classification\">Linear classification of joint codes</h2>\n<p class=\"note\">"
       << html_escape(s_.get("classification.split").value_or(s_.get("classification.status").value_or("")))
       << ". Logistic regression (liblinear, C = 1, max-abs scaling).</p>\n<table><tr><th>codes</th><th>this run"
          "</th>"
       << (base_ ? "<th>no feedback</th>" : "") << "</tr>\n";
    for (auto [key, label] : {std::pair{"both", "both inputs"}, {"vision", "vision only"}, {"text", "text only"},
                              {"vision_to_text", "train vision only, test text only"},
                              {"text_to_vision", "train text only, test vision only"}}) {
      const std::string k = std::string("classification.") + key;
      if (!s_.get(k)) continue;
      h_ << "<tr><td>" << label << "</td><td>" << percent(s_.number(k)) << "</td>";
      if (base_) h_ << "<td>" << percent(base_->number(k)) << "</td>";
      h_ << "</tr>\n";
    }
    h_ << "</table>\n";
  }

  void flip() {
    h_ << "<h2 id=\"flip\">Feedback flip</h2>\n";
    if (auto st = s_.get("flip.status")) {
      h_ << "<p class=\"note\">" << html_escape(*st) << "</p>\n";
      return;
    }
    h_ << "<p class=\"note\">An ambiguous digit alone (before), then with the contradicting name added (after): "
          "Euclidean distance of the code to the centroid of the digit's class and of the text's class "
          "(centroids of the test codes with both inputs). Flipped: nearer the digit's class before, nearer the "
          "text's after. Joint layer: "
       << percent(s_.number("flip.joint.flipped_share")) << " flipped; first vision layer: "
       << percent(s_.number("flip.vision1.flipped_share")) << " flipped ("
       << percent(s_.number("flip.vision1.moved_to_text_share"))
       << " moved towards the text's class).</p>\n<table><tr><th rowspan=\"2\">case</th>"
          "<th rowspan=\"2\">digit / text class</th><th colspan=\"3\">joint: distance to (digit, text) class</th>"
          "<th colspan=\"3\">first vision layer: distance to (digit, text) class</th></tr>\n<tr><th>before</th>"
          "<th>after</th><th>flipped</th><th>before</th><th>after</th><th>flipped</th></tr>\n";
    for (long i = 0; i < long(s_.number("flip.cases")); ++i) {
      const std::string k = "flip.case." + std::to_string(i) + ".";
      auto d = [&](const std::string& layer, const char* cls, const char* when) {
        return s_.number(k + layer + "." + cls + "_" + when);
      };
      auto cells = [&](const std::string& layer) {
        if (!std::isfinite(d(layer, "digit", "before"))) return std::string("<td>&ndash;</td><td>&ndash;</td><td></td>");
        const bool flipped = d(layer, "digit", "before") < d(layer, "text", "before") &&
                             d(layer, "text", "after") < d(layer, "digit", "after");
        return "<td>" + fixed3(d(layer, "digit", "before")) + ", " + fixed3(d(layer, "text", "before")) + "</td><td>" +
               fixed3(d(layer, "digit", "after")) + ", " + fixed3(d(layer, "text", "after")) + "</td><td>" +
               (flipped ? "<b>yes</b>" : "no") + "</td>";
      };
      h_ << "<tr><td>" << i << "</td><td>" << integer(s_.number(k + "digit_label")) << " / "
         << integer(s_.number(k + "text_label")) << "</td>" << cells("joint") << cells("vision1") << "</tr>\n";
    }
    h_ << "</table>\n";
  }

  void dictionaries() {
    h_ << "<h2 id=\"dictionaries\">Dictionaries</h2>\n<p class=\"note\">Learned weights onto pixel layers, one tile "
          "per feature (0 is mid grey). Deeper dictionaries are listed by shape.</p>\n<ul>";
    std::vector<std::string> files;
    for (const auto& [k, v] : s_.entries()) {
      if (k.rfind("dictionary.", 0) == 0 && k.size() > 6 && k.substr(k.size() - 6) == ".shape")
        h_ << "<li><code>" << html_escape(k.substr(11, k.size() - 17)) << "</code>: " << html_escape(v) << "</li>";
      if (k.rfind("figure.dictionary.", 0) == 0) files.push_back(v);
    }
    h_ << "</ul>\n";
    if (auto st = s_.get("dictionary.status")) h_ << "<p class=\"note\">" << html_escape(*st) << "</p>\n";
    h_ << "<div class=\"row\">";
    for (const auto& f : files) image(f, f);
    h_ << "</div>\n";
  }

  void definitions() {
    const double min_share = s_.number("multimodal.min_share");
    const std::string responds = min_share > 0 ? "on more than " + percent(min_share) + " of" : "on at least one of";
    h_ << "<h2 id=\"definitions\">Definitions</h2>\n<p class=\"note\">Multimodal neuron (after the paper's "
          "&ldquo;neurons [that] activate for both visual and text input&rdquo;): a joint neuron active (non-zero) "
       << responds << " the test inputs given as vision only and " << responds
       << " those given as text only; the share is of all joint neurons (" << integer(s_.number("multimodal.neurons"))
       << " of " << integer(s_.number("joint.neurons")) << "; " << integer(s_.number("multimodal.vision_responsive"))
       << " respond to vision, " << integer(s_.number("multimodal.text_responsive")) << " to text, "
       << integer(s_.number("multimodal.silent"))
       << " to neither). Same preferred class: a neuron's preferred class in a modality is the one with the highest "
          "mean activation over that modality's test inputs (strictly above every other class); the share of all "
          "joint neurons whose preferred class is the same from vision alone and from text alone, a measure of "
          "modality invariance (chance: about one in the number of classes). Joint layer active: share of "
          "(input, neuron) pairs with non-zero activity. Concept neuron: "
          "per class, the neuron maximising the smaller of its two balanced accuracies (vision only, text only), "
          "each with its own threshold fitted on the test inputs.</p>\n";
  }

  void image(const std::string& file, const std::string& caption = {}) {
    h_ << "<figure><img alt=\"" << html_escape(file) << "\" src=\"" << png_data_uri(o_.analysis_dir / file)
       << "\">";
    if (!caption.empty()) h_ << "<figcaption>" << html_escape(caption) << "</figcaption>";
    h_ << "</figure>";
  }

  void section_figures(const std::string& id, const std::string& title, const std::string& note,
                       std::initializer_list<std::pair<const char*, const char*>> figures) {
    h_ << "<h2 id=\"" << id << "\">" << title << "</h2>\n<p class=\"note\">" << note << "</p>\n";
    if (auto st = s_.get("triggered_average.status")) h_ << "<p class=\"note\">" << html_escape(*st) << "</p>\n";
    h_ << "<div class=\"row\">";
    for (const auto& [f, caption] : figures)
      if (auto file = s_.get(std::string("figure.") + f)) image(*file, caption);
    h_ << "</div>\n";
  }

  const DscReportOptions& o_;
  KeyValueSummary s_;
  std::optional<KeyValueSummary> base_;
  std::ostringstream h_;
};

}  // namespace

std::string dsc_report_html(const DscReportOptions& options) { return Page(options).build(); }

void write_dsc_report(const DscReportOptions& options, const fs::path& path) {
  const std::string html = dsc_report_html(options);
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw IoError(tmp.string(), "cannot create the report");
    out << html;
    if (!out) throw IoError(tmp.string(), "cannot write the report");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw IoError(path.string(), "cannot rename the report into place: " + ec.message());
}

}  // namespace spv
