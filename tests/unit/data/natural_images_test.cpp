// Natural-image preparation of E2 against hand-computed values: luma, box averages, the centre-surround filter's
// zero response to a flat image, normalised crops.
#include <catch2/catch.hpp>

#include <cmath>

#include "data/natural_images.hpp"

using namespace spv;

TEST_CASE("grey is Rec. 601 luma; box downsampling averages blocks and drops a partial one", "[data][natural]") {
  Image rgb{2, 1, 3, {1, 0, 0, 0.5f, 0.5f, 1}};
  const Image g = natural::grey(rgb);
  REQUIRE(g.channels == 1);
  CHECK(g.at(0, 0, 0) == Approx(0.299));
  CHECK(g.at(1, 0, 0) == Approx(0.299 * 0.5 + 0.587 * 0.5 + 0.114));
  Image img{5, 4, 1, {}};
  for (int i = 0; i < 20; ++i) img.values.push_back(float(i));  // value = 5 y + x
  const Image d = natural::box_downsample(img, 2);
  REQUIRE(d.width == 2);
  REQUIRE(d.height == 2);
  CHECK(d.at(0, 0, 0) == Approx((0 + 1 + 5 + 6) / 4.0));
  CHECK(d.at(1, 1, 0) == Approx((12 + 13 + 17 + 18) / 4.0));
}

TEST_CASE("the centre-surround filter removes a flat image and keeps an edge's sign", "[data][natural]") {
  Image flat{16, 16, 1, std::vector<float>(256, 0.7f)};
  const Image f = natural::difference_of_gaussians(flat, 0.5, 2.0);
  for (float v : f.values) REQUIRE(std::abs(v) < 1e-6f);
  Image edge{16, 16, 1, std::vector<float>(256, 0.0f)};
  for (int y = 0; y < 16; ++y)
    for (int x = 8; x < 16; ++x) edge.at(x, y, 0) = 1;
  const Image e = natural::difference_of_gaussians(edge, 0.5, 2.0);
  // The bright side of the edge comes out above zero next to it, the dark side below, and far from it nothing.
  CHECK(e.at(8, 8, 0) > 0.05f);
  CHECK(e.at(7, 8, 0) < -0.05f);
  CHECK(std::abs(e.at(1, 8, 0)) < 1e-3f);
  CHECK_THROWS(natural::difference_of_gaussians(edge, 2.0, 0.5));
}

TEST_CASE("crops are at zero mean and unit s.d.; a flat crop stays zero", "[data][natural]") {
  Image img{4, 4, 1, {}};
  for (int i = 0; i < 16; ++i) img.values.push_back(float(i % 2));  // columns alternate 0, 1
  const auto c = natural::normalised_crop(img, 1, 1, 2);            // values 1 0 / 1 0: mean 0.5, s.d. 0.5
  REQUIRE(c.size() == 4);
  CHECK(c[0] == Approx(1.0));
  CHECK(c[1] == Approx(-1.0));
  Image flat{4, 4, 1, std::vector<float>(16, 3.0f)};
  for (float v : natural::normalised_crop(flat, 0, 0, 3)) CHECK(v == 0.0f);
  const natural::CropSpec spec{3, 5};
  CHECK(natural::crop({img}, spec, 4) == natural::crop({img}, spec, 4));  // a pure function of (seed, k)
  CHECK_THROWS(natural::crop({img}, natural::CropSpec{5, 1}, 0));
}
