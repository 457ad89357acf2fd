#include "data/digit_name_pairs.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>

#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "core/rng.hpp"
#include "data/digit_modalities.hpp"
#include "data/stratified_split.hpp"
#include "data/text_renderer.hpp"

namespace spv {

namespace fs = std::filesystem;

namespace {

constexpr FontFace kFaces[3] = {FontFace::Sans, FontFace::Serif, FontFace::Mono};
constexpr NameCase kCases[3] = {NameCase::Lower, NameCase::Capitalised, NameCase::Upper};

const char* case_word(NameCase c) {
  switch (c) {
    case NameCase::Lower: return "lower";
    case NameCase::Capitalised: return "capitalised";
    case NameCase::Upper: return "upper";
  }
  return "?";
}

std::size_t box_index(int digit, const NameVariant& v) {
  return (std::size_t(digit) * 3 + std::size_t(v.face)) * 3 + std::size_t(v.name_case);
}

TextStyle style_of(FontFace face, const std::vector<fs::path>& dirs) {
  TextStyle s;
  s.face = face;
  s.font_dirs = dirs;
  s.fit = TextFit::Line;
  return s;
}

void write_lines(const fs::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) out << line << '\n';
  out.close();
  if (!out) throw IoError(path.string(), "cannot write the file");
}

}  // namespace

std::string cased_digit_name(int digit, NameCase c) {
  std::string name = digit_name(digit);
  if (c == NameCase::Upper) {
    for (char& ch : name) ch = char(std::toupper(static_cast<unsigned char>(ch)));
  } else if (c == NameCase::Capitalised) {
    name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
  }
  return name;
}

NameVariant draw_name_variant(std::uint64_t seed, const std::string& stream, std::uint64_t index, int max_dx,
                              int max_dy) {
  const RngKey key{seed, hash_name(("dsc/text/" + stream).c_str())};
  std::uint32_t w[4];
  philox4x32(key, index, 0, w);
  NameVariant v;
  v.face = kFaces[w[0] % 3];
  v.name_case = kCases[w[1] % 3];
  v.offset_x = int(w[2] % std::uint32_t(2 * max_dx + 1)) - max_dx;
  v.offset_y = int(w[3] % std::uint32_t(2 * max_dy + 1)) - max_dy;
  return v;
}

DigitNameRenderer::DigitNameRenderer(int width, int height, std::vector<fs::path> font_dirs)
    : width_(width), height_(height), font_dirs_(std::move(font_dirs)), boxes_(10 * 3 * 3) {
  for (FontFace face : kFaces) {
    for (NameCase c : kCases) {
      // One size per face and case: the largest at which every class name fits, so words share a baseline.
      int size = 1 << 20;
      for (int d = 0; d < 10; ++d)
        size = std::min(size, fitted_text_size(cased_digit_name(d, c), style_of(face, font_dirs_), width, height));
      for (int d = 0; d < 10; ++d) {
        TextStyle s = style_of(face, font_dirs_);
        s.size_px = size;
        const Image image = render_text(cased_digit_name(d, c), s, width, height);
        InkBox b{width, height, -1, -1};
        for (int y = 0; y < height; ++y) {
          for (int x = 0; x < width; ++x) {
            if (image.at(x, y, 0) <= 0.0f) continue;
            b.x0 = std::min(b.x0, x), b.y0 = std::min(b.y0, y), b.x1 = std::max(b.x1, x), b.y1 = std::max(b.y1, y);
          }
        }
        if (b.x1 < 0) throw Error("the name \"" + cased_digit_name(d, c) + "\" leaves no ink");
        boxes_[box_index(d, NameVariant{face, c, 0, 0})] = b;
        sizes_[std::size_t(face) * 3 + std::size_t(c)] = size;
      }
    }
  }
}

const DigitNameRenderer::InkBox& DigitNameRenderer::box(int digit, const NameVariant& v) const {
  return boxes_[box_index(digit, v)];
}

Image DigitNameRenderer::render(int digit, const NameVariant& v) const {
  const InkBox& b = box(digit, v);
  TextStyle s = style_of(v.face, font_dirs_);
  s.size_px = sizes_[std::size_t(v.face) * 3 + std::size_t(v.name_case)];
  s.offset_x = std::clamp(v.offset_x, -b.x0, width_ - 1 - b.x1);
  s.offset_y = std::clamp(v.offset_y, -b.y0, height_ - 1 - b.y1);
  return render_text(cased_digit_name(digit, v.name_case), s, width_, height_);
}

int confusable_class(int digit) {
  static const int partner[10] = {6, 7, 7, 5, 9, 3, 0, 1, 3, 4};
  digit_name(digit);  // checks the range
  return partner[digit];
}

std::vector<float> pad_mnist_image(const std::vector<float>& image, int side) {
  const int n = MnistDigits::side;
  if (image.size() != std::size_t(MnistDigits::pixels)) throw Error("an MNIST image has 784 pixels");
  if (side < n) throw Error("the vision side must be at least 28, not " + std::to_string(side));
  std::vector<float> out(std::size_t(side) * side, 0.0f);
  const int pad = (side - n) / 2;
  for (int y = 0; y < n; ++y)
    std::copy_n(image.begin() + std::ptrdiff_t(y) * n, n, out.begin() + std::ptrdiff_t(y + pad) * side + pad);
  return out;
}

DigitNamePairCounts write_digit_name_pairs(const MnistDigits& digits, const DigitNamePairOptions& o) {
  if (o.text_width < 1 || o.text_height < 1) throw Error("the text size must be positive");
  const int max_dx = o.max_shift_x < 0 ? o.text_width / 16 : o.max_shift_x;
  if (o.max_shift_y < 0) throw Error("the vertical shift must be >= 0");
  const Split split = stratified_split(digits.class_sizes(), o.train, o.test, o.seed);
  const DigitNameRenderer names(o.text_width, o.text_height, o.font_dirs);
  pad_mnist_image(std::vector<float>(std::size_t(MnistDigits::pixels)), o.vision_side);  // checks the side early
  {
    std::error_code ec;
    fs::create_directories(o.out_dir, ec);
    if (ec) throw IoError(o.out_dir.string(), "cannot create the folder: " + ec.message());
  }
  DigitNamePairCounts counts;
  for (const std::string set : {"train", "test"}) {
    const std::vector<SplitItem>& items = set == "train" ? split.train : split.test;
    std::vector<int>& per_class = set == "train" ? counts.train : counts.test;
    per_class.assign(MnistDigits::classes, 0);
    PvpActivityFileWriter vision(o.out_dir / ("vision_" + set + ".pvp"), PvpType::Dense, o.vision_side,
                                 o.vision_side, 1, 1);
    PvpActivityFileWriter text(o.out_dir / ("text_" + set + ".pvp"), PvpType::Dense, o.text_width, o.text_height,
                               1, 1);
    std::vector<std::string> labels, variants;
    for (std::size_t k = 0; k < items.size(); ++k) {
      const SplitItem& item = items[k];
      ++per_class[std::size_t(item.label)];
      vision.write_frame(double(k), pad_mnist_image(digits.images[std::size_t(item.label)][std::size_t(item.index)],
                                                    o.vision_side));
      const NameVariant v = draw_name_variant(o.seed, set, k, max_dx, o.max_shift_y);
      text.write_frame(double(k), names.render(item.label, v).values);
      labels.push_back(std::to_string(item.label));
      variants.push_back(std::string(font_face_word(v.face)) + " " + case_word(v.name_case) + " " +
                         std::to_string(v.offset_x) + " " + std::to_string(v.offset_y));
    }
    vision.close();
    text.close();
    write_lines(o.out_dir / ("labels_" + set + ".txt"), labels);
    write_lines(o.out_dir / ("text_variants_" + set + ".txt"), variants);
  }
  PvpActivityFileWriter clean(o.out_dir / "text_clean.pvp", PvpType::Dense, o.text_width, o.text_height, 1, 1);
  for (int d = 0; d < 10; ++d) clean.write_frame(double(d), names.clean(d).values);
  clean.close();
  // Every font and case of each name, centred: a generated name is legible when it reads as its class in any style
  // the network learned, not only in the one clean style.
  PvpActivityFileWriter styles(o.out_dir / "text_clean_variants.pvp", PvpType::Dense, o.text_width, o.text_height, 1,
                               1);
  for (int d = 0; d < 10; ++d)
    for (FontFace face : {FontFace::Sans, FontFace::Serif, FontFace::Mono})
      for (NameCase c : {NameCase::Lower, NameCase::Capitalised, NameCase::Upper})
        styles.write_frame(double(styles_per_class * d + 3 * int(face) + int(c)),
                           names.render(d, NameVariant{face, c, 0, 0}).values);
  styles.close();

  const std::size_t cases = std::min(split.test.size(), std::size_t(std::max(0, o.flip_cases)));
  PvpActivityFileWriter flip_vision(o.out_dir / "flip_vision.pvp", PvpType::Dense, o.vision_side, o.vision_side, 1, 1);
  PvpActivityFileWriter flip_text(o.out_dir / "flip_text.pvp", PvpType::Dense, o.text_width, o.text_height, 1, 1);
  std::vector<std::string> case_lines;
  for (std::size_t k = 0; k < cases; ++k) {
    const SplitItem& item = split.test[k];
    const int other = confusable_class(item.label);
    flip_vision.write_frame(double(k), pad_mnist_image(digits.images[std::size_t(item.label)][std::size_t(item.index)],
                                                       o.vision_side));
    flip_text.write_frame(double(k), names.clean(other).values);
    case_lines.push_back(std::to_string(item.label) + " " + std::to_string(other));
  }
  flip_vision.close();
  flip_text.close();
  write_lines(o.out_dir / "flip_cases.txt", case_lines);
  PvpActivityFileWriter gate(o.out_dir / "flip_gate.pvp", PvpType::Dense, o.text_width, o.text_height, 1, 1);
  gate.write_frame(0.0, std::vector<float>(std::size_t(o.text_width) * o.text_height, 0.0f));
  gate.write_frame(1.0, std::vector<float>(std::size_t(o.text_width) * o.text_height, 1.0f));
  gate.close();
  return counts;
}

}  // namespace spv
