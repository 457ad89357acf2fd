#include "layers/image_layer.hpp"

#include <cctype>

#include "layers/file_list.hpp"

namespace spv {

namespace {

bool names_a_list(const std::string& path) {
  if (path.size() <= 4) return false;
  std::string tail = path.substr(path.size() - 4);
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".txt";
}

// OpenPV's weights for grey from RGB (Pratt, Digital Image Processing).
constexpr float grey_weights[3] = {0.30f, 0.59f, 0.11f};

}  // namespace

const char* const ImageLayer::kDoc =
    "A = an image: inputPath is a PNG file, or a list (a name ending in .txt) of PNG files, one per "
    "line, relative to the list's folder (or else the working directory); blank lines and lines starting with # or // "
    "are skipped. 8-bit "
    "values are divided by 255, 16-bit by 65535, alpha is dropped. nf = 1 takes grey (RGB images as "
    "0.30 R + 0.59 G + 0.11 B), nf = 3 takes RGB (grey images replicated).";

void ImageLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_input_keys(b);
}

std::string ImageLayer::named_by(int index) const {
  if (!is_list_) return input_path_context();
  return "line " + std::to_string(list_lines_[std::size_t(index)]) + " of " + params().inputPath + ", the " +
         input_path_context();
}

int ImageLayer::open_input(const RunContext&) {
  const int nf = geometry().nf;
  if (nf != 1 && nf != 3)
    throw GeometryError("layer \"" + name() + "\" (ImageLayer) has nf = " + std::to_string(nf) +
                        "; images are shown as grey (nf = 1) or RGB (nf = 3)");
  const std::string& path = params().inputPath;
  files_.clear();
  list_lines_.clear();
  decoded_index_ = -1;
  is_list_ = names_a_list(path);
  if (!is_list_) {
    if (!std::filesystem::is_regular_file(path))
      throw IoError(path, "no such image file (" + input_path_context() + ")");
    files_.emplace_back(path);
    list_lines_.push_back(0);
    entry(0);  // a single image is read now, so that a bad file stops the build before anything runs
    return 1;
  }
  for (auto& listed : read_file_list(path, "image", input_path_context())) {
    files_.push_back(std::move(listed.path));
    list_lines_.push_back(listed.line);
  }
  return int(files_.size());
}

const Image& ImageLayer::entry(int index) {
  if (index == decoded_index_) return decoded_;
  decoded_index_ = -1;
  Image image;
  try {
    image = read_png(files_[std::size_t(index)]);
  } catch (const IoError& e) {
    rethrow_io(e, named_by(index));
  }
  const int nf = geometry().nf;
  if (image.channels == nf) {
    decoded_ = std::move(image);
  } else {
    decoded_.width = image.width;
    decoded_.height = image.height;
    decoded_.channels = nf;
    decoded_.values.resize(std::size_t(image.width) * image.height * nf);
    const std::size_t pixels = std::size_t(image.width) * image.height;
    for (std::size_t p = 0; p < pixels; ++p) {
      const float* in = &image.values[p * image.channels];
      float* out = &decoded_.values[p * nf];
      if (nf == 1)
        out[0] = grey_weights[0] * in[0] + grey_weights[1] * in[1] + grey_weights[2] * in[2];
      else
        out[0] = out[1] = out[2] = in[0];
    }
  }
  decoded_index_ = index;
  return decoded_;
}

std::string ImageLayer::describe_entry(int index) const {
  return is_list_ ? files_[std::size_t(index)].string() : std::string();
}

}  // namespace spv
