#include "core/params_reference.hpp"

#include <cctype>

#include "core/column_params.hpp"
#include "core/registry.hpp"

namespace spv {

namespace {

// Markdown table cells: a '|' would end the cell, a newline the row.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string code(const std::string& text) { return text.empty() ? "" : "`" + cell(text) + "`"; }

std::string type_section(const ParamSchema& schema) {
  std::string out = "### " + schema.type_name() + "\n\n";
  if (!schema.doc().empty()) out += schema.doc() + "\n\n";
  out += "| key | kind | default | allowed values | meaning |\n|---|---|---|---|---|\n";
  for (const KeyReference& k : schema.reference()) {
    std::string allowed;
    for (const std::string& a : k.allowed) allowed += (allowed.empty() ? "" : ", ") + code(a);
    std::string meaning = cell(k.doc);
    if (!k.aliases.empty()) {
      meaning += std::string(meaning.empty() ? "" : " ") + "(legacy name" + (k.aliases.size() > 1 ? "s" : "") + ":";
      for (const std::string& a : k.aliases) meaning += " " + code(a);
      meaning += ")";
    }
    out +=
        "| " + code(k.key) + " | " + k.kind + " | " + code(k.default_text) + " | " + allowed + " | " + meaning + " |\n";
  }
  return out + "\n";
}

const char* kind_title(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::Layer: return "Layers";
    case ObjectKind::Connection: return "Connections";
    case ObjectKind::Probe: return "Probes";
  }
  return "";
}

}  // namespace

std::string purpose_line(const std::string& doc) {
  // A sentence ends at ". " (equations hold dots only inside numbers, never followed by a space).
  const auto end = doc.find(". ");
  std::string line = end == std::string::npos ? doc : doc.substr(0, end + 1);
  const auto newline = line.find('\n');
  return newline == std::string::npos ? line : line.substr(0, newline);
}

std::string params_reference_markdown(const Registry& registry) {
  std::string out =
      "# Parameter reference\n\n"
      "Every group type sparsepv knows and every key it reads, generated from the declarations in the code (the same\n"
      "text as `sparsepv --describe TYPE`). Regenerate this file with `scripts/update-params-doc.sh`; a test fails\n"
      "when it is out of date. Kinds: number, integer, bool, string, array; a default of `NULL` is OpenPV's empty\n"
      "string, `required` means the key must be given.\n\n";
  const ObjectKind kinds[] = {ObjectKind::Layer, ObjectKind::Connection, ObjectKind::Probe};
  out += "## Index\n\n| type | kind | purpose |\n|---|---|---|\n";
  out += "| [HyPerCol](#hypercol) | column | " + cell(purpose_line(column_schema().doc())) + " |\n";
  for (ObjectKind kind : kinds)
    for (const std::string& name : registry.names()) {
      const TypeInfo* info = registry.find(name);
      if (info->kind != kind) continue;
      std::string anchor = name;
      for (char& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string k = kind_title(kind);
      k[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(k[0])));
      k.pop_back();
      out += "| [" + name + "](#" + anchor + ") | " + k + " | " + cell(purpose_line(info->schema->doc())) + " |\n";
    }
  out += "\n## The column\n\n" + type_section(column_schema());
  for (ObjectKind kind : kinds) {
    out += std::string("## ") + kind_title(kind) + "\n\n";
    for (const std::string& name : registry.names())
      if (const TypeInfo* info = registry.find(name); info->kind == kind) out += type_section(*info->schema);
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace spv
