#include "data/mnist_dataset.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <system_error>

#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "data/digit_modalities.hpp"

namespace spv {

namespace fs = std::filesystem;

DatasetFormat parse_dataset_format(const std::string& word) {
  if (word == "pvp") return DatasetFormat::Pvp;
  if (word == "png") return DatasetFormat::Png;
  if (word == "both") return DatasetFormat::Both;
  throw Error("unknown format \"" + word + "\" (use pvp, png or both)");
}

namespace {

void write_lines(const fs::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) out << line << '\n';
  out.close();
  if (!out) throw IoError(path.string(), "cannot write the file");
}

void make_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw IoError(dir.string(), "cannot create the folder: " + ec.message());
}

Image grey_image(const std::vector<float>& values, int side) {
  Image image;
  image.width = image.height = side;
  image.channels = 1;
  image.values = values;
  return image;
}

std::string numbered_png(const std::string& folder, std::size_t k, std::size_t count) {
  const std::size_t digits = std::max<std::size_t>(5, std::to_string(count > 0 ? count - 1 : 0).size());
  std::string number = std::to_string(k);
  number.insert(0, digits - std::min(digits, number.size()), '0');
  return folder + "/" + number + ".png";
}

// All files of one set.
void write_set(const std::string& set, const std::vector<SplitItem>& items, const MnistDigits& digits,
               const std::array<Image, 10>& printed, const MnistDatasetOptions& o) {
  const fs::path& out = o.out_dir;
  const bool pvp = o.format != DatasetFormat::Png, png = o.format != DatasetFormat::Pvp;
  std::vector<std::string> labels, sources, image_list, printed_list;
  for (const auto& item : items) {
    labels.push_back(std::to_string(item.label));
    sources.push_back(std::to_string(item.label) + " " + std::to_string(item.index));
    printed_list.push_back("printed/" + std::to_string(item.label) + ".png");
  }
  write_lines(out / (set + "_labels.txt"), labels);
  write_lines(out / (set + "_sources.txt"), sources);

  const int side = MnistDigits::side;
  if (pvp) {
    PvpActivityFileWriter w(out / (set + "_images.pvp"), PvpType::Dense, side, side, 1, 1);
    for (std::size_t k = 0; k < items.size(); ++k) {
      w.write_frame(double(k), digits.images[std::size_t(items[k].label)][std::size_t(items[k].index)]);
    }
    w.close();
  }
  if (png) {
    make_dir(out / set);
    for (std::size_t k = 0; k < items.size(); ++k) {
      image_list.push_back(numbered_png(set, k, items.size()));
      write_png(out / image_list.back(),
                grey_image(digits.images[std::size_t(items[k].label)][std::size_t(items[k].index)], side));
    }
    write_lines(out / (set + "_images.txt"), image_list);
    write_lines(out / (set + "_printed.txt"), printed_list);
  }
  {
    PvpActivityFileWriter w(out / (set + "_printed.pvp"), PvpType::Dense, side, side, 1, 1);
    for (std::size_t k = 0; k < items.size(); ++k) w.write_frame(double(k), printed[std::size_t(items[k].label)].values);
    w.close();
  }
  {
    PvpActivityFileWriter w(out / (set + "_onehot.pvp"), PvpType::Dense, 1, 1, o.onehot_neurons, 1);
    for (std::size_t k = 0; k < items.size(); ++k) {
      w.write_frame(double(k), class_block_vector(items[k].label, o.onehot_neurons, o.onehot_block));
    }
    w.close();
  }
}

}  // namespace

MnistDatasetCounts write_mnist_dataset(const MnistDigits& digits, const MnistDatasetOptions& options) {
  // Check the block size before writing anything.
  class_block_vector(MnistDigits::classes - 1, options.onehot_neurons, options.onehot_block);
  const Split split = stratified_split(digits.class_sizes(), options.train, options.test, options.seed);
  make_dir(options.out_dir);
  std::array<Image, 10> printed;
  for (int d = 0; d < 10; ++d) printed[std::size_t(d)] = printed_digit(d);
  if (options.format != DatasetFormat::Pvp) {
    make_dir(options.out_dir / "printed");
    for (int d = 0; d < 10; ++d) {
      write_png(options.out_dir / "printed" / (std::to_string(d) + ".png"), printed[std::size_t(d)]);
    }
  }
  write_set("train", split.train, digits, printed, options);
  write_set("test", split.test, digits, printed, options);
  MnistDatasetCounts counts;
  counts.train.assign(MnistDigits::classes, 0);
  counts.test.assign(MnistDigits::classes, 0);
  for (const auto& item : split.train) ++counts.train[std::size_t(item.label)];
  for (const auto& item : split.test) ++counts.test[std::size_t(item.label)];
  return counts;
}

}  // namespace spv
