#include "data/digit_modalities.hpp"

#include <algorithm>
#include <cstdint>

#include "params/error.hpp"

namespace spv {

namespace {

void check_digit(int digit) {
  if (digit < 0 || digit > 9) throw Error("a digit must be 0..9, not " + std::to_string(digit));
}

}  // namespace

const char* digit_name(int digit) {
  static const char* const names[10] = {"zero", "one", "two", "three", "four",
                                        "five", "six", "seven", "eight", "nine"};
  check_digit(digit);
  return names[digit];
}

TextStyle printed_digit_style() {
  TextStyle style;
  style.face = FontFace::Sans;
  style.fit = TextFit::Ink;
  style.margin = 4;
  return style;
}

Image printed_digit(int digit, const TextStyle& style) {
  check_digit(digit);
  return render_text(std::string(1, char('0' + digit)), style, 28, 28);
}

std::vector<float> class_block_vector(int label, int neurons, int block) {
  if (label < 0 || block <= 0 || std::int64_t(block) * (label + 1) > neurons) {
    throw Error("class block " + std::to_string(label) + " of " + std::to_string(block) + " neurons does not fit in " +
                std::to_string(neurons) + " neurons");
  }
  std::vector<float> v(std::size_t(neurons), 0.0f);
  std::fill_n(v.begin() + std::ptrdiff_t(block) * label, block, 1.0f);
  return v;
}

}  // namespace spv
