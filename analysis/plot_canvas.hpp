// A small RGB drawing surface for the analysis figures: rectangles, lines, dots, images and FreeType text.
#pragma once
#include <string>

#include "core/io/png_image.hpp"

namespace spv {

struct Rgb {
  float r = 0, g = 0, b = 0;
};
inline constexpr Rgb white{1, 1, 1}, black{0, 0, 0}, grey{0.6f, 0.6f, 0.6f}, light_grey{0.88f, 0.88f, 0.88f};
// A categorical palette (matplotlib's tab10), entry i % 10.
Rgb class_colour(int i);

enum class Align { Left, Centre, Right };

class Canvas {
 public:
  Canvas(int width, int height, Rgb background = white);
  int width() const { return image_.width; }
  int height() const { return image_.height; }
  const Image& image() const { return image_; }

  void pixel(int x, int y, Rgb c);
  // Inclusive corners, clipped to the canvas.
  void fill_rect(int x0, int y0, int x1, int y1, Rgb c);
  void frame_rect(int x0, int y0, int x1, int y1, Rgb c);
  // Straight line (Bresenham); `dash` > 0 draws dash pixels on, dash off.
  void line(int x0, int y0, int x1, int y1, Rgb c, int dash = 0);
  // A filled disc of the given radius (0: one pixel).
  void dot(int x, int y, int radius, Rgb c);
  // Draws a grey (1 channel, values 0..1) or RGB image with its top-left corner at (x, y), each pixel a
  // scale x scale block.
  void draw_image(const Image& img, int x, int y, int scale = 1);
  // Text in Liberation Sans at `size_px`, its line box vertically centred on y, aligned at x as asked, blended
  // over the background in colour c. Returns the ink width in pixels.
  int text(const std::string& s, int x, int y, int size_px, Rgb c, Align align = Align::Left);

 private:
  Image image_;
};

// An image's values mapped to 0..1 by its own min and max (a flat image becomes 0.5), for display.
Image stretched(const Image& img);

}  // namespace spv
