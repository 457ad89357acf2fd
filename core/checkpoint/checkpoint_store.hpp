// Checkpoint directories on disk: written complete or not at all (NAME.tmp, files fsynced, a manifest of sizes and
// CRC-64s written last, then renamed into place), verified against their manifest before anything is read, found
// (newest complete first) and pruned.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spv {

inline constexpr const char* checkpoint_manifest_name = "manifest";

// Writes a checkpoint at `dir`: `fill(tmp)` writes the files into dir.tmp, then every file is fsynced, the manifest
// written and fsynced, and dir.tmp renamed to dir (an existing dir is replaced only after the new one is complete).
// SPV_CHECKPOINT_SLOW_WRITE_MS (tests only) sleeps that long after each file, to let fault tests kill mid-write.
void write_checkpoint_directory(const std::filesystem::path& dir,
                                const std::function<void(const std::filesystem::path&)>& fill);

// Throws IoError naming the file when `dir` is not a complete checkpoint: no manifest, a malformed or unterminated
// manifest, a listed file missing, of another size (truncated) or with another checksum.
void verify_checkpoint_directory(const std::filesystem::path& dir);

// What a directory named as a checkpoint holds: nothing (missing), an OpenPV checkpoint (no sparsepv manifest, but
// OpenPV's timeinfo.bin), else sparsepv's own (verify_checkpoint_directory says whether it is complete).
enum class CheckpointOrigin { Missing, Sparsepv, OpenPV };
CheckpointOrigin checkpoint_origin(const std::filesystem::path& dir);

// Checkpoint directories "Checkpoint<digits>" in `parent`, newest (highest step) first; ".tmp" ones never.
std::vector<std::filesystem::path> list_checkpoints(const std::filesystem::path& parent);
// The newest checkpoint in `parent` that verifies; incomplete ones are skipped with a note on `skipped`. Throws
// IoError when there is none.
std::filesystem::path newest_complete_checkpoint(const std::filesystem::path& parent,
                                                 std::vector<std::string>* skipped = nullptr);
// The step of a "Checkpoint<digits>" name, or nothing.
std::optional<long> checkpoint_step(const std::filesystem::path& dir);
// Removes all but the newest `keep` checkpoints in `parent`. Leftover .tmp directories are not touched here: a new
// write of the same step discards its own stale .tmp first.
void prune_checkpoints(const std::filesystem::path& parent, int keep);

}  // namespace spv
