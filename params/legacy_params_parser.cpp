#include "params/legacy_params_parser.hpp"

#include <cctype>
#include <charconv>
#include <cstring>
#include <limits>
#include <utility>

#include "params/text_file.hpp"

namespace spv {

namespace {

enum class Tok { Word, AtWord, Include, String, Number, Punct, End };

struct Token {
  Tok kind = Tok::End;
  std::string text;  // word, string contents, or the punctuation character
  double number = 0.0;
  int line = 0;
};

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_infinity_word(std::string_view w) { return w == "infinity" || w == "INFINITY" || w == "Infinity"; }

class Lexer {
 public:
  Lexer(const std::string& text, const std::string& path) : text_(text), path_(path) {
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;  // editors on some systems start files with a BOM
  }

  std::vector<Token> run() {
    std::vector<Token> tokens;
    for (;;) {
      skip_space_and_comments();
      Token t;
      t.line = line_;
      if (pos_ >= text_.size()) {
        tokens.push_back(t);
        return tokens;
      }
      char c = text_[pos_];
      if (is_word_start(c)) {
        t.kind = Tok::Word;
        t.text = word();
      } else if (c == '@') {
        ++pos_;
        if (pos_ >= text_.size() || !is_word_start(text_[pos_])) fail("'@' must be followed by a key");
        t.kind = Tok::AtWord;
        t.text = word();
      } else if (c == '#') {
        ++pos_;
        if (!is_word_start(peek()) || word() != "include") fail("'#' must start #include");
        t.kind = Tok::Include;
      } else if (c == '"') {
        t.kind = Tok::String;
        t.text = string_literal();
      } else if (is_digit(c) || c == '.' || c == '-' || c == '+') {
        t.kind = Tok::Number;
        t.number = number();
      } else if (std::strchr("{}[]=;,:", c)) {
        t.kind = Tok::Punct;
        t.text = std::string(1, c);
        ++pos_;
      } else {
        fail(std::string("unexpected character '") + c + "'");
      }
      tokens.push_back(std::move(t));
    }
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw ParamError({path_, line_}, "", "", message); }

  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

  void skip_space_and_comments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') {
        ++line_;
        ++pos_;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (c == '/' && peek(1) == '/') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (c == '/' && peek(1) == '*') {
        int start = line_;
        pos_ += 2;
        while (pos_ < text_.size() && !(text_[pos_] == '*' && peek(1) == '/')) {
          if (text_[pos_] == '\n') ++line_;
          ++pos_;
        }
        if (pos_ >= text_.size()) throw ParamError({path_, start}, "", "", "comment opened with /* is never closed");
        pos_ += 2;
      } else {
        return;
      }
    }
  }

  std::string word() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  std::string string_literal() {
    std::string out;
    ++pos_;
    for (;;) {
      if (pos_ >= text_.size() || text_[pos_] == '\n') fail("string is not closed before the end of the line");
      char c = text_[pos_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = peek();
      ++pos_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        default:
          if (is_digit(e) && is_digit(peek()) && is_digit(peek(1))) {
            int code = (e - '0') * 100 + (peek() - '0') * 10 + (peek(1) - '0');
            if (code > 255) fail("escape \\" + text_.substr(pos_ - 1, 3) + " is not a byte");
            out += static_cast<char>(code);
            pos_ += 2;
          } else {
            fail(std::string("unknown escape \\") + e + " in string");
          }
      }
    }
  }

  double number() {
    std::size_t start = pos_;
    bool negative = text_[pos_] == '-';
    if (text_[pos_] == '-' || text_[pos_] == '+') ++pos_;
    if (is_word_start(peek())) {
      std::string w = word();
      if (is_infinity_word(w)) {
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
      }
      fail("expected a number after '" + text_.substr(start, 1) + "', found \"" + w + "\"");
    }
    std::size_t digits = pos_;
    while (is_digit(peek())) ++pos_;
    if (peek() == '.') {
      ++pos_;
      while (is_digit(peek())) ++pos_;
    }
    bool has_mantissa = pos_ > digits && !(pos_ == digits + 1 && text_[digits] == '.');
    if (has_mantissa && (peek() == 'e' || peek() == 'E')) {
      std::size_t save = pos_;
      ++pos_;
      if (peek() == '-' || peek() == '+') ++pos_;
      if (!is_digit(peek())) pos_ = save;
      while (is_digit(peek())) ++pos_;
    }
    if (!has_mantissa || is_word_char(peek()) || peek() == '.') {
      while (pos_ < text_.size() && (is_word_char(text_[pos_]) || text_[pos_] == '.')) ++pos_;
      fail("malformed number \"" + text_.substr(start, pos_ - start) + "\"");
    }
    double v = 0.0;
    auto [ptr, ec] = std::from_chars(text_.data() + digits, text_.data() + pos_, v);
    if (ec == std::errc::result_out_of_range)
      fail("number \"" + text_.substr(start, pos_ - start) + "\" is out of range");
    if (ec != std::errc() || ptr != text_.data() + pos_)
      fail("malformed number \"" + text_.substr(start, pos_ - start) + "\"");
    return negative ? -v : v;
  }

  const std::string& text_;
  const std::string& path_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

std::string describe(const Token& t) {
  switch (t.kind) {
    case Tok::Word: return "\"" + t.text + "\"";
    case Tok::AtWord: return "\"@" + t.text + "\"";
    case Tok::Include: return "#include";
    case Tok::String: return ParamValue::string(t.text).to_params_text();
    case Tok::Number: return format_number(t.number);
    case Tok::Punct: return "'" + t.text + "'";
    case Tok::End: return "the end of the file";
  }
  return "?";
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string path) : tokens_(std::move(tokens)) { doc_.path = std::move(path); }

  ParamDocument run() {
    while (cur().kind != Tok::End) {
      if (cur().kind != Tok::Word) fail(cur(), "expected a group type or debugParsing, found " + describe(cur()));
      if (next().kind == Tok::Punct && next().text == "=") {
        directive();
      } else {
        group();
      }
    }
    return std::move(doc_);
  }

 private:
  const Token& cur() const { return tokens_[pos_]; }
  const Token& next() const { return tokens_[pos_ + 1 < tokens_.size() ? pos_ + 1 : pos_]; }
  const Token& take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool at(const char* punct) const { return cur().kind == Tok::Punct && cur().text == punct; }

  SourceLocation here(const Token& t) const { return {doc_.path, t.line}; }
  [[noreturn]] void fail(const Token& t, const std::string& message) const {
    throw ParamError(here(t), group_, key_, message);
  }

  void expect(const char* punct, const std::string& after) {
    if (at(punct)) {
      take();
      return;
    }
    // A missing ';' is noticed at the next token, often on the next line; point at the line that lacks it.
    const Token& blame = std::string(punct) == ";" && pos_ > 0 ? tokens_[pos_ - 1] : cur();
    throw ParamError(here(blame), group_, key_,
                     std::string("expected '") + punct + "' " + after + ", found " + describe(cur()));
  }

  void directive() {
    const Token& name = take();
    take();
    key_ = name.text;
    ParamValue v = value();
    expect(";", "after the value");
    if (name.text != "debugParsing") {
      fail(name, "unknown directive (only debugParsing may appear outside a group)");
    }
    if (v.kind() != ParamValue::Kind::Bool && v.kind() != ParamValue::Kind::Number) {
      fail(name, "debugParsing must be true or false");
    }
    key_.clear();
  }

  void group() {
    const Token& type = take();
    ParamGroup g;
    g.type = type.text;
    g.where = here(type);
    if (cur().kind != Tok::String) {
      fail(cur(), "expected the group's name in double quotes after \"" + type.text + "\", found " + describe(cur()));
    }
    g.name = take().text;
    bool sweep = is_sweep_type(g.type);
    if (sweep) {
      expect(":", "between the group name and the key of a " + g.type);
      if (cur().kind != Tok::Word) fail(cur(), "expected the swept key after ':', found " + describe(cur()));
      g.name += ":" + take().text;
    }
    group_ = g.name;
    if (const ParamGroup* earlier = doc_.find(g.name)) {
      fail(type, "a group with this name already exists (at " + earlier->where.str() + ")");
    }
    expect("=", "after the group name");
    expect("{", "to open the group");
    while (!at("}")) {
      if (cur().kind == Tok::End) fail(cur(), "group is not closed: expected '}' before the end of the file");
      if (sweep) {
        sweep_value(g);
      } else {
        entry(g);
      }
    }
    take();
    expect(";", "after the '}' that closes the group");
    doc_.groups.push_back(std::move(g));
    group_.clear();
  }

  void sweep_value(ParamGroup& g) {
    const Token& first = cur();
    ParamValue v = value();
    g.entries.push_back(ParamEntry{std::to_string(g.entries.size() + 1), std::move(v), here(first)});
    expect(";", "after the sweep value");
  }

  void entry(ParamGroup& g) {
    if (cur().kind == Tok::Include) {
      include(g);
      return;
    }
    if (cur().kind != Tok::Word && cur().kind != Tok::AtWord) {
      fail(cur(), "expected a key or '}', found " + describe(cur()));
    }
    const Token& key = take();
    bool overriding = key.kind == Tok::AtWord;
    key_ = key.text;
    expect("=", "after the key");
    ParamValue v = value();
    expect(";", "after the value");
    ParamEntry* existing = nullptr;
    for (auto& e : g.entries) {
      if (e.key == key.text) existing = &e;
    }
    if (overriding) {
      if (!existing) fail(key, "@" + key.text + " overrides nothing: no included or earlier value of this key");
      existing->value = std::move(v);
      existing->where = here(key);
    } else {
      if (existing) {
        fail(key, "key is given twice (first at " + existing->where.str() + "); write @" + key.text +
                      " to override an included value");
      }
      g.entries.push_back(ParamEntry{key.text, std::move(v), here(key)});
    }
    key_.clear();
  }

  // OpenPV's #include "other" copies an earlier group's entries; @key then overrides single values.
  void include(ParamGroup& g) {
    const Token& inc = take();
    if (cur().kind != Tok::String) fail(cur(), "expected a group name in double quotes after #include");
    const Token& name = take();
    expect(";", "after #include \"" + name.text + "\"");
    const ParamGroup* source = doc_.find(name.text);
    if (!source) fail(inc, "#include names \"" + name.text + "\", but no earlier group has that name");
    for (const auto& e : source->entries) {
      if (g.find(e.key)) {
        fail(inc, "#include \"" + name.text + "\" repeats key \"" + e.key + "\"; include first, then override with @");
      }
      g.entries.push_back(e);
    }
  }

  ParamValue value() {
    const Token& t = take();
    switch (t.kind) {
      case Tok::Number: return ParamValue::number(t.number);
      case Tok::String: return ParamValue::string(t.text);
      case Tok::Word:
        if (t.text == "true") return ParamValue::boolean(true);
        if (t.text == "false") return ParamValue::boolean(false);
        if (t.text == "NULL") return ParamValue::nil();
        if (is_infinity_word(t.text)) return ParamValue::number(std::numeric_limits<double>::infinity());
        fail(t, "expected a value, found the word \"" + t.text + "\" (strings need double quotes)");
      case Tok::Punct:
        if (t.text == "[") return array();
        break;
      default: break;
    }
    fail(t, "expected a value, found " + describe(t));
  }

  ParamValue array() {
    std::vector<double> values;
    if (at("]")) {
      take();
      return ParamValue::array(values);
    }
    for (;;) {
      const Token& t = take();
      if (t.kind == Tok::Number) {
        values.push_back(t.number);
      } else if (t.kind == Tok::Word && is_infinity_word(t.text)) {
        values.push_back(std::numeric_limits<double>::infinity());
      } else {
        fail(t, "arrays hold numbers only, found " + describe(t));
      }
      if (at("]")) {
        take();
        return ParamValue::array(std::move(values));
      }
      expect(",", "between array elements");
    }
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  ParamDocument doc_;
  std::string group_, key_;  // what an error is about
};

}  // namespace

ParamDocument parse_params_text(const std::string& text, const std::string& path) {
  return Parser(Lexer(text, path).run(), path).run();
}

ParamDocument read_params_file(const std::string& path) { return parse_params_text(read_params_file_text(path), path); }

}  // namespace spv
