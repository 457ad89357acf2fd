#include "data/natural_images.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/rng.hpp"

namespace spv::natural {

namespace {

std::vector<double> gaussian_kernel(double sigma) {
  const int r = std::max(1, int(std::ceil(3 * sigma)));
  std::vector<double> k(std::size_t(2 * r + 1));
  double sum = 0;
  for (int i = -r; i <= r; ++i) sum += k[std::size_t(i + r)] = std::exp(-0.5 * i * i / (sigma * sigma));
  for (double& v : k) v /= sum;
  return k;
}

int mirror(int i, int n) {
  if (n == 1) return 0;
  while (i < 0 || i >= n) i = i < 0 ? -i - 1 : 2 * n - i - 1;
  return i;
}

// Separable blur of a grey image, edges mirrored.
std::vector<double> blur(const Image& image, double sigma) {
  const std::vector<double> k = gaussian_kernel(sigma);
  const int r = int(k.size() / 2), w = image.width, h = image.height;
  std::vector<double> rows(std::size_t(w) * h), out(std::size_t(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double s = 0;
      for (int i = -r; i <= r; ++i) s += k[std::size_t(i + r)] * image.at(mirror(x + i, w), y, 0);
      rows[std::size_t(y) * w + x] = s;
    }
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double s = 0;
      for (int i = -r; i <= r; ++i) s += k[std::size_t(i + r)] * rows[std::size_t(mirror(y + i, h)) * w + x];
      out[std::size_t(y) * w + x] = s;
    }
  return out;
}

}  // namespace

Image grey(const Image& image) {
  if (image.channels == 1) return image;
  if (image.channels != 3) throw std::invalid_argument("grey: 1 or 3 channels expected");
  Image g{image.width, image.height, 1, std::vector<float>(std::size_t(image.width) * image.height)};
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      g.at(x, y, 0) = 0.299f * image.at(x, y, 0) + 0.587f * image.at(x, y, 1) + 0.114f * image.at(x, y, 2);
  return g;
}

Image box_downsample(const Image& image, int factor) {
  if (factor < 1) throw std::invalid_argument("box_downsample: factor must be >= 1");
  const int w = image.width / factor, h = image.height / factor, c = image.channels;
  Image out{w, h, c, std::vector<float>(std::size_t(w) * h * c)};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int ch = 0; ch < c; ++ch) {
        double s = 0;
        for (int dy = 0; dy < factor; ++dy)
          for (int dx = 0; dx < factor; ++dx) s += image.at(x * factor + dx, y * factor + dy, ch);
        out.at(x, y, ch) = float(s / (factor * factor));
      }
  return out;
}

Image difference_of_gaussians(const Image& image, double sigma_centre, double sigma_surround) {
  if (image.channels != 1) throw std::invalid_argument("difference_of_gaussians: one channel expected");
  if (!(sigma_centre > 0 && sigma_surround > sigma_centre))
    throw std::invalid_argument("difference_of_gaussians: 0 < sigma_centre < sigma_surround expected");
  const std::vector<double> centre = blur(image, sigma_centre), surround = blur(image, sigma_surround);
  Image out{image.width, image.height, 1, std::vector<float>(image.values.size())};
  for (std::size_t i = 0; i < out.values.size(); ++i) out.values[i] = float(centre[i] - surround[i]);
  return out;
}

std::vector<float> normalised_crop(const Image& image, int x, int y, int size) {
  if (image.channels != 1 || x < 0 || y < 0 || x + size > image.width || y + size > image.height)
    throw std::invalid_argument("normalised_crop: a one-channel crop inside the image expected");
  std::vector<float> v(std::size_t(size) * size);
  double sum = 0, sq = 0;
  for (int j = 0; j < size; ++j)
    for (int i = 0; i < size; ++i) {
      const double p = image.at(x + i, y + j, 0);
      v[std::size_t(j) * size + i] = float(p);
      sum += p;
      sq += p * p;
    }
  const double n = double(v.size()), mean = sum / n, var = std::max(0.0, sq / n - mean * mean);
  const double scale = var > 0 ? 1.0 / std::sqrt(var) : 0.0;
  for (float& p : v) p = float((p - mean) * scale);
  return v;
}

std::vector<float> crop(const std::vector<Image>& images, const CropSpec& spec, std::uint64_t k) {
  if (images.empty()) throw std::invalid_argument("crop: no images");
  const Image& image = images[std::size_t(k % images.size())];
  if (image.width < spec.size || image.height < spec.size)
    throw std::invalid_argument("crop: an image is smaller than the crop size " + std::to_string(spec.size));
  const RngKey key{spec.seed, hash_name("natural-crop")};
  const int x = int(uniform01(key, k, 0) * (image.width - spec.size + 1));
  const int y = int(uniform01(key, k, 1) * (image.height - spec.size + 1));
  return normalised_crop(image, std::min(x, image.width - spec.size), std::min(y, image.height - spec.size), spec.size);
}

}  // namespace spv::natural
