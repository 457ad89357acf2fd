#include "probes/probe_output.hpp"

#include <cstdarg>
#include <cstdio>

#include "core/errors.hpp"
#include "core/io/output_directory.hpp"

namespace spv {

std::string batch_element_file_name(const std::string& probe_output_file, int batch) {
  const std::filesystem::path p(probe_output_file);
  const std::string name = p.stem().string() + "_batchElement_" + std::to_string(batch) + p.extension().string();
  return (p.parent_path() / name).string();
}

std::string format_text(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  const int n = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string text(n > 0 ? std::size_t(n) : 0, '\0');
  if (n > 0) std::vsnprintf(text.data(), text.size() + 1, format, again);
  va_end(again);
  return text;
}

ProbeOutput::~ProbeOutput() {
  for (auto& f : files_) f->stream.close();
}

void ProbeOutput::open(OutputDirectory& dir, const std::string& probe_output_file, const std::vector<int>& batches,
                       const std::string& header) {
  dir_ = &dir;
  for (int b : batches) {
    auto file = std::make_unique<File>();
    file->batch = b;
    file->relative = batch_element_file_name(probe_output_file, b);
    file->path = dir.stage(file->relative);
    file->stream.open(file->path, std::ios::binary | std::ios::trunc);
    if (!file->stream) throw IoError(file->path.string(), "cannot open the probe output file");
    if (!header.empty()) file->stream << header << '\n';
    files_.push_back(std::move(file));
  }
  line_.resize(256);
}

void ProbeOutput::write(int batch, const std::string& text) { write(batch, text.data(), text.size()); }

void ProbeOutput::write(int batch, const char* text, std::size_t length) {
  for (auto& f : files_)
    if (f->batch == batch) f->stream.write(text, std::streamsize(length));
}

void ProbeOutput::print(int batch, const char* format, ...) {
  if (files_.empty()) return;
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  int n = std::vsnprintf(line_.data(), line_.size(), format, args);
  va_end(args);
  if (n >= 0 && std::size_t(n) >= line_.size()) {
    line_.resize(std::size_t(n) + 1);
    n = std::vsnprintf(line_.data(), line_.size(), format, again);
  }
  va_end(again);
  if (n > 0) write(batch, line_.data(), std::size_t(n));
}

std::vector<std::int64_t> ProbeOutput::positions() {
  std::vector<std::int64_t> out;
  for (auto& f : files_) {
    f->stream.flush();
    if (!f->stream) throw IoError(f->path.string(), "cannot write the probe output file");
    out.push_back(std::int64_t(f->stream.tellp()));
  }
  return out;
}

void ProbeOutput::resume(const std::vector<std::int64_t>& positions) {
  if (positions.size() != files_.size())
    throw IoError(files_.empty() ? std::string("probe output") : files_.front()->path.string(),
                  "the checkpoint records " + std::to_string(positions.size()) + " probe files, this run opens " +
                      std::to_string(files_.size()));
  for (std::size_t i = 0; i < files_.size(); ++i) {
    File& f = *files_[i];
    f.stream.close();
    f.path = dir_->resume(f.relative, std::uint64_t(positions[i]));
    f.stream.open(f.path, std::ios::binary | std::ios::app);
    if (!f.stream) throw IoError(f.path.string(), "cannot reopen the probe output file to continue it");
  }
}

void ProbeOutput::close() {
  std::vector<std::unique_ptr<File>> files = std::move(files_);
  files_.clear();
  for (auto& f : files) {
    f->stream.flush();
    const bool ok = bool(f->stream);
    f->stream.close();
    if (!ok) throw IoError(f->path.string(), "cannot write the probe output file");
  }
}

}  // namespace spv
