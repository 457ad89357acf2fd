#include "lua/source_lines.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace spv {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Length of a long bracket opener `[[`, `[=[`, ... at pos (its level in *level), or 0 when there is none.
std::size_t long_bracket(const std::string& s, std::size_t pos, std::size_t* level) {
  if (pos >= s.size() || s[pos] != '[') return 0;
  std::size_t i = pos + 1;
  while (i < s.size() && s[i] == '=') ++i;
  if (i >= s.size() || s[i] != '[') return 0;
  *level = i - pos - 1;
  return i - pos + 1;
}

// Position just past the closing `]=*]` of the given level, or the end of s.
std::size_t long_bracket_end(const std::string& s, std::size_t pos, std::size_t level) {
  std::string close(level + 2, '=');
  close.front() = ']';
  close.back() = ']';
  std::size_t at = s.find(close, pos);
  return at == std::string::npos ? s.size() : at + close.size();
}

}  // namespace

SourceLines::SourceLines(std::string text) : code_(std::move(text)), string_mask_(code_.size(), false) {
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (code_[i] != '\n') code_[i] = ' ';
    }
  };
  std::size_t i = 0;
  while (i < code_.size()) {
    char c = code_[i];
    std::size_t level = 0;
    if (c == '-' && i + 1 < code_.size() && code_[i + 1] == '-') {
      std::size_t open = long_bracket(code_, i + 2, &level);
      std::size_t end = open ? long_bracket_end(code_, i + 2 + open, level) : code_.find('\n', i);
      if (end == std::string::npos) end = code_.size();
      blank(i, end);
      i = end;
    } else if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < code_.size() && code_[j] != c && code_[j] != '\n') j += code_[j] == '\\' ? 2 : 1;
      std::size_t end = std::min(j + 1, code_.size());
      std::fill(string_mask_.begin() + static_cast<std::ptrdiff_t>(i),
                string_mask_.begin() + static_cast<std::ptrdiff_t>(end), true);
      i = end;
    } else if (std::size_t open = long_bracket(code_, i, &level)) {
      std::size_t end = long_bracket_end(code_, i + open, level);
      std::fill(string_mask_.begin() + static_cast<std::ptrdiff_t>(i),
                string_mask_.begin() + static_cast<std::ptrdiff_t>(end), true);
      i = end;
    } else {
      ++i;
    }
  }
  line_starts_.push_back(0);
  for (std::size_t p = 0; p < code_.size(); ++p) {
    if (code_[p] == '\n') line_starts_.push_back(p + 1);
  }
}

int SourceLines::line_at(std::size_t pos) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  return static_cast<int>(it - line_starts_.begin());
}

std::size_t SourceLines::line_start(int line) const {
  if (line <= 1) return 0;
  if (static_cast<std::size_t>(line) > line_starts_.size()) return code_.size();
  return line_starts_[static_cast<std::size_t>(line) - 1];
}

bool SourceLines::word_at(std::size_t pos, const std::string& word) const {
  if (word.empty() || code_.compare(pos, word.size(), word) != 0 || in_string(pos)) return false;
  if (pos > 0 && is_word_char(code_[pos - 1])) return false;
  std::size_t end = pos + word.size();
  return end >= code_.size() || !is_word_char(code_[end]);
}

std::size_t SourceLines::assigned_after(std::size_t pos) const {
  while (pos < code_.size() && std::isspace(static_cast<unsigned char>(code_[pos]))) ++pos;
  if (pos >= code_.size() || code_[pos] != '=' || in_string(pos)) return std::string::npos;
  if (pos + 1 < code_.size() && code_[pos + 1] == '=') return std::string::npos;
  ++pos;
  while (pos < code_.size() && std::isspace(static_cast<unsigned char>(code_[pos]))) ++pos;
  return pos;
}

// True when a string literal starting at pos holds exactly text (no escapes involved).
bool SourceLines::quoted_at(std::size_t pos, const std::string& text) const {
  if (pos >= code_.size() || (code_[pos] != '"' && code_[pos] != '\'') || !in_string(pos)) return false;
  if (pos > 0 && in_string(pos - 1)) return false;
  std::size_t end = pos + 1 + text.size();
  return end < code_.size() && code_.compare(pos + 1, text.size(), text) == 0 && code_[end] == code_[pos];
}

std::vector<SourceLines::Assignment> SourceLines::assignments(const std::string& key, std::size_t begin,
                                                              std::size_t end) const {
  std::vector<Assignment> found;
  end = std::min(end, code_.size());
  for (std::size_t p = code_.find(key, begin); p != std::string::npos && p < end; p = code_.find(key, p + 1)) {
    std::size_t after = std::string::npos;
    if (word_at(p, key)) {
      after = assigned_after(p + key.size());
    } else if (p > 0 && quoted_at(p - 1, key)) {
      // `["key"] = ...`: a bracket before the opening quote and after the closing one.
      std::size_t open = p - 1, close = p + key.size() + 1;
      while (open > 0 && std::isspace(static_cast<unsigned char>(code_[open - 1]))) --open;
      while (close < code_.size() && std::isspace(static_cast<unsigned char>(code_[close]))) ++close;
      if (open > 0 && code_[open - 1] == '[' && !in_string(open - 1) && close < code_.size() && code_[close] == ']') {
        after = assigned_after(close + 1);
      }
    }
    if (after != std::string::npos) found.push_back(Assignment{p, after});
  }
  return found;
}

int SourceLines::call_line(const char* function, const std::string& quoted_name) const {
  for (std::size_t line = 1; line <= line_starts_.size(); ++line) {
    std::size_t begin = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] : code_.size();
    std::string_view text(code_.data() + begin, end - begin);
    std::size_t call = text.find(function);
    if (call == std::string_view::npos || in_string(begin + call)) continue;
    for (std::size_t q = begin + call; q < end; ++q) {
      if (quoted_at(q, quoted_name)) return static_cast<int>(line);
    }
  }
  return 0;
}

int SourceLines::group_line(const std::string& name) const {
  for (const auto& a : assignments(name, 0, code_.size())) {
    if (a.value < code_.size() && code_[a.value] == '{') return line_at(a.target);
  }
  for (const auto& a : assignments("name", 0, code_.size())) {
    if (quoted_at(a.value, name)) return line_at(a.target);
  }
  if (int line = call_line("addGroup", name)) return line;
  // paramSweep(t, "group", "key", ...) makes the group named `"group":key`.
  auto colon = name.rfind(':');
  if (colon != std::string::npos) {
    std::string target = name.substr(0, colon);
    if (target.size() >= 2 && target.front() == '"' && target.back() == '"')
      target = target.substr(1, target.size() - 2);
    if (int line = call_line("Sweep", target)) return line;
  }
  return 0;
}

int SourceLines::key_line(const std::string& key, int from, int to) const {
  std::size_t begin = from > 0 ? line_start(from) : 0;
  std::size_t end = to > 0 ? line_start(to) : code_.size();
  auto found = assignments(key, begin, end);
  return found.empty() ? 0 : line_at(found.front().target);
}

int SourceLines::last_return_line() const {
  int line = 0;
  for (std::size_t p = code_.find("return"); p != std::string::npos; p = code_.find("return", p + 1)) {
    if (word_at(p, "return")) line = line_at(p);
  }
  return line;
}

}  // namespace spv
