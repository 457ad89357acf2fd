// A probe's text files, one per global batch element, staged in the output directory and written by the root rank.
#pragma once
#include <filesystem>
#include <fstream>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace spv {

class OutputDirectory;

// OpenPV's per-batch file name: "dir/energy.txt", 2 -> "dir/energy_batchElement_2.txt" (the extension is kept).
std::string batch_element_file_name(const std::string& probe_output_file, int batch);

// printf into a std::string (for messages; the per-step probe lines go through ProbeOutput::print).
[[gnu::format(printf, 1, 2)]] std::string format_text(const char* format, ...);

class ProbeOutput {
 public:
  ProbeOutput() = default;
  ~ProbeOutput();
  ProbeOutput(const ProbeOutput&) = delete;
  ProbeOutput& operator=(const ProbeOutput&) = delete;

  // Opens one file per listed global batch element and writes `header` (when not empty) as its first line.
  void open(OutputDirectory& dir, const std::string& probe_output_file, const std::vector<int>& batches,
            const std::string& header);
  bool is_open() const { return !files_.empty(); }
  // Appends text to batch element b's file; nothing when that element has no file.
  void write(int batch, const std::string& text);
  // printf into a line buffer kept between calls, appended like write(): the per-step probe lines allocate nothing
  // once the buffer has grown to the longest line.
  [[gnu::format(printf, 3, 4)]] void print(int batch, const char* format, ...);
  // Flushes every file and returns its size per listed batch element, in open order (what a checkpoint records).
  std::vector<std::int64_t> positions();
  // Restart: each file continues from its committed version cut at `positions` (as positions() returned them).
  void resume(const std::vector<std::int64_t>& positions);
  // Flushes and closes every file; throws IoError when a write failed.
  void close();

 private:
  struct File {
    int batch;
    std::string relative;
    std::filesystem::path path;
    std::ofstream stream;
  };
  void write(int batch, const char* text, std::size_t length);

  std::vector<std::unique_ptr<File>> files_;
  OutputDirectory* dir_ = nullptr;
  std::vector<char> line_;
};

}  // namespace spv
