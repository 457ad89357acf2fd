#include "core/checkpoint/time_info.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

#include "core/errors.hpp"

namespace spv {

namespace {

std::string decimal(double t) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, t, std::chars_format::general, 17);
  return std::string(buffer, end);
}

// As printf's %a writes it: "0x1.8p+3", "-0x1p-2", "0x0p+0".
std::string hexadecimal(double t) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(t), std::chars_format::hex);
  return std::string(std::signbit(t) ? "-0x" : "0x") + std::string(buffer, end);
}

// The value after "key = " on line `line` of `text`, which must be exactly that line.
std::string field(const std::string& text, std::size_t& at, const char* key, const std::string& file) {
  const std::string prefix = std::string(key) + " = ";
  const std::size_t end = text.find('\n', at);
  if (text.compare(at, prefix.size(), prefix) != 0 || end == std::string::npos)
    throw IoError(file, std::string("malformed timeinfo: expected a line \"") + key + " = ...\"");
  std::string value = text.substr(at + prefix.size(), end - at - prefix.size());
  at = end + 1;
  return value;
}

}  // namespace

std::string format_time_info(const TimeInfo& info) {
  return "time = " + decimal(info.time) + "\nstep = " + std::to_string(info.step) + "\nexact = " +
         hexadecimal(info.time) + "\n";
}

TimeInfo parse_time_info(const std::string& text, const std::string& file) {
  std::size_t at = 0;
  const std::string time_text = field(text, at, "time", file);
  const std::string step_text = field(text, at, "step", file);
  std::string exact_text = field(text, at, "exact", file);
  if (at != text.size()) throw IoError(file, "malformed timeinfo: text after the exact line");
  TimeInfo info;
  auto [step_end, step_ec] = std::from_chars(step_text.data(), step_text.data() + step_text.size(), info.step);
  if (step_ec != std::errc() || step_end != step_text.data() + step_text.size() || info.step < 0)
    throw IoError(file, "timeinfo: step \"" + step_text + "\" is not a whole number >= 0");
  const bool negative = exact_text.rfind('-', 0) == 0;
  const std::string digits = exact_text.substr(negative ? 1 : 0);
  if (digits.rfind("0x", 0) != 0) throw IoError(file, "timeinfo: exact time \"" + exact_text + "\" is not hexadecimal");
  auto [exact_end, exact_ec] =
      std::from_chars(digits.data() + 2, digits.data() + digits.size(), info.time, std::chars_format::hex);
  if (exact_ec != std::errc() || exact_end != digits.data() + digits.size())
    throw IoError(file, "timeinfo: exact time \"" + exact_text + "\" is not hexadecimal");
  if (negative) info.time = -info.time;
  if (!std::isfinite(info.time) || info.time < 0)
    throw IoError(file, "timeinfo: time " + exact_text + " is not a finite time >= 0");
  if (time_text != decimal(info.time))
    throw IoError(file, "timeinfo: the decimal time " + time_text + " and the exact time " + exact_text +
                            " disagree (the file was edited or damaged)");
  return info;
}

}  // namespace spv
