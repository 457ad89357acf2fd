#include "core/checkpoint/checkpoint_staging.hpp"

#include <unistd.h>

#include <atomic>
#include <exception>
#include <fstream>

#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/checkpoint/checkpoint_store.hpp"
#include "core/comm/communicator.hpp"
#include "core/errors.hpp"

namespace spv {

namespace fs = std::filesystem;

namespace {

bool through_root(Communicator* comm) { return comm && comm->size() > 1; }

// A directory of this process's own, new for each staging (tests stage several checkpoints in one process).
fs::path private_directory(int rank) {
  static std::atomic<int> counter{0};
  return fs::temp_directory_path() / ("sparsepv-checkpoint-" + std::to_string(::getpid()) + "-" +
                                      std::to_string(rank) + "-" + std::to_string(counter++));
}

}  // namespace

StagedCheckpoint::StagedCheckpoint(const fs::path& dir, Communicator* comm) : path_(dir) {
  if (!through_root(comm)) return;
  // The names first, one per line (checkpoint directories are flat), then each file in turn, so that the root never
  // holds more than one file.
  std::string names;
  comm->collective_try([&] {
    if (!comm->is_root()) return;
    if (!fs::is_directory(dir)) throw IoError(dir.string(), "no such checkpoint directory");
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) names += e.path().filename().string() + "\n";
  });
  comm->broadcast(names);
  if (!comm->is_root()) {
    path_ = private_directory(comm->rank());
    copy_ = true;
  }
  // A failure to write the copy is kept until every file has gone by, so that this rank stays in step.
  std::exception_ptr write_failure;
  comm->collective_try([&] {
    if (copy_) fs::create_directories(path_);
  });
  std::size_t begin = 0;
  for (std::size_t end; (end = names.find('\n', begin)) != std::string::npos; begin = end + 1) {
    const std::string name = names.substr(begin, end - begin);
    std::string bytes;
    comm->collective_try([&] {
      if (!comm->is_root()) return;
      const auto b = read_checkpoint_file(dir / name);
      bytes.assign(b.begin(), b.end());
    });
    comm->broadcast(bytes);
    if (!copy_ || write_failure) continue;
    try {
      write_checkpoint_file(path_ / name, bytes.data(), bytes.size());
    } catch (...) {
      write_failure = std::current_exception();
    }
  }
  comm->collective_try([&] {
    if (write_failure) std::rethrow_exception(write_failure);
  });
}

StagedCheckpoint::~StagedCheckpoint() {
  if (!copy_) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

CheckpointOrigin checkpoint_origin(const fs::path& dir, Communicator* comm) {
  if (!through_root(comm)) return checkpoint_origin(dir);
  std::string origin;
  comm->collective_try([&] {
    if (comm->is_root()) origin = std::to_string(int(checkpoint_origin(dir)));
  });
  comm->broadcast(origin);
  return CheckpointOrigin(std::stoi(origin));
}

void verify_checkpoint_directory(const fs::path& dir, Communicator* comm) {
  if (!through_root(comm)) return verify_checkpoint_directory(dir);
  comm->collective_try([&] {
    if (comm->is_root()) verify_checkpoint_directory(dir);
  });
}

fs::path newest_complete_checkpoint(const fs::path& parent, Communicator* comm, std::vector<std::string>* skipped) {
  if (!through_root(comm)) return newest_complete_checkpoint(parent, skipped);
  std::string found;
  comm->collective_try([&] {
    if (comm->is_root()) found = newest_complete_checkpoint(parent, skipped).string();
  });
  comm->broadcast(found);
  return found;
}

std::vector<unsigned char> read_checkpoint_file(const fs::path& path, Communicator* comm) {
  if (!through_root(comm)) return read_checkpoint_file(path);
  std::string bytes;
  comm->collective_try([&] {
    if (!comm->is_root()) return;
    const auto b = read_checkpoint_file(path);
    bytes.assign(b.begin(), b.end());
  });
  comm->broadcast(bytes);
  return {bytes.begin(), bytes.end()};
}

}  // namespace spv
