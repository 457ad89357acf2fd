// Checkpoint reads under MPI go through the root: only the root looks at the checkpoint's file system; the other
// ranks get its files broadcast into a private temporary copy, so ranks need not share a file system for reading.
// Every function here is collective (every rank calls it) and a failure on the root reaches all ranks as one
// agreed error (Communicator::collective_try). With no communicator, or one process, they touch the files directly.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/checkpoint/checkpoint_store.hpp"

namespace spv {

class Communicator;

// A checkpoint directory as this rank reads it: on the root the directory itself, on the others a temporary copy of
// its files (removed again when this goes).
class StagedCheckpoint {
 public:
  StagedCheckpoint(const std::filesystem::path& dir, Communicator* comm);
  ~StagedCheckpoint();
  StagedCheckpoint(const StagedCheckpoint&) = delete;
  StagedCheckpoint& operator=(const StagedCheckpoint&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  bool copy_ = false;
};

// checkpoint_origin on the root, its answer on every rank.
CheckpointOrigin checkpoint_origin(const std::filesystem::path& dir, Communicator* comm);
// verify_checkpoint_directory on the root.
void verify_checkpoint_directory(const std::filesystem::path& dir, Communicator* comm);
// newest_complete_checkpoint on the root; `skipped` is filled on the root only.
std::filesystem::path newest_complete_checkpoint(const std::filesystem::path& parent, Communicator* comm,
                                                 std::vector<std::string>* skipped = nullptr);
// read_checkpoint_file on the root, its bytes on every rank.
std::vector<unsigned char> read_checkpoint_file(const std::filesystem::path& path, Communicator* comm);

}  // namespace spv
