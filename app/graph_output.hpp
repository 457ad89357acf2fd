// sparsepv --graph: the built network written into its output directory as network.dot (Graphviz), network.mmd
// (Mermaid) and, when Graphviz's dot is installed, network.png.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace spv {

class Column;

struct GraphFiles {
  std::vector<std::filesystem::path> written;
  std::string note;  // why there is no PNG, if there is none
};

// Throws spv::Error naming the file that could not be written, or dot's failure.
GraphFiles write_network_graph(const Column& column, const std::filesystem::path& directory);

}  // namespace spv
