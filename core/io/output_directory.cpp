#include "core/io/output_directory.hpp"

#include <algorithm>
#include <stdexcept>
#include <system_error>

#include "core/errors.hpp"
#include "core/io/output_safety.hpp"

namespace spv {

namespace fs = std::filesystem;

namespace {

// Creates `dir` and its missing parents; returns the directories it created, outermost first.
std::vector<fs::path> make_directories(const fs::path& dir) {
  std::vector<fs::path> missing;
  for (fs::path p = dir; !p.empty() && !fs::exists(p); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  std::reverse(missing.begin(), missing.end());
  std::vector<fs::path> created;
  for (const fs::path& p : missing) {
    std::error_code ec;
    if (!fs::create_directory(p, ec) && ec) {
      for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ec);
      throw IoError(p.string(), "cannot create the directory: " + ec.message());
    }
    created.push_back(p);
  }
  if (!fs::is_directory(dir)) throw IoError(dir.string(), "exists but is not a directory");
  return created;
}

}  // namespace

OutputDirectory::OutputDirectory(fs::path dir, bool writer) : dir_(std::move(dir)), writer_(writer) {}

OutputDirectory::~OutputDirectory() {
  if (opened_ && !done_) rollback();
}

void OutputDirectory::open() {
  if (!writer_ || opened_) {
    opened_ = true;
    return;
  }
  created_dirs_ = make_directories(dir_);
  created_ = !created_dirs_.empty();
  opened_ = true;
  done_ = false;
}

void OutputDirectory::restrict_to(const std::vector<std::string>& names) {
  restricted_ = true;
  allowed_.clear();
  for (const std::string& n : names) allowed_.insert(normal_output_file(n));
}

fs::path OutputDirectory::stage(const std::string& relative) {
  if (restricted_ && !allowed_.count(normal_output_file(relative)))
    throw std::logic_error("an object writes \"" + relative + "\" into the output directory without declaring it");
  if (std::find(live_.begin(), live_.end(), relative) != live_.end()) return dir_ / relative;
  const fs::path part = dir_ / (relative + ".part");
  if (!writer_) return part;
  if (!opened_) open();
  const auto parents = make_directories(part.parent_path());
  created_dirs_.insert(created_dirs_.end(), parents.begin(), parents.end());
  if (std::find(staged_.begin(), staged_.end(), relative) == staged_.end()) staged_.push_back(relative);
  done_ = false;
  return part;
}

void OutputDirectory::commit() {
  if (!writer_) {
    done_ = true;
    return;
  }
  for (const std::string& relative : staged_) {
    const fs::path part = dir_ / (relative + ".part");
    if (!fs::exists(part)) continue;  // staged but never written: nothing to publish
    std::error_code ec;
    fs::rename(part, dir_ / relative, ec);
    if (ec) throw IoError((dir_ / relative).string(), "cannot move " + part.string() + " into place: " + ec.message());
  }
  staged_.clear();
  created_dirs_.clear();  // committed directories belong to the results now
  done_ = true;
}

void OutputDirectory::commit_live() {
  if (!writer_) return;
  std::vector<std::string> committed;
  for (const std::string& relative : staged_)
    if (fs::exists(dir_ / (relative + ".part"))) committed.push_back(relative);
  commit();
  live_.insert(live_.end(), committed.begin(), committed.end());
}

fs::path OutputDirectory::resume(const std::string& relative, std::uint64_t bytes) {
  const fs::path final_path = dir_ / relative;
  live_.erase(std::remove(live_.begin(), live_.end(), relative), live_.end());
  const fs::path part = stage(relative);
  if (!writer_) return part;
  std::error_code ec;
  const auto size = fs::file_size(final_path, ec);
  if (ec)
    throw IoError(final_path.string(), "the checkpoint continues this output file, but it is missing: " + ec.message());
  if (size < bytes)
    throw IoError(final_path.string(), "holds " + std::to_string(size) + " bytes, fewer than the " +
                                           std::to_string(bytes) + " the checkpoint recorded", std::int64_t(size));
  fs::copy_file(final_path, part, fs::copy_options::overwrite_existing, ec);
  if (ec) throw IoError(part.string(), "cannot copy " + final_path.string() + ": " + ec.message());
  fs::resize_file(part, bytes, ec);
  if (ec) throw IoError(part.string(), "cannot truncate to the checkpoint's position: " + ec.message());
  return part;
}

void OutputDirectory::rollback() noexcept {
  done_ = true;
  if (!writer_) return;
  std::error_code ec;
  for (const std::string& relative : staged_) fs::remove(dir_ / (relative + ".part"), ec);
  staged_.clear();
  // Innermost first; fs::remove refuses a directory that is not empty, which keeps anything else put there.
  for (auto it = created_dirs_.rbegin(); it != created_dirs_.rend(); ++it) fs::remove(*it, ec);
  created_dirs_.clear();
}

}  // namespace spv
