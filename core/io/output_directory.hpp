// The output directory as a transaction: files are written under temporary names and renamed into place only when
// the run succeeds, so a failed run never damages earlier outputs (and removes a directory it created).
#pragma once
#include <filesystem>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace spv {

class OutputDirectory {
 public:
  // `writer` is false on ranks that write nothing (only the root writes).
  OutputDirectory(std::filesystem::path dir, bool writer);
  ~OutputDirectory();  // rolls back if neither commit() nor rollback() ran

  const std::filesystem::path& dir() const { return dir_; }
  bool writer() const { return writer_; }
  // From now on stage() and resume() accept only these names (relative, compared in normal form): the files the run
  // declared and checked (core/io/output_safety.hpp). Another name is a bug, refused (std::logic_error) unwritten.
  void restrict_to(const std::vector<std::string>& names);
  // Creates the directory if needed (remembering whether this run created it). Call after validation.
  void open();
  // The temporary path to write `relative` into (dir/"<relative>.part", parent subdirectories created); the final
  // name is dir/relative after commit(). Opens the directory if open() has not run. On non-writer ranks it returns
  // the same path but creates and remembers nothing: such a path must never be written.
  std::filesystem::path stage(const std::string& relative);
  // Renames every staged file into place (staged files never written are skipped). Staging may continue afterwards.
  void commit();
  // Commits mid-run (at a checkpoint) so that the checkpoint's file positions refer to committed files: staged files
  // are renamed into place while their writers keep them open, and from then on stage() of such a name returns its
  // final path (the file is live: written in place until the run ends).
  void commit_live();
  // For a restart: stages `relative` as the first `bytes` bytes of its committed file (what a checkpoint recorded)
  // and returns the staged path, which the caller reopens to append. Throws IoError when the committed file is
  // missing or shorter.
  std::filesystem::path resume(const std::string& relative, std::uint64_t bytes);
  // Removes every staged file, and the directories (the output directory included) this run created, if empty.
  void rollback() noexcept;
  // Whether open() created the output directory.
  bool created() const { return created_; }

 private:
  std::filesystem::path dir_;
  bool writer_;
  bool opened_ = false, created_ = false, done_ = false;
  bool restricted_ = false;
  std::set<std::string> allowed_;
  std::vector<std::string> staged_;
  std::vector<std::string> live_;  // committed by commit_live() and still written in place
  std::vector<std::filesystem::path> created_dirs_;  // outermost first, uncommitted
};

}  // namespace spv
