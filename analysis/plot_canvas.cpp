#include "analysis/plot_canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "data/text_renderer.hpp"

namespace spv {

Rgb class_colour(int i) {
  static constexpr Rgb palette[10] = {
      {0.122f, 0.467f, 0.706f}, {1.000f, 0.498f, 0.055f}, {0.173f, 0.627f, 0.173f}, {0.839f, 0.153f, 0.157f},
      {0.580f, 0.404f, 0.741f}, {0.549f, 0.337f, 0.294f}, {0.890f, 0.467f, 0.761f}, {0.498f, 0.498f, 0.498f},
      {0.737f, 0.741f, 0.133f}, {0.090f, 0.745f, 0.812f}};
  return palette[((i % 10) + 10) % 10];
}

Canvas::Canvas(int width, int height, Rgb background) {
  image_.width = width;
  image_.height = height;
  image_.channels = 3;
  image_.values.resize(std::size_t(width) * height * 3);
  for (std::size_t p = 0; p < std::size_t(width) * height; ++p) {
    image_.values[3 * p] = background.r;
    image_.values[3 * p + 1] = background.g;
    image_.values[3 * p + 2] = background.b;
  }
}

void Canvas::pixel(int x, int y, Rgb c) {
  if (x < 0 || y < 0 || x >= width() || y >= height()) return;
  image_.at(x, y, 0) = c.r;
  image_.at(x, y, 1) = c.g;
  image_.at(x, y, 2) = c.b;
}

void Canvas::fill_rect(int x0, int y0, int x1, int y1, Rgb c) {
  for (int y = std::max(0, std::min(y0, y1)); y <= std::min(height() - 1, std::max(y0, y1)); ++y)
    for (int x = std::max(0, std::min(x0, x1)); x <= std::min(width() - 1, std::max(x0, x1)); ++x) pixel(x, y, c);
}

void Canvas::frame_rect(int x0, int y0, int x1, int y1, Rgb c) {
  line(x0, y0, x1, y0, c);
  line(x0, y1, x1, y1, c);
  line(x0, y0, x0, y1, c);
  line(x1, y0, x1, y1, c);
}

void Canvas::line(int x0, int y0, int x1, int y1, Rgb c, int dash) {
  const int dx = std::abs(x1 - x0), dy = -std::abs(y1 - y0);
  const int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
  int err = dx + dy;
  for (int step = 0;; ++step) {
    if (dash <= 0 || (step / dash) % 2 == 0) pixel(x0, y0, c);
    if (x0 == x1 && y0 == y1) break;
    const int e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}

void Canvas::dot(int x, int y, int radius, Rgb c) {
  for (int v = -radius; v <= radius; ++v)
    for (int u = -radius; u <= radius; ++u)
      if (u * u + v * v <= radius * radius + radius) pixel(x + u, y + v, c);
}

void Canvas::draw_image(const Image& img, int x, int y, int scale) {
  for (int v = 0; v < img.height * scale; ++v) {
    for (int u = 0; u < img.width * scale; ++u) {
      const int sx = u / scale, sy = v / scale;
      const float r = std::clamp(img.at(sx, sy, 0), 0.0f, 1.0f);
      const float g = img.channels == 3 ? std::clamp(img.at(sx, sy, 1), 0.0f, 1.0f) : r;
      const float b = img.channels == 3 ? std::clamp(img.at(sx, sy, 2), 0.0f, 1.0f) : r;
      pixel(x + u, y + v, {r, g, b});
    }
  }
}

int Canvas::text(const std::string& s, int x, int y, int size_px, Rgb c, Align align) {
  if (s.empty()) return 0;
  TextStyle style;
  style.size_px = size_px;
  const int box_w = int(s.size()) * size_px + 4, box_h = 2 * size_px;
  const Image ink = render_text(s, style, box_w, box_h);
  int min_x = box_w, max_x = -1;
  for (int v = 0; v < box_h; ++v)
    for (int u = 0; u < box_w; ++u)
      if (ink.at(u, v, 0) > 0.0f) {
        min_x = std::min(min_x, u);
        max_x = std::max(max_x, u);
      }
  if (max_x < 0) return 0;
  const int w = max_x - min_x + 1;
  const int left = align == Align::Left ? x : align == Align::Centre ? x - w / 2 : x - w + 1;
  const int top = y - box_h / 2;
  for (int v = 0; v < box_h; ++v) {
    for (int u = min_x; u <= max_x; ++u) {
      const float a = ink.at(u, v, 0);
      const int px = left + u - min_x, py = top + v;
      if (a <= 0.0f || px < 0 || py < 0 || px >= width() || py >= height()) continue;
      for (int ch = 0; ch < 3; ++ch) {
        float& dst = image_.at(px, py, ch);
        const float src = ch == 0 ? c.r : ch == 1 ? c.g : c.b;
        dst = dst * (1.0f - a) + src * a;
      }
    }
  }
  return w;
}

Image stretched(const Image& img) {
  Image out = img;
  if (img.values.empty()) return out;
  const auto [lo, hi] = std::minmax_element(img.values.begin(), img.values.end());
  const float range = *hi - *lo;
  for (float& v : out.values) v = range > 0.0f ? (v - *lo) / range : 0.5f;
  return out;
}

}  // namespace spv
