#include "analysis/dsc_figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "analysis/plot_canvas.hpp"

namespace spv {

namespace {

std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

}  // namespace

Image vector_image(std::span<const float> values, int nx, int ny, int nf) {
  Image img;
  img.width = nx;
  img.height = ny;
  img.channels = nf == 3 ? 3 : 1;
  img.values.resize(std::size_t(nx) * ny * img.channels);
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x)
      for (int c = 0; c < img.channels; ++c)
        img.at(x, y, c) = values[(std::size_t(y) * nx + x) * nf + c];
  return img;
}

Image activation_plot(const ActivationPlot& p) {
  Canvas canvas(p.width, p.height);
  const int left = 58, right = p.width - 12, top = 34, bottom = p.height - 34;
  canvas.text(p.title, p.width / 2, 14, 14, black, Align::Centre);

  // Inputs ordered by class, then data order; a gap of `gap` slots between classes.
  std::vector<int> order(p.activation.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p.labels[a] < p.labels[b]; });
  const double gap = std::max(1.0, 0.02 * double(order.size()));
  int groups = 0;
  for (std::size_t i = 0; i < order.size(); ++i) groups += i == 0 || p.labels[order[i]] != p.labels[order[i - 1]];
  const double slots = double(order.size()) + gap * std::max(0, groups - 1);

  double lo = 0.0, hi = 0.0;
  for (float a : p.activation) {
    lo = std::min(lo, double(a));
    hi = std::max(hi, double(a));
  }
  if (std::isfinite(p.threshold)) hi = std::max(hi, p.threshold);
  if (hi <= lo) hi = lo + 1.0;
  hi += 0.05 * (hi - lo);
  auto y_of = [&](double v) { return int(std::lround(bottom - (v - lo) / (hi - lo) * (bottom - top))); };

  // Axes, y ticks at the bottom, middle and top, the zero line when negatives occur.
  canvas.line(left, top, left, bottom, black);
  canvas.line(left, bottom, right, bottom, black);
  for (double v : {lo, 0.5 * (lo + hi), hi}) {
    const int y = y_of(v);
    canvas.line(left - 4, y, left, y, black);
    canvas.line(left + 1, y, right, y, light_grey);
    canvas.text(short_number(v), left - 7, y, 11, black, Align::Right);
  }
  if (lo < 0.0) canvas.line(left + 1, y_of(0.0), right, y_of(0.0), grey);
  canvas.text("activation", 4, top - 12, 11, black, Align::Left);

  // Dots: other classes first so the target class is drawn on top.
  std::vector<std::pair<int, int>> placed(order.size());  // (x, input)
  double slot = 0.0;
  int group_start = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i > 0 && p.labels[order[i]] != p.labels[order[i - 1]]) {
      const int x0 = left + 1 + int((double(group_start)) / slots * (right - left - 2));
      const int x1 = left + 1 + int((slot) / slots * (right - left - 2));
      canvas.text(std::to_string(p.labels[order[i - 1]]), (x0 + x1) / 2, bottom + 12, 12,
                  p.labels[order[i - 1]] == p.target ? black : grey, Align::Centre);
      slot += gap;
      group_start = int(slot);
    }
    placed[i] = {left + 1 + int((slot + 0.5) / slots * (right - left - 2)), order[i]};
    slot += 1.0;
  }
  if (!order.empty()) {
    const int x0 = left + 1 + int(double(group_start) / slots * (right - left - 2));
    const int x1 = left + 1 + int(slot / slots * (right - left - 2));
    canvas.text(std::to_string(p.labels[order.back()]), (x0 + x1) / 2, bottom + 12, 12,
                p.labels[order.back()] == p.target ? black : grey, Align::Centre);
  }
  canvas.text("test inputs by class", (left + right) / 2, bottom + 26, 11, black, Align::Centre);
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [x, input] : placed) {
      const bool is_target = p.labels[input] == p.target;
      if (is_target != (pass == 1)) continue;
      canvas.dot(x, y_of(p.activation[input]), is_target ? 2 : 1, class_colour(p.labels[input]));
    }
  }
  if (std::isfinite(p.threshold)) canvas.line(left + 1, y_of(p.threshold), right, y_of(p.threshold), black, 4);
  if (std::all_of(p.activation.begin(), p.activation.end(), [](float a) { return a == 0.0f; }))
    canvas.text("never active on these inputs", (left + right) / 2, (top + bottom) / 2, 13, grey, Align::Centre);
  return canvas.image();
}

Image image_grid(std::span<const CaptionedImage> images, int columns, int scale, const std::string& title) {
  columns = std::max(1, std::min(columns, int(images.size())));
  std::vector<int> col_w(std::size_t(columns), 60);
  int cell_h = 1;
  for (std::size_t i = 0; i < images.size(); ++i) {
    int& w = col_w[i % std::size_t(columns)];
    w = std::max(w, images[i].image.width * scale);
    cell_h = std::max(cell_h, images[i].image.height * scale);
  }
  const int caption_h = 18, pad = 10, title_h = title.empty() ? 0 : 24;
  const int rows = (int(images.size()) + columns - 1) / columns;
  const int width = std::accumulate(col_w.begin(), col_w.end(), pad) + columns * pad;
  Canvas canvas(width, title_h + rows * (cell_h + caption_h + pad) + pad);
  if (!title.empty()) canvas.text(title, canvas.width() / 2, 14, 14, black, Align::Centre);
  for (std::size_t i = 0; i < images.size(); ++i) {
    const int col = int(i) % columns, row = int(i) / columns;
    const int x = pad + std::accumulate(col_w.begin(), col_w.begin() + col, 0) + col * pad;
    const int y = title_h + pad + row * (cell_h + caption_h + pad);
    const Image& img = images[i].image;
    const int cw = col_w[std::size_t(col)], ix = x + (cw - img.width * scale) / 2;
    canvas.draw_image(stretched(img), ix, y, scale);
    if (images[i].mark != Mark::None)
      for (int m = 1; m <= 2; ++m)
        canvas.frame_rect(ix - m, y - m, ix + img.width * scale - 1 + m, y + img.height * scale - 1 + m,
                          images[i].mark == Mark::Good ? class_colour(2) : class_colour(3));
    canvas.text(images[i].caption, x + cw / 2, y + cell_h + caption_h / 2 + 2, 11, black, Align::Centre);
  }
  return canvas.image();
}

}  // namespace spv
