// Finds the lines where a Lua params file wrote its groups and keys: Lua keeps no positions for table fields, so
// they are recovered from the source text (comments ignored, string contents never mistaken for code).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace spv {

class SourceLines {
 public:
  explicit SourceLines(std::string text);

  // Line of `name = {`, `["name"] = {`, a `name = "name"` field, or an addGroup/sweep call naming it; 0 if none.
  int group_line(const std::string& name) const;
  // First line in [from, to) (to = 0: to the end) that assigns `key = ` or `["key"] = `; 0 if none.
  int key_line(const std::string& key, int from, int to) const;
  // Line of the last `return` in the file; 0 if none.
  int last_return_line() const;

 private:
  int line_at(std::size_t pos) const;
  std::size_t line_start(int line) const;
  bool in_string(std::size_t pos) const { return pos < string_mask_.size() && string_mask_[pos]; }
  bool word_at(std::size_t pos, const std::string& word) const;
  // Position just after `=` (and following spaces) when an assignment's target ends at pos; npos otherwise.
  std::size_t assigned_after(std::size_t pos) const;
  struct Assignment {
    std::size_t target;  // where the key is written
    std::size_t value;   // where its value starts
  };
  // Every assignment to key (plain or bracketed) whose key lies in [begin, end), in order.
  std::vector<Assignment> assignments(const std::string& key, std::size_t begin, std::size_t end) const;
  bool quoted_at(std::size_t pos, const std::string& text) const;
  int call_line(const char* function, const std::string& quoted_name) const;

  std::string code_;               // the text with comments blanked out
  std::vector<bool> string_mask_;  // true inside string literals (quotes included)
  std::vector<std::size_t> line_starts_;
};

}  // namespace spv
