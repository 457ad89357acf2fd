#include "core/checkpoint/checkpoint_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/checkpoint/crc64.hpp"
#include "core/errors.hpp"

namespace spv {

namespace fs = std::filesystem;

namespace {

void fsync_path(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) throw IoError(p.string(), "cannot open to sync it to disk");
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw IoError(p.string(), "cannot sync to disk");
}

int slow_write_ms() {
  const char* v = std::getenv("SPV_CHECKPOINT_SLOW_WRITE_MS");
  return v ? std::atoi(v) : 0;
}

void pause_for_fault_tests(int ms) {
  if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

std::vector<fs::path> regular_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void write_checkpoint_directory(const fs::path& dir, const std::function<void(const fs::path&)>& fill) {
  const fs::path tmp = dir.string() + ".tmp";
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) throw IoError(tmp.string(), "cannot create the checkpoint directory: " + ec.message());
  fill(tmp);
  const int slow = slow_write_ms();
  std::ostringstream manifest;
  manifest << "sparsepv checkpoint manifest 1\n";
  std::size_t count = 0;
  for (const fs::path& f : regular_files(tmp)) {
    if (f.filename() == checkpoint_manifest_name) continue;
    fsync_path(f, false);
    const FileDigest d = digest_file(f);
    manifest << crc_hex(d.crc) << ' ' << d.size << ' ' << f.filename().string() << '\n';
    ++count;
    pause_for_fault_tests(slow);
  }
  manifest << "end " << count << '\n';
  const fs::path mpath = tmp / checkpoint_manifest_name;
  {
    std::ofstream out(mpath, std::ios::binary | std::ios::trunc);
    out << manifest.str();
    if (!out.flush()) throw IoError(mpath.string(), "cannot write the checkpoint manifest");
  }
  fsync_path(mpath, false);
  fsync_path(tmp, true);
  pause_for_fault_tests(slow);
  // A directory cannot be renamed over a non-empty one: move the old one aside first, remove it once replaced.
  const fs::path old = dir.string() + ".old";
  fs::remove_all(old, ec);
  if (fs::exists(dir)) {
    fs::rename(dir, old, ec);
    if (ec) throw IoError(dir.string(), "cannot move the previous checkpoint aside: " + ec.message());
  }
  fs::rename(tmp, dir, ec);
  if (ec) throw IoError(dir.string(), "cannot move " + tmp.string() + " into place: " + ec.message());
  fsync_path(dir.parent_path().empty() ? fs::path(".") : dir.parent_path(), true);
  fs::remove_all(old, ec);
}

void verify_checkpoint_directory(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw IoError(dir.string(), "no such checkpoint directory");
  const fs::path mpath = dir / checkpoint_manifest_name;
  std::ifstream in(mpath, std::ios::binary);
  if (!in)
    throw IoError(mpath.string(), "missing manifest: the checkpoint is incomplete (its writer stopped before the end)");
  std::string line;
  if (!std::getline(in, line) || line != "sparsepv checkpoint manifest 1")
    throw IoError(mpath.string(), "is not a sparsepv checkpoint manifest", 0);
  std::size_t listed = 0;
  bool ended = false;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string crc, name;
    std::uint64_t size = 0;
    if (line.rfind("end ", 0) == 0) {
      fields >> name >> size;
      if (size != listed) throw IoError(mpath.string(), "lists " + std::to_string(listed) + " files but ends with " + line);
      ended = true;
      break;
    }
    if (!(fields >> crc >> size) || !std::getline(fields >> std::ws, name) || name.empty())
      throw IoError(mpath.string(), "malformed line \"" + line + "\"");
    // The writer lists only the directory's own files: any other name (a path, "..") is damage, never followed.
    if (name.find('/') != std::string::npos || name == "." || name == "..")
      throw IoError(mpath.string(), "names \"" + name + "\", which is not a file of the checkpoint directory");
    ++listed;
    const fs::path file = dir / name;
    if (!fs::is_regular_file(file)) throw IoError(file.string(), "listed in the manifest but missing");
    const FileDigest d = digest_file(file);
    if (d.size != size)
      throw IoError(file.string(), "truncated or changed: " + std::to_string(d.size) + " bytes, the manifest says " +
                                       std::to_string(size), std::int64_t(std::min(d.size, size)));
    if (crc_hex(d.crc) != crc)
      throw IoError(file.string(), "checksum mismatch: CRC-64 " + crc_hex(d.crc) + ", the manifest says " + crc);
  }
  if (!ended) throw IoError(mpath.string(), "truncated manifest (no end line)");
}

CheckpointOrigin checkpoint_origin(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return CheckpointOrigin::Missing;
  if (!fs::exists(dir / checkpoint_manifest_name, ec) && fs::is_regular_file(dir / "timeinfo.bin", ec))
    return CheckpointOrigin::OpenPV;
  return CheckpointOrigin::Sparsepv;
}

std::optional<long> checkpoint_step(const fs::path& dir) {
  const std::string name = dir.filename().string();
  const std::string prefix = "Checkpoint";
  if (name.size() <= prefix.size() || name.rfind(prefix, 0) != 0) return std::nullopt;
  const std::string digits = name.substr(prefix.size());
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  return std::stol(digits);
}

std::vector<fs::path> list_checkpoints(const fs::path& parent) {
  std::vector<std::pair<long, fs::path>> found;
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) return {};
  for (const auto& e : fs::directory_iterator(parent))
    if (e.is_directory())
      if (auto step = checkpoint_step(e.path())) found.push_back({*step, e.path()});
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<fs::path> out;
  for (auto& f : found) out.push_back(f.second);
  return out;
}

fs::path newest_complete_checkpoint(const fs::path& parent, std::vector<std::string>* skipped) {
  for (const fs::path& dir : list_checkpoints(parent)) {
    try {
      verify_checkpoint_directory(dir);
      return dir;
    } catch (const IoError& e) {
      if (skipped) skipped->push_back(e.what());
    }
  }
  throw IoError(parent.string(), "no complete checkpoint (CheckpointNNN with a valid manifest) to restart from");
}

void prune_checkpoints(const fs::path& parent, int keep) {
  const auto all = list_checkpoints(parent);
  std::error_code ec;
  // Renamed first, so that a kill during the removal never leaves a partial directory under a checkpoint's name.
  for (std::size_t i = std::size_t(std::max(keep, 0)); i < all.size(); ++i) {
    const fs::path doomed = all[i].string() + ".old";
    fs::remove_all(doomed, ec);
    fs::rename(all[i], doomed, ec);
    if (!ec) fs::remove_all(doomed, ec);
  }
}

}  // namespace spv
