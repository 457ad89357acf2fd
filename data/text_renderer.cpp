#include "data/text_renderer.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "core/errors.hpp"

namespace spv {

namespace {

// One FreeType library and face, released together.
class FontHandle {
 public:
  explicit FontHandle(const std::filesystem::path& path) : path_(path.string()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path_, "no such font file");
    if (FT_Init_FreeType(&library_) != 0) throw Error("FreeType failed to initialise");
    if (const FT_Error e = FT_New_Face(library_, path_.c_str(), 0, &face_); e != 0) {
      FT_Done_FreeType(library_);
      throw IoError(path_, "FreeType cannot open this font (error " + std::to_string(e) + ")");
    }
  }
  ~FontHandle() {
    FT_Done_Face(face_);
    FT_Done_FreeType(library_);
  }
  FontHandle(const FontHandle&) = delete;
  FontHandle& operator=(const FontHandle&) = delete;
  FT_Face face() const { return face_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  FT_Library library_ = nullptr;
  FT_Face face_ = nullptr;
};

// A rendered glyph's coverage, placed relative to the pen origin on the baseline (y grows downwards).
struct PlacedGlyph {
  int x = 0, y = 0, width = 0, height = 0;
  std::vector<unsigned char> coverage;
};

// A half-open pixel box, baseline-relative.
struct Box {
  int x0 = INT_MAX, y0 = INT_MAX, x1 = INT_MIN, y1 = INT_MIN;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  int width() const { return empty() ? 0 : x1 - x0; }
  int height() const { return empty() ? 0 : y1 - y0; }
  void add(int x, int y) {
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x + 1);
    y1 = std::max(y1, y + 1);
  }
};

struct Layout {
  std::vector<PlacedGlyph> glyphs;
  Box ink;
  int line_top = 0, line_bottom = 0;  // -ascender and -descender, in pixels
};

std::vector<char32_t> decode_utf8(const std::string& text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + std::size_t(extra) >= text.size()) {
      throw Error("text is not valid UTF-8 (byte " + std::to_string(i) + ")");
    }
    char32_t c = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      const auto t = static_cast<unsigned char>(text[i + k]);
      if ((t >> 6) != 2) throw Error("text is not valid UTF-8 (byte " + std::to_string(i + k) + ")");
      c = (c << 6) | (t & 0x3F);
    }
    out.push_back(c);
    i += std::size_t(extra) + 1;
  }
  return out;
}

std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

Layout lay_out(const FontHandle& font, const std::vector<char32_t>& text, int size_px) {
  FT_Face face = font.face();
  if (FT_Set_Pixel_Sizes(face, 0, FT_UInt(size_px)) != 0) {
    throw Error(font.path() + ": FreeType cannot set the size " + std::to_string(size_px) + " px");
  }
  Layout layout;
  layout.line_top = -int(std::ceil(double(face->size->metrics.ascender) / 64.0));
  layout.line_bottom = int(std::ceil(double(-face->size->metrics.descender) / 64.0));
  FT_Pos pen = 0;  // 26.6 fixed point
  FT_UInt previous = 0;
  for (char32_t c : text) {
    const FT_UInt index = FT_Get_Char_Index(face, FT_ULong(c));
    if (index == 0) throw Error(font.path() + ": the font has no glyph for " + code_point_name(c));
    if (previous != 0 && FT_HAS_KERNING(face)) {
      FT_Vector kern{};
      if (FT_Get_Kerning(face, previous, index, FT_KERNING_UNFITTED, &kern) == 0) pen += kern.x;
    }
    // Light hinting snaps only vertically, so spacing keeps the font's design widths.
    if (FT_Load_Glyph(face, index, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) != 0) {
      throw Error(font.path() + ": FreeType cannot render " + code_point_name(c));
    }
    const FT_GlyphSlot slot = face->glyph;
    const FT_Bitmap& bm = slot->bitmap;
    if (bm.pixel_mode != FT_PIXEL_MODE_GRAY && bm.rows > 0) {
      throw Error(font.path() + ": FreeType gave no grey bitmap for " + code_point_name(c));
    }
    PlacedGlyph g;
    g.x = int((pen + 32) >> 6) + slot->bitmap_left;
    g.y = -slot->bitmap_top;
    g.width = int(bm.width);
    g.height = int(bm.rows);
    g.coverage.resize(std::size_t(g.width) * g.height);
    for (int r = 0; r < g.height; ++r) {
      const unsigned char* row = bm.buffer + std::ptrdiff_t(r) * bm.pitch;
      for (int col = 0; col < g.width; ++col) {
        g.coverage[std::size_t(r) * g.width + col] = row[col];
        if (row[col] != 0) layout.ink.add(g.x + col, g.y + r);
      }
    }
    if (!g.coverage.empty()) layout.glyphs.push_back(std::move(g));
    pen += slot->advance.x;
    previous = index;
  }
  return layout;
}

// The box that is fitted and centred.
Box measured_box(const Layout& layout, TextFit fit) {
  if (fit == TextFit::Ink) return layout.ink;
  Box box = layout.ink;
  if (box.empty()) box = Box{0, 0, 0, 0};
  box.y0 = std::min(box.y0, layout.line_top);
  box.y1 = std::max(box.y1, layout.line_bottom);
  return box;
}

bool fits(const Box& box, int avail_w, int avail_h) { return box.width() <= avail_w && box.height() <= avail_h; }

int floor_half(int v) { return v >= 0 ? v / 2 : -((1 - v) / 2); }

void check_box(int width, int height) {
  if (width <= 0 || height <= 0) {
    throw Error("text box must be at least 1x1, not " + std::to_string(width) + "x" + std::to_string(height));
  }
}

std::filesystem::path font_path(const TextStyle& style) {
  return style.font_file.empty() ? find_font_file(style.face, style.font_dirs) : style.font_file;
}

int fitted_size(const FontHandle& font, const std::vector<char32_t>& text, const TextStyle& style, int width,
                int height) {
  if (style.size_px > 0) return style.size_px;
  const int avail_w = width - 2 * style.margin, avail_h = height - 2 * style.margin;
  auto fits_at = [&](int size) { return fits(measured_box(lay_out(font, text, size), style.fit), avail_w, avail_h); };
  if (avail_w <= 0 || avail_h <= 0 || !fits_at(1)) {
    throw Error("the text does not fit in a " + std::to_string(width) + "x" + std::to_string(height) +
                " box with margin " + std::to_string(style.margin) + " even at 1 px");
  }
  // Binary search for the largest fitting size; the bound is generous because ink fitting can blow up small marks.
  int lo = 1, hi = 8 * std::max(width, height) + 1;  // fits at lo, not tested at hi
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    (fits_at(mid) ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace

int fitted_text_size(const std::string& text, const TextStyle& style, int width, int height) {
  check_box(width, height);
  const FontHandle font(font_path(style));
  return fitted_size(font, decode_utf8(text), style, width, height);
}

Image render_text(const std::string& text, const TextStyle& style, int width, int height) {
  check_box(width, height);
  Image image;
  image.width = width;
  image.height = height;
  image.channels = 1;
  image.values.assign(std::size_t(width) * height, 0.0f);
  const FontHandle font(font_path(style));
  const auto code_points = decode_utf8(text);
  const Layout layout = lay_out(font, code_points, fitted_size(font, code_points, style, width, height));
  if (layout.ink.empty()) return image;
  const Box box = measured_box(layout, style.fit);
  const int origin_x = style.margin + floor_half(width - 2 * style.margin - box.width()) - box.x0 + style.offset_x;
  const int origin_y = style.margin + floor_half(height - 2 * style.margin - box.height()) - box.y0 + style.offset_y;
  for (const auto& g : layout.glyphs) {
    for (int r = 0; r < g.height; ++r) {
      const int y = origin_y + g.y + r;
      if (y < 0 || y >= height) continue;
      for (int col = 0; col < g.width; ++col) {
        const int x = origin_x + g.x + col;
        if (x < 0 || x >= width) continue;
        // Overlapping glyphs (kerned pairs) take the larger coverage, so values stay within 0..1.
        float& v = image.at(x, y, 0);
        v = std::max(v, float(g.coverage[std::size_t(r) * g.width + col]) / 255.0f);
      }
    }
  }
  return image;
}

}  // namespace spv
