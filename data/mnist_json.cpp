#include "data/mnist_json.hpp"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>

#include "core/errors.hpp"

namespace spv {

namespace fs = std::filesystem;

std::vector<int> MnistDigits::class_sizes() const {
  std::vector<int> sizes;
  for (const auto& c : images) sizes.push_back(int(c.size()));
  return sizes;
}

std::size_t MnistDigits::total() const {
  std::size_t n = 0;
  for (const auto& c : images) n += c.size();
  return n;
}

fs::path find_mnist_digits_dir(const fs::path& dir) {
  std::string tried;
  for (const fs::path& candidate : {dir, dir / "src" / "digits", dir / "package" / "src" / "digits"}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate / "0.json", ec)) return candidate;
    tried += "\n  " + (candidate / "0.json").string();
  }
  throw IoError(dir.string(), "no MNIST digits found (run scripts/fetch_mnist.sh DIR first); tried:" + tried);
}

namespace {

std::vector<std::vector<float>> read_class(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string(), "cannot open the file");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw IoError(path.string(), std::string("not valid JSON: ") + e.what(), std::int64_t(e.byte));
  }
  if (!doc.is_object() || !doc.contains("data") || !doc["data"].is_array()) {
    throw IoError(path.string(), "has no \"data\" array");
  }
  const auto& data = doc["data"];
  if (data.empty() || data.size() % MnistDigits::pixels != 0) {
    throw IoError(path.string(), "\"data\" holds " + std::to_string(data.size()) + " values, not a positive multiple of " +
                                     std::to_string(MnistDigits::pixels) + " (28x28 images)");
  }
  std::vector<std::vector<float>> images(data.size() / MnistDigits::pixels);
  for (std::size_t i = 0; i < images.size(); ++i) {
    auto& image = images[i];
    image.resize(MnistDigits::pixels);
    for (int p = 0; p < MnistDigits::pixels; ++p) {
      const auto& v = data[i * MnistDigits::pixels + std::size_t(p)];
      const double x = v.is_number() ? v.get<double>() : std::nan("");
      if (!(x >= 0.0 && x <= 1.0)) {
        throw IoError(path.string(), "value " + std::to_string(i * MnistDigits::pixels + std::size_t(p)) + " of \"data\" (" +
                                         v.dump() + ") is not a number in [0, 1]");
      }
      image[std::size_t(p)] = float(x);
    }
  }
  return images;
}

}  // namespace

MnistDigits read_mnist_digits(const fs::path& dir) {
  const fs::path digits_dir = find_mnist_digits_dir(dir);
  MnistDigits digits;
  for (int c = 0; c < MnistDigits::classes; ++c) {
    digits.images[std::size_t(c)] = read_class(digits_dir / (std::to_string(c) + ".json"));
  }
  return digits;
}

}  // namespace spv
