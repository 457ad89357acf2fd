#include "core/network_graph.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/column.hpp"
#include "core/objects_by_name.hpp"

namespace spv {

namespace {

// OpenPV's channel names (channelCode): what a reader of its params files knows them by.
std::string channel_name(int code) {
  switch (code) {
    case -1: return "no delivery";
    case 0: return "excitatory";
    case 1: return "inhibitory";
    default: return "channel " + std::to_string(code);
  }
}

std::string dot_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";  // DOT's line break inside a label
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Mermaid labels are quoted strings in which '"' cannot appear; #quot; is its escape.
std::string mermaid_label(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("#quot;") : c == '\n' ? std::string("<br/>") : std::string(1, c);
  return out + "\"";
}

}  // namespace

NetworkGraph network_graph(const Column& column) {
  NetworkGraph g;
  g.title = column.context().params_file.empty() ? "network" : column.context().params_file;
  std::set<std::string> layers;
  for (const Layer* l : objects_by_name<Layer>(column)) {
    const LayerGeometry& s = l->geometry();
    std::string detail =
        std::to_string(s.nx_global) + " x " + std::to_string(s.ny_global) + " x " + std::to_string(s.nf);
    if (!l->common().triggerLayerName.empty()) detail += "\ntriggered by " + l->common().triggerLayerName;
    g.nodes.push_back({GraphNode::Kind::Layer, l->name(), l->type(), detail});
    layers.insert(l->name());
  }
  std::set<std::string> probes;
  for (const Probe* p : objects_by_name<Probe>(column)) {
    g.nodes.push_back({GraphNode::Kind::Probe, p->name(), p->type(), ""});
    probes.insert(p->name());
  }
  for (const Connection* c : objects_by_name<Connection>(column)) {
    std::string label = c->name() + ": " + c->type() + ", " + channel_name(c->channel());
    // A dependent connection (a clone, a transpose) names the connection whose weights it uses.
    for (const std::string& dep : c->dependencies())
      if (!layers.count(dep)) label += ", weights of " + dep;
    g.edges.push_back({GraphEdge::Kind::Connection, c->pre().name(), c->post().name(), label});
  }
  // Relations other than delivery: what a layer follows (its trigger, its original), what a probe reads.
  // A trigger is said in its layer's box rather than drawn: in a network fed by one input, every layer would point
  // at it.
  for (const Layer* l : objects_by_name<Layer>(column))
    for (const std::string& dep : l->dependencies())
      if (layers.count(dep) && dep != l->common().triggerLayerName && dep != l->common().triggerResetLayerName)
        g.edges.push_back({GraphEdge::Kind::Uses, l->name(), dep, ""});
  for (const Probe* p : objects_by_name<Probe>(column)) {
    for (const std::string& dep : p->dependencies())
      if (layers.count(dep) || probes.count(dep)) g.edges.push_back({GraphEdge::Kind::Reads, p->name(), dep, ""});
    if (const std::string energy = p->energy_probe_name(); probes.count(energy))
      g.edges.push_back({GraphEdge::Kind::AddsInto, p->name(), energy, ""});
  }
  return g;
}

std::string to_dot(const NetworkGraph& g) {
  std::string out = "// " + g.title + ": layers (boxes), connections (solid), probes (notes, dashed)\n";
  out +=
      "digraph network {\n  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const GraphNode& n : g.nodes)
    if (n.kind == GraphNode::Kind::Layer)
      out += "  " + dot_quoted(n.name) + " [shape=box, style=\"rounded,filled\", fillcolor=\"#dde8f6\", label=" +
             dot_quoted(n.name + "\n" + n.type + "\n" + n.detail) + "];\n";
  // The probes kept together beside the layers, so that the data flow reads top to bottom.
  out += "  subgraph cluster_probes {\n    label=\"probes\"; style=dashed; color=gray60; fontname=\"Helvetica\";\n";
  for (const GraphNode& n : g.nodes)
    if (n.kind == GraphNode::Kind::Probe)
      out += "    " + dot_quoted(n.name) +
             " [shape=note, style=dashed, fontsize=9, label=" + dot_quoted(n.name + "\n" + n.type) + "];\n";
  out += "  }\n";
  for (const GraphEdge& e : g.edges) {
    out += "  " + dot_quoted(e.from) + " -> " + dot_quoted(e.to);
    switch (e.kind) {
      case GraphEdge::Kind::Connection: out += " [label=" + dot_quoted(e.label) + "]"; break;
      case GraphEdge::Kind::Reads:
        out += " [style=dotted, color=gray40, arrowhead=open, constraint=false, label=\"reads\"]";
        break;
      case GraphEdge::Kind::AddsInto: out += " [style=dotted, color=gray40, label=\"adds into\"]"; break;
      case GraphEdge::Kind::Uses: out += " [style=dashed, color=gray40, label=\"uses\"]"; break;
    }
    out += ";\n";
  }
  return out + "}\n";
}

std::string to_mermaid(const NetworkGraph& g) {
  // Mermaid ids must be plain words: n0, n1, ... in node order; the names are the labels.
  std::map<std::string, std::string> id;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) id[g.nodes[i].name] = "n" + std::to_string(i);
  std::string out = "%% " + g.title + ": layers (boxes), connections (solid), probes (dashed)\nflowchart TB\n";
  for (const GraphNode& n : g.nodes) {
    if (n.kind == GraphNode::Kind::Layer)
      out += "  " + id[n.name] + "[" + mermaid_label(n.name + "<br/>" + n.type + "<br/>" + n.detail) + "]\n";
    else
      out += "  " + id[n.name] + ">" + mermaid_label(n.name + "<br/>" + n.type) + "]\n";
  }
  for (const GraphEdge& e : g.edges) {
    const std::string& a = id[e.from];
    const std::string& b = id[e.to];
    switch (e.kind) {
      case GraphEdge::Kind::Connection: out += "  " + a + " -->|" + mermaid_label(e.label) + "| " + b + "\n"; break;
      case GraphEdge::Kind::Reads: out += "  " + a + " -.->|reads| " + b + "\n"; break;
      case GraphEdge::Kind::AddsInto: out += "  " + a + " -.->|adds into| " + b + "\n"; break;
      case GraphEdge::Kind::Uses: out += "  " + a + " -.->|uses| " + b + "\n"; break;
    }
  }
  return out;
}

}  // namespace spv
