#include "app/graph_output.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/column.hpp"
#include "core/network_graph.hpp"
#include "params/error.hpp"

extern char** environ;

namespace spv {

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw Error("--graph: cannot write " + path.string());
}

// Runs Graphviz's dot on the DOT file; the answer is empty when the PNG was made, else why not. A missing dot is
// not an error (the DOT and Mermaid files stand on their own); dot failing on our own file is.
std::string run_dot(const std::filesystem::path& dot_file, const std::filesystem::path& png) {
  std::string in = dot_file.string(), out = png.string();
  std::string program = "dot", format = "-Tpng", flag = "-o";
  char* argv[] = {program.data(), format.data(), in.data(), flag.data(), out.data(), nullptr};
  pid_t pid = 0;
  const int status = posix_spawnp(&pid, "dot", nullptr, nullptr, argv, environ);
  if (status == ENOENT) return "no PNG: Graphviz's dot is not installed (Debian package graphviz)";
  if (status != 0) throw Error(std::string("--graph: cannot run Graphviz's dot: ") + std::strerror(status));
  int exit_status = 0;
  while (waitpid(pid, &exit_status, 0) < 0 && errno == EINTR) {
  }
  // posix_spawnp may report a missing program only through the child's exit status 127.
  if (WIFEXITED(exit_status) && WEXITSTATUS(exit_status) == 127)
    return "no PNG: Graphviz's dot is not installed (Debian package graphviz)";
  if (!WIFEXITED(exit_status) || WEXITSTATUS(exit_status) != 0) throw Error("--graph: Graphviz's dot failed on " + in);
  return "";
}

}  // namespace

GraphFiles write_network_graph(const Column& column, const std::filesystem::path& directory) {
  const NetworkGraph graph = network_graph(column);
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) throw Error("--graph: cannot create the output directory " + directory.string() + ": " + ec.message());
  GraphFiles files;
  const auto dot_file = directory / "network.dot", mermaid_file = directory / "network.mmd";
  write_text(dot_file, to_dot(graph));
  files.written.push_back(dot_file);
  write_text(mermaid_file, to_mermaid(graph));
  files.written.push_back(mermaid_file);
  const auto png = directory / "network.png";
  files.note = run_dot(dot_file, png);
  if (files.note.empty()) files.written.push_back(png);
  return files;
}

}  // namespace spv
