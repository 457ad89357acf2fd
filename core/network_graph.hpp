// The network a column built, as a graph to draw: layers as nodes with their sizes, connections as edges with type
// and channel, probes as notes tied to what they read; written as Graphviz DOT and as Mermaid (sparsepv --graph).
#pragma once
#include <string>
#include <vector>

namespace spv {

class Column;

struct GraphNode {
  enum class Kind { Layer, Probe };
  Kind kind;
  std::string name, type;
  std::string detail;  // a layer's "nx x ny x nf"; empty for probes
};

struct GraphEdge {
  enum class Kind { Connection, Reads, AddsInto, Uses };  // Uses: a layer on another (its original, its mask)
  Kind kind;
  std::string from, to;  // node names
  std::string label;     // a connection's "Name: Type, channel ..."; empty otherwise
};

struct NetworkGraph {
  std::string title;
  std::vector<GraphNode> nodes;  // layers by name, then probes by name
  std::vector<GraphEdge> edges;  // connections by name, then the other relations
};

// Valid after the column is built (passes 1-4).
NetworkGraph network_graph(const Column& column);
std::string to_dot(const NetworkGraph& graph);
std::string to_mermaid(const NetworkGraph& graph);

}  // namespace spv
