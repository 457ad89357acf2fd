// A checkpoint's `timeinfo` entry: the simulation time and step it was written at, in decimal for people and in
// hexadecimal for an exact restart. Parsing is strict, so a damaged or hand-edited file is refused with what is wrong.
#pragma once
#include <string>

namespace spv {

struct TimeInfo {
  double time = 0.0;
  long step = 0;
};

// "time = 8\nstep = 8\nexact = 0x1p+3\n".
std::string format_time_info(const TimeInfo& info);
// The inverse; throws IoError naming `file` unless the text is exactly the three lines, the step a whole number
// >= 0, the exact time finite and >= 0, and the decimal time the exact one (as format_time_info writes it).
TimeInfo parse_time_info(const std::string& text, const std::string& file);

}  // namespace spv
