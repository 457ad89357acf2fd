// The other modalities of a digit's class: its printed glyph, its name, and the ordinal-linked class-block vector.
#pragma once
#include <string>
#include <vector>

#include "core/io/png_image.hpp"
#include "data/text_renderer.hpp"

namespace spv {

// "zero" .. "nine".
const char* digit_name(int digit);

// The style of printed MNIST digits: Liberation Sans, the ink fitted into the centre 20x20 of the 28x28 box, like
// MNIST's own size-normalised digits.
TextStyle printed_digit_style();
// "0" .. "9" rendered 28x28 with printed_digit_style(), white on black, values 0..1.
Image printed_digit(int digit, const TextStyle& style = printed_digit_style());

// E3's ordinal-linked driver: `neurons` zeros with ones on neurons block*label .. block*label + block - 1.
// Throws Error when that block does not fit.
std::vector<float> class_block_vector(int label, int neurons = 256, int block = 25);

}  // namespace spv
