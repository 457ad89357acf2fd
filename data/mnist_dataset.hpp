// Writing a prepared MNIST data set: the split's images, labels and sources, and per image its printed digit and
// its class-block vector, as PVP and/or PNG files with ImageLayer lists.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "data/mnist_json.hpp"
#include "data/stratified_split.hpp"
#include "data/text_renderer.hpp"

namespace spv {

enum class DatasetFormat { Pvp, Png, Both };
// "pvp", "png" or "both"; throws Error otherwise.
DatasetFormat parse_dataset_format(const std::string& word);

struct MnistDatasetOptions {
  std::filesystem::path out_dir;
  int train = 8000, test = 2000;
  std::uint64_t seed = 1;
  DatasetFormat format = DatasetFormat::Pvp;
  int onehot_neurons = 256, onehot_block = 25;
};

// Per class, how many images each set got.
struct MnistDatasetCounts {
  std::vector<int> train, test;
};

// Splits `digits` with stratified_split and writes, for each set S (train, test), in out_dir (created if needed):
//   S_labels.txt   one digit per line, in frame order
//   S_sources.txt  "<digit> <index>" per line: the image's place in the package's digits/<digit>.json
//   S_images.pvp   (pvp, both) dense 28x28x1, one frame per image, time = frame number, values 0..1
//   S/NNNNN.png + S_images.txt  (png, both) 8-bit grey PNGs and their ImageLayer list
//   S_printed.pvp  dense 28x28x1: the printed digit of each image's class (printed_digit())
//   printed/<d>.png + S_printed.txt  (png, both) the ten printed digits and a list naming one per image
//   S_onehot.pvp   dense 1x1x256: class_block_vector(label) per image
// Throws IoError when a file cannot be written, Error when the split is impossible.
MnistDatasetCounts write_mnist_dataset(const MnistDigits& digits, const MnistDatasetOptions& options);

}  // namespace spv
