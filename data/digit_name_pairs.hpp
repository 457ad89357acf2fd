// E4's two-modality data set: each MNIST digit paired with its class name ("zero" .. "nine") rendered as grey text,
// the text varied within each class (font, case, small shifts) by a seeded, counter-based draw per sample.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/io/png_image.hpp"
#include "data/font_files.hpp"
#include "data/mnist_json.hpp"

namespace spv {

enum class NameCase { Lower, Capitalised, Upper };  // seven, Seven, SEVEN
inline constexpr int styles_per_class = 9;          // 3 fonts x 3 cases

// digit_name(digit) in the given case.
std::string cased_digit_name(int digit, NameCase c);

// How one sample's name is drawn.
struct NameVariant {
  FontFace face = FontFace::Sans;
  NameCase name_case = NameCase::Lower;
  int offset_x = 0, offset_y = 0;  // requested shift; the renderer clamps it so no ink is cut off
  bool operator==(const NameVariant&) const = default;
};

// The variant of sample `index` of stream `stream` ("train", "test"): face, case and shift uniform over
// {Sans, Serif, Mono} x {lower, Capitalised, UPPER} x [-max_dx, max_dx] x [-max_dy, max_dy], from Philox words of
// key (seed, hash_name("dsc/text/<stream>")) at index `index`. A pure function of its arguments.
NameVariant draw_name_variant(std::uint64_t seed, const std::string& stream, std::uint64_t index, int max_dx,
                              int max_dy);

// Renders digit names width x height (white on black, 0..1) with the Liberation fonts, one fitted size per face and
// case (fit line: the same baseline for every word), each variant's shift clamped so its ink stays inside.
class DigitNameRenderer {
 public:
  DigitNameRenderer(int width, int height, std::vector<std::filesystem::path> font_dirs = {});
  Image render(int digit, const NameVariant& v) const;
  // The clean rendering of a class name: Sans, lower case, centred.
  Image clean(int digit) const { return render(digit, NameVariant{}); }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  struct InkBox {
    int x0, y0, x1, y1;  // inclusive bounds of the centred rendering's ink
  };
  const InkBox& box(int digit, const NameVariant& v) const;
  int width_, height_;
  std::vector<std::filesystem::path> font_dirs_;
  std::vector<InkBox> boxes_;  // [digit][face][case]
  int sizes_[9] = {};          // [face][case]: the pixel size
};

// The MNIST image (28x28, values 0..1) centred in a side x side black frame (side >= 28: e.g. 32, as LeNet pads it).
std::vector<float> pad_mnist_image(const std::vector<float>& image, int side);

struct DigitNamePairOptions {
  std::filesystem::path out_dir;
  int train = 8000, test = 2000;
  std::uint64_t seed = 1;
  int text_width = 128, text_height = 16;
  int vision_side = 32;
  int max_shift_x = -1;  // -1: text_width / 16
  int max_shift_y = 1;
  std::vector<std::filesystem::path> font_dirs;  // empty: default_font_dirs()
  int flip_cases = 100;                          // test samples in the feedback-flip inputs
};

// The class whose name contradicts a digit in the feedback-flip experiment: a class its handwriting is often
// confused with (0-6, 1-7, 2-7, 3-5, 4-9, 8-3).
int confusable_class(int digit);

struct DigitNamePairCounts {
  std::vector<int> train, test;  // per class
};

// Splits `digits` with stratified_split (the split spv-prepare-mnist makes for the same seed and sizes) and writes
// into out_dir (created if needed), for S = train and test, frame k of every file and line k of every list being
// the same sample:
//   vision_S.pvp   dense vision_side x vision_side x 1: the MNIST digit, centred, 0..1
//   text_S.pvp     dense text_width x text_height x 1: its class name, drawn with draw_name_variant(seed, S, k)
//   labels_S.txt   one digit per line
//   text_variants_S.txt  "<face> <case> <dx> <dy>" per line: the variant drawn (shift before clamping)
//   text_clean.pvp 10 frames, class order: DigitNameRenderer::clean(d), for legibility scoring
//   text_clean_variants.pvp  10 x styles_per_class frames, class-major: frame 9 d + 3 face + case is name d in that
//                  font (Sans, Serif, Mono) and case (lower, Capitalised, UPPER), centred
//   flip_vision.pvp, flip_text.pvp, flip_cases.txt: the first flip_cases test samples' digits, the clean name of
//                  each one's confusable_class, and "<digit label> <text label>" per line
//   flip_gate.pvp  2 frames of the text size: all 0, then all 1 (a MaskLayer's mask: text off, then on)
// Throws IoError when a file cannot be written, Error when the split or the sizes are impossible.
DigitNamePairCounts write_digit_name_pairs(const MnistDigits& digits, const DigitNamePairOptions& options);

}  // namespace spv
