// The figures of the concept-neuron analysis: a neuron's activation over the test set (the paper's Figure 7),
// grids of images with captions (activity-triggered averages), and generated text beside its input digit.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "core/io/png_image.hpp"

namespace spv {

// A layer-shaped vector ([y][x][f], f fastest) as an image: nf = 1 grey, nf = 3 colour, otherwise feature 0.
Image vector_image(std::span<const float> values, int nx, int ny, int nf);

// A neuron's activation on each test input: inputs grouped by class (ascending, data order within a class) along
// x, activation up y, a dot per input coloured by its class, the target class's dots larger, and the threshold as
// a dashed line (none when `threshold` is NaN). Class labels under the groups, the title above.
struct ActivationPlot {
  std::string title;
  std::vector<float> activation;
  std::vector<int> labels;
  int target = 0;
  double threshold = 0.0;
  int width = 620, height = 230;
};
Image activation_plot(const ActivationPlot& plot);

// Images in a grid, `columns` per row (each column as wide as its widest image), each scaled by `scale` and
// stretched to its own range, a caption under each.
enum class Mark { None, Good, Bad };  // a green or red frame (e.g. generated text legible or not)
struct CaptionedImage {
  Image image;
  std::string caption;
  Mark mark = Mark::None;
};
Image image_grid(std::span<const CaptionedImage> images, int columns, int scale, const std::string& title = {});

}  // namespace spv
