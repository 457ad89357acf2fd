#include "analysis/spike_filter_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "analysis/plot_canvas.hpp"

namespace spv::spikes {

Image filter_figure(const std::vector<std::vector<float>>& truth, const std::vector<std::vector<float>>& learned,
                    const std::vector<UnitMatch>& matches) {
  constexpr int panel_w = 260, panel_h = 180, margin = 14, title = 24;
  const int units = int(truth.size());
  Canvas canvas(margin + units * (panel_w + margin), title + panel_h + 2 * margin);
  for (int u = 0; u < units; ++u) {
    const std::vector<float>& h = truth[std::size_t(u)];
    const UnitMatch& m = matches[std::size_t(u)];
    const int x0 = margin + u * (panel_w + margin), y0 = title + margin;
    canvas.frame_rect(x0, y0, x0 + panel_w - 1, y0 + panel_h - 1, grey);
    // Both curves in the true shape's sample coordinates: learned tap j sits at j - shift.
    std::vector<std::pair<double, double>> fit;
    int lo = 0, hi = int(h.size()) - 1;
    if (m.filter >= 0) {
      const std::vector<float>& g = learned[std::size_t(m.filter)];
      double c = 0, gg = 0;
      for (int j = 0; j < int(g.size()); ++j) {
        const int i = j - m.alignment.shift;
        if (i >= 0 && i < int(h.size())) c += double(h[std::size_t(i)]) * g[std::size_t(j)];
        gg += double(g[std::size_t(j)]) * g[std::size_t(j)];
      }
      const double scale = gg > 0 ? c / gg : 0;
      for (int j = 0; j < int(g.size()); ++j) fit.push_back({double(j - m.alignment.shift), scale * g[std::size_t(j)]});
      lo = std::min(lo, -m.alignment.shift);
      hi = std::max(hi, int(g.size()) - 1 - m.alignment.shift);
    }
    double peak = 1e-6;
    for (float v : h) peak = std::max(peak, double(std::abs(v)));
    for (const auto& p : fit) peak = std::max(peak, std::abs(p.second));
    auto px = [&](double i) { return x0 + 6 + int(std::lround((i - lo) * (panel_w - 12) / std::max(1, hi - lo))); };
    auto py = [&](double v) { return y0 + panel_h / 2 - int(std::lround(v / peak * (panel_h / 2 - 8))); };
    canvas.line(x0 + 1, py(0), x0 + panel_w - 2, py(0), light_grey);
    for (std::size_t i = 1; i < h.size(); ++i)
      canvas.line(px(double(i - 1)), py(h[i - 1]), px(double(i)), py(h[i]), grey);
    for (std::size_t k = 1; k < fit.size(); ++k)
      canvas.line(px(fit[k - 1].first), py(fit[k - 1].second), px(fit[k].first), py(fit[k].second), class_colour(u));
    char label[96];
    if (m.filter >= 0)
      std::snprintf(label, sizeof label, "unit %d: filter %d, err %.3f", u, m.filter, m.alignment.error);
    else
      std::snprintf(label, sizeof label, "unit %d: no filter", u);
    canvas.text(label, x0 + panel_w / 2, margin + title / 2, 15, black, Align::Centre);
  }
  return canvas.image();
}

}  // namespace spv::spikes
