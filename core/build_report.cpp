#include "core/build_report.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/column.hpp"
#include "core/objects_by_name.hpp"

namespace spv {

namespace {

// Rows of (name, type, details) with the first two columns aligned.
std::string table(const std::string& title, const std::vector<std::vector<std::string>>& rows) {
  std::size_t w0 = 0, w1 = 0;
  for (const auto& r : rows) {
    w0 = std::max(w0, r[0].size());
    w1 = std::max(w1, r[1].size());
  }
  std::string out = title + " (" + std::to_string(rows.size()) + "):\n";
  for (const auto& r : rows)
    out += "  " + r[0] + std::string(w0 - r[0].size() + 2, ' ') + r[1] + std::string(w1 - r[1].size() + 2, ' ') + r[2] +
           "\n";
  return out;
}

std::string mib(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f MiB", double(bytes) / (1024.0 * 1024.0));
  return text;
}

}  // namespace

MemoryEstimate estimate_memory(const Column& column) {
  MemoryEstimate m;
  for (const Layer* l : objects_by_name<Layer>(column)) m.layer_bytes += l->buffer_bytes();
  for (const Connection* c : objects_by_name<Connection>(column))
    if (const auto w = c->weight_shape(); w && w->owned) m.weight_bytes += std::size_t(w->count) * sizeof(float);
  return m;
}

std::string build_report(const Column& column) {
  const RunContext& ctx = column.context();
  std::vector<std::vector<std::string>> rows;
  for (const Layer* l : objects_by_name<Layer>(column)) {
    const LayerGeometry& g = l->geometry();
    rows.push_back({l->name(), l->type(),
                    std::to_string(g.nx_global) + " x " + std::to_string(g.ny_global) + " x " + std::to_string(g.nf) +
                        ", batch " + std::to_string(g.nbatch_global)});
  }
  std::string out = table("layers (nx x ny x nf, batch)", rows);
  rows.clear();
  for (const Connection* c : objects_by_name<Connection>(column)) {
    std::string details = c->pre().name() + " -> " + c->post().name();
    if (const auto w = c->weight_shape())
      details += ", patch " + std::to_string(w->nxp) + " x " + std::to_string(w->nyp) + " x " + std::to_string(w->nfp) +
                 ", " + std::to_string(w->count) + " weights" + (w->owned ? "" : " (shared with its original)");
    else
      details += ", one to one, no weights";
    rows.push_back({c->name(), c->type(), details});
  }
  out += table("connections (pre -> post, patch nxp x nyp x nfp, weights)", rows);
  rows.clear();
  for (const Probe* p : objects_by_name<Probe>(column)) {
    std::string files;
    for (const OutputFile& f : p->output_files(ctx)) files += (files.empty() ? "" : ", ") + f.name;
    const std::string target = p->target_description();
    rows.push_back({p->name(), p->type(), (target.empty() ? "-" : target) + "; " + (files.empty() ? "no file" : files)});
  }
  out += table("probes (target; output files)", rows);
  const OutputPlan plan = column.output_plan();
  out += "output directory: " + plan.output_dir.string() + " (" + std::to_string(plan.files.size()) +
         " files when run; this dry run wrote none)\n";
  const MemoryEstimate m = estimate_memory(column);
  out += "memory: " + mib(m.total()) + " (" + std::to_string(m.total()) + " bytes: layer buffers " +
         std::to_string(m.layer_bytes) + ", weights " + std::to_string(m.weight_bytes) + ")";
  if (ctx.comm->size() > 1) out += " on rank 0 (its tiles and batch slice; weights are whole on every rank)";
  out += "\n";
  // The migration summary: what of an OpenPV file this run ignores (each key warned once above, with why).
  const std::vector<ParamNotice>& ignored = column.no_effect_keys();
  if (!ignored.empty()) {
    std::string keys;
    for (const ParamNotice& n : ignored) keys += (keys.empty() ? "" : ", ") + n.key;
    out += "ignored: " + std::to_string(ignored.size()) + " OpenPV key" + (ignored.size() > 1 ? "s" : "") +
           " without effect in sparsepv (each warned above, with why): " + keys + "\n";
  }
  const std::vector<ParamNotice>& renamed = column.successor_notices();
  if (!renamed.empty()) {
    std::string groups;
    for (const ParamNotice& n : renamed) groups += (groups.empty() ? "" : ", ") + n.group;
    out += "read as successors: " + std::to_string(renamed.size()) + " group" + (renamed.size() > 1 ? "s" : "") +
           " of types OpenPV removed (each warned above): " + groups + "\n";
  }
  const std::vector<std::string>& missing = column.missing_files();
  if (!missing.empty()) {
    out += "not found: " + std::to_string(missing.size()) + " file" + (missing.size() > 1 ? "s" : "") +
           " the run will read (checked without them here; a real run needs them):\n";
    for (const std::string& m : missing) out += "  " + m + "\n";
  }
  const std::vector<ParamNotice>& placed = column.placed_on_cpu();
  if (!placed.empty()) {
    std::string groups;
    for (const ParamNotice& n : placed) groups += (groups.empty() ? "" : ", ") + n.group + " (" + n.key + ")";
    out += "on the CPU: " + std::to_string(placed.size()) + " GPU request" + (placed.size() > 1 ? "s" : "") +
           " without -d: " + groups + "\n";
  }
  return out;
}

}  // namespace spv
