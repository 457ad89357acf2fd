// Rendering a line of text with FreeType into a grey image: anti-aliased, white on black, values 0..1.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/io/png_image.hpp"
#include "data/font_files.hpp"

namespace spv {

// What the fitted size and the centring measure.
enum class TextFit {
  Line,  // ink width across, the font's line box (ascender to descender) down: words share a baseline and a size
  Ink,   // the ink's bounding box both ways: e.g. a lone digit fills the box
};

struct TextStyle {
  FontFace face = FontFace::Sans;
  std::filesystem::path font_file;               // when set, used instead of looking `face` up
  std::vector<std::filesystem::path> font_dirs;  // searched instead of default_font_dirs() when non-empty
  int size_px = 0;                               // pixel size (em height); 0 fits the text to the box
  TextFit fit = TextFit::Line;
  int margin = 0;                                // fitting keeps the measured box this far inside every edge
  int offset_x = 0, offset_y = 0;                // moves the centred text right and down (may clip)
};

// The pixel size render_text uses: style.size_px when set, else the largest integer size at which the measured box
// (see TextFit) fits in (width - 2 margin) x (height - 2 margin). Throws Error when not even 1 px fits, IoError when
// the font is missing or unreadable, Error when the font has no glyph for a character (text is UTF-8).
int fitted_text_size(const std::string& text, const TextStyle& style, int width, int height);

// A width x height, 1-channel image: the text at fitted_text_size, its measured box centred, then moved by the
// offsets; ink outside the image is cut off. Text without ink (empty, spaces) gives a black image.
Image render_text(const std::string& text, const TextStyle& style, int width, int height);

}  // namespace spv
