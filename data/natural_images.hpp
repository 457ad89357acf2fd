// Natural images for learning V1-like receptive fields (E2): grey conversion, box downsampling, a centre-surround
// (difference of Gaussians) filter that flattens the 1/f amplitude spectrum of natural scenes the way retinal
// ganglion cells do, and random crops normalised to zero mean and unit s.d. (OpenPV's normalizeLuminanceFlag with
// normalizeStdDev).
#pragma once
#include <cstdint>
#include <vector>

#include "core/io/png_image.hpp"

namespace spv::natural {

// One channel: the image itself when grey, else Rec. 601 luma 0.299 R + 0.587 G + 0.114 B.
Image grey(const Image& image);
// Each output pixel the mean of a factor x factor block (a partial block at the right or bottom edge is dropped).
Image box_downsample(const Image& image, int factor);
// image * (G(sigma_centre) - G(sigma_surround)), Gaussians of unit sum truncated at 3 sigma, edges mirrored.
Image difference_of_gaussians(const Image& image, double sigma_centre, double sigma_surround);
// A size x size crop at (x, y), shifted to zero mean and scaled to unit s.d. (a flat crop stays all zero).
std::vector<float> normalised_crop(const Image& image, int x, int y, int size);

// The crops of a data set: crop k comes from image (k mod images), at a position drawn from (seed, k).
struct CropSpec {
  int size = 64;
  std::uint64_t seed = 1;
};
std::vector<float> crop(const std::vector<Image>& images, const CropSpec& spec, std::uint64_t k);

}  // namespace spv::natural
