#include "layers/file_list.hpp"

#include <cctype>
#include <fstream>

#include "core/errors.hpp"

namespace spv {

namespace {

std::string trimmed(const std::string& line) {
  std::size_t begin = 0, end = line.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(line[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(line[end - 1]))) --end;
  return line.substr(begin, end - begin);
}

bool is_comment(const std::string& entry) { return entry[0] == '#' || entry.rfind("//", 0) == 0; }

}  // namespace

std::vector<ListedFile> read_file_list(const std::string& list_path, const std::string& kind,
                                       const std::string& context) {
  std::ifstream list(list_path);
  if (!list) throw IoError(list_path, "cannot open the " + kind + " list (" + context + ")");
  const std::filesystem::path folder = std::filesystem::path(list_path).parent_path();
  std::vector<ListedFile> files;
  std::string line;
  for (int number = 1; std::getline(list, line); ++number) {
    const std::string entry = trimmed(line);
    if (entry.empty() || is_comment(entry)) continue;
    std::filesystem::path file(entry);
    if (file.is_relative()) {
      const std::filesystem::path beside = folder / file;
      if (std::filesystem::is_regular_file(beside) || !std::filesystem::is_regular_file(file)) file = beside;
    }
    if (!std::filesystem::is_regular_file(file))
      throw IoError(file.string(), "no such " + kind + " file (listed on line " + std::to_string(number) + " of " +
                                       list_path + ", the " + context +
                                       "; looked for beside the list and from the working directory)");
    files.push_back({file, number});
  }
  if (list.bad()) throw IoError(list_path, "cannot read the " + kind + " list (" + context + ")");
  if (files.empty()) throw IoError(list_path, "the " + kind + " list names no " + kind + " files (" + context + ")");
  return files;
}

}  // namespace spv
