#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/io/pvp_format.hpp"
#include "tests/unit/io/io_test_support.hpp"

using Catch::Matchers::Contains;
using namespace spv;
using namespace spv::test;

namespace {

SharedWeights make_weights(int nxp, int nyp, int nfp, int nxk, int nyk, int nfk, int arbors, double time, int seed) {
  SharedWeights w;
  w.nxp = nxp;
  w.nyp = nyp;
  w.nfp = nfp;
  w.nx_kernel = nxk;
  w.ny_kernel = nyk;
  w.nf_kernel = nfk;
  w.arbors = arbors;
  w.time = time;
  w.values.resize(std::size_t(arbors) * w.kernels() * w.patch_size());
  for (std::size_t i = 0; i < w.values.size(); ++i) {
    w.values[i] = std::sin(0.37f * float(i) + float(seed)) * 0.8f + 0.1f * float(seed);
  }
  return w;
}

void check_same_shape(const SharedWeights& a, const SharedWeights& b) {
  CHECK(a.nxp == b.nxp);
  CHECK(a.nyp == b.nyp);
  CHECK(a.nfp == b.nfp);
  CHECK(a.nx_kernel == b.nx_kernel);
  CHECK(a.ny_kernel == b.ny_kernel);
  CHECK(a.nf_kernel == b.nf_kernel);
  CHECK(a.arbors == b.arbors);
  CHECK(a.time == b.time);
  REQUIRE(a.values.size() == b.values.size());
}

}  // namespace

TEST_CASE("128 kernels of 8x8x3, one arbor: 99,432 bytes, round trip exact", "[pvp][weights]") {
  TempDir dir;
  const auto path = dir / "w.pvp";
  const SharedWeights w = make_weights(8, 8, 3, 1, 1, 128, 1, 25.0, 1);
  write_shared_weights(path, w, false);
  const auto bytes = file_bytes(path);
  REQUIRE(bytes.size() == 99432);
  CHECK(i32_at(bytes, 0) == 104);
  CHECK(i32_at(bytes, 4) == 26);
  CHECK(i32_at(bytes, 8) == 5);
  CHECK(i32_at(bytes, 20) == 128);        // nf: kernels
  CHECK(i32_at(bytes, 24) == 1);          // numrecords: arbors
  CHECK(i32_at(bytes, 28) == 128 * 776);  // recordsize: bytes of one arbor, as the pvtools readers expect
  CHECK(i32_at(bytes, 32) == 4);
  CHECK(i32_at(bytes, 36) == 3);
  CHECK(i32_at(bytes, 68) == 1);  // nbands: arbors
  CHECK(f64_at(bytes, 72) == 25.0);
  CHECK(i32_at(bytes, 80) == 8);
  CHECK(i32_at(bytes, 84) == 8);
  CHECK(i32_at(bytes, 88) == 3);
  CHECK(f32_at(bytes, 92) == *std::min_element(w.values.begin(), w.values.end()));
  CHECK(f32_at(bytes, 96) == *std::max_element(w.values.begin(), w.values.end()));
  CHECK(i32_at(bytes, 100) == 128);  // numpatches: kernels per arbor
  // Kernel 5's patch header and its value (y=2, x=3, f=1).
  const std::size_t patch5 = 104 + 5 * (8 + 192 * 4);
  CHECK(u16_at(bytes, patch5) == 8);
  CHECK(u16_at(bytes, patch5 + 2) == 8);
  CHECK(u32_at(bytes, patch5 + 4) == 0);
  CHECK(f32_at(bytes, patch5 + 8 + 4 * ((2 * 8 + 3) * 3 + 1)) == w.values[5 * 192 + (2 * 8 + 3) * 3 + 1]);

  const SharedWeights back = read_shared_weights(path);
  check_same_shape(back, w);
  CHECK(back.values == w.values);
  CHECK(count_weight_frames(path) == 1);
}

TEST_CASE("several weight frames and arbors, each frame with its own header", "[pvp][weights]") {
  TempDir dir;
  const auto path = dir / "frames.pvp";
  std::vector<SharedWeights> frames;
  for (int f = 0; f < 3; ++f) frames.push_back(make_weights(3, 5, 2, 2, 2, 4, 2, 10.0 * f, f));
  for (int f = 0; f < 3; ++f) write_shared_weights(path, frames[f], f > 0);
  const std::size_t frame_bytes = 104 + 2 * 16 * (8 + 30 * 4);
  const auto bytes = file_bytes(path);
  REQUIRE(bytes.size() == 3 * frame_bytes);
  CHECK(f64_at(bytes, frame_bytes + 72) == 10.0);  // frame 1 header time
  CHECK(i32_at(bytes, 2 * frame_bytes) == 104);
  CHECK(count_weight_frames(path) == 3);
  for (int f = 0; f < 3; ++f) {
    const SharedWeights back = read_shared_weights(path, f);
    check_same_shape(back, frames[f]);
    CHECK(back.values == frames[f].values);
  }
  CHECK_THAT(io_error_message([&] { read_shared_weights(path, 3); }), Contains("has 3 weight frames"));
  // OpenPV's negative frame numbers count from the end and wrap: -1 is frame 2, -3 frame 0, -4 frame 2 again.
  CHECK(read_shared_weights(path, -1).values == frames[2].values);
  CHECK(read_shared_weights(path, -3).values == frames[0].values);
  CHECK(read_shared_weights(path, -4).values == frames[2].values);
}

TEST_CASE("compressed weights: one byte each, within half a step of (wMax - wMin)/255", "[pvp][weights]") {
  TempDir dir;
  const auto path = dir / "c.pvp";
  const SharedWeights w = make_weights(4, 4, 3, 1, 1, 6, 2, 3.0, 2);
  write_shared_weights(path, w, false, true);
  const auto bytes = file_bytes(path);
  CHECK(bytes.size() == std::size_t(104 + 2 * 6 * (8 + 48)));
  CHECK(i32_at(bytes, 32) == 1);  // datasize
  CHECK(i32_at(bytes, 36) == 1);  // datatype: bytes
  const float lo = *std::min_element(w.values.begin(), w.values.end());
  const float hi = *std::max_element(w.values.begin(), w.values.end());
  CHECK(bytes[104 + 8] == compress_weight(w.values[0], lo, hi));

  const SharedWeights back = read_shared_weights(path);
  check_same_shape(back, w);
  // Rounding to the nearest of 256 levels errs by at most half a level; the factor covers float rounding in the
  // scaling, a few ulps of the step.
  const float tolerance = (hi - lo) / 255.0f / 2.0f * 1.0001f;
  for (std::size_t i = 0; i < w.values.size(); ++i) CHECK(std::fabs(back.values[i] - w.values[i]) <= tolerance);
  CHECK(*std::min_element(back.values.begin(), back.values.end()) == lo);  // the extremes decode exactly
  CHECK(std::fabs(*std::max_element(back.values.begin(), back.values.end()) - hi) <= 1e-6f * std::fabs(hi - lo));
}

TEST_CASE("compression rounds to the nearest level as OpenPV does", "[pvp][weights]") {
  CHECK(compress_weight(0.0f, 0.0f, 255.0f) == 0);
  CHECK(compress_weight(1.49f, 0.0f, 255.0f) == 1);
  CHECK(compress_weight(1.51f, 0.0f, 255.0f) == 2);
  CHECK(compress_weight(255.0f, 0.0f, 255.0f) == 255);
  CHECK(compress_weight(-1.0f, -1.0f, 1.0f) == 0);
  CHECK(compress_weight(1.0f, -1.0f, 1.0f) == 255);
  CHECK(compress_weight(0.5f, 0.5f, 0.5f) == 0);  // all weights equal: every byte decodes to wMin
  CHECK(decompress_weight(0, 0.5f, 0.5f) == 0.5f);
  CHECK(decompress_weight(255, -1.0f, 1.0f) == 1.0f);
  CHECK(decompress_weight(51, 0.0f, 255.0f) == Approx(51.0f));
}

TEST_CASE("truncated weight files are rejected with path and offset", "[pvp][weights][errors]") {
  TempDir dir;
  const auto path = dir / "w.pvp";
  write_shared_weights(path, make_weights(3, 3, 2, 1, 1, 4, 1, 0.0, 0), false);
  write_shared_weights(path, make_weights(3, 3, 2, 1, 1, 4, 1, 1.0, 1), true);
  const auto whole = file_bytes(path);
  const std::size_t frame = 104 + 4 * (8 + 18 * 4);
  REQUIRE(whole.size() == 2 * frame);
  const auto cut_path = dir / "cut.pvp";
  for (std::size_t cut : {std::size_t(0), std::size_t(50), std::size_t(103), std::size_t(104), frame - 1, frame + 1,
                          frame + 104, 2 * frame - 1}) {
    write_bytes(cut_path, {whole.begin(), whole.begin() + std::ptrdiff_t(cut)});
    for (int which = 0; which < 2; ++which) {
      const std::string message = which == 0 ? io_error_message([&] { read_shared_weights(cut_path); })
                                             : io_error_message([&] { count_weight_frames(cut_path); });
      INFO("cut at " << cut << ": " << message);
      CHECK_THAT(message, Contains(cut_path.string()));
      CHECK_THAT(message, Contains("offset"));
    }
  }
  write_bytes(cut_path, {whole.begin(), whole.begin() + std::ptrdiff_t(frame + 10)});
  CHECK_THAT(io_error_message([&] { count_weight_frames(cut_path); }),
             Contains("truncated: weight frame 1 needs " + std::to_string(frame) + " bytes at offset " +
                      std::to_string(frame)));
}

TEST_CASE("weight files with bad patch headers, mixed frames or type 3 are rejected", "[pvp][weights][errors]") {
  TempDir dir;
  const auto path = dir / "w.pvp";
  write_shared_weights(path, make_weights(3, 3, 2, 1, 1, 4, 1, 0.0, 0), false);
  const auto good = file_bytes(path);

  SECTION("patch header") {
    auto bytes = good;
    const std::size_t patch2 = 104 + 2 * (8 + 18 * 4);
    bytes[patch2] = 2;
    write_bytes(path, bytes);
    CHECK_THAT(io_error_message([&] { read_shared_weights(path); }),
               Contains("kernel 2") && Contains("(byte offset " + std::to_string(patch2) + ")"));
  }
  SECTION("a second frame of another shape") {
    auto bytes = good;
    bytes.insert(bytes.end(), good.begin(), good.end());
    put_i32_at(bytes, good.size() + 84, 4);  // nyp of frame 1
    put_i32_at(bytes, good.size() + 28, 0);  // recordsize 0 keeps frame 1's header valid on its own
    write_bytes(path, bytes);
    CHECK_THAT(io_error_message([&] { count_weight_frames(path); }),
               Contains("nyp 4") && Contains("(byte offset " + std::to_string(good.size() + 84) + ")"));
  }
  SECTION("appending another shape") {
    CHECK_THAT(io_error_message([&] { write_shared_weights(path, make_weights(5, 5, 2, 1, 1, 4, 1, 0.0, 0), true); }),
               Contains("nxp 5"));
    CHECK_THAT(
        io_error_message([&] { write_shared_weights(path, make_weights(3, 3, 2, 1, 1, 4, 1, 0.0, 0), true, true); }),
        Contains("cannot append compressed"));
  }
  SECTION("non-shared weights") {
    auto bytes = good;
    put_i32_at(bytes, 8, 3);
    write_bytes(path, bytes);
    CHECK_THAT(io_error_message([&] { read_shared_weights(path); }), Contains("sharedWeights = false"));
  }
  SECTION("numpatches") {
    auto bytes = good;
    put_i32_at(bytes, 100, 8);
    write_bytes(path, bytes);
    CHECK_THAT(io_error_message([&] { read_shared_weights(path); }),
               Contains("numpatches is 8") && Contains("(byte offset 100)"));
  }
  SECTION("an activity file") {
    PvpActivityFileWriter a(path, PvpType::Dense, 2, 2, 1, 1);
    a.close();
    CHECK_THAT(io_error_message([&] { read_shared_weights(path); }), Contains("not a shared-weight file"));
  }
}

TEST_CASE("an older OpenPV header with the pre layer's nx and ny and numpatches = nf reads as a 1 x 1 x nf cell",
          "[pvp][weights]") {
  TempDir dir;
  const auto path = dir / "w.pvp";
  const SharedWeights w = make_weights(3, 3, 1, 1, 1, 2, 1, 0.0, 4);
  write_shared_weights(path, w, false);
  auto bytes = file_bytes(path);
  REQUIRE(i32_at(bytes, 100) == 2);  // numpatches: nf = 2 kernels
  put_i32_at(bytes, 12, 2);          // nx and ny of a 2 x 2 pre layer, as older writers put them
  put_i32_at(bytes, 16, 2);
  write_bytes(path, bytes);
  const SharedWeights r = read_shared_weights(path);
  check_same_shape(w, r);
  CHECK(r.values == w.values);
  SECTION("numpatches that is neither nx*ny*nf nor nf is still refused") {
    put_i32_at(bytes, 100, 3);
    write_bytes(path, bytes);
    CHECK_THAT(io_error_message([&] { read_shared_weights(path); }), Contains("numpatches is 3"));
  }
}

TEST_CASE("writing weights whose values do not fit their sizes is a GeometryError", "[pvp][weights][errors]") {
  TempDir dir;
  SharedWeights w = make_weights(3, 3, 2, 1, 1, 4, 1, 0.0, 0);
  w.values.pop_back();
  CHECK_THROWS_AS(write_shared_weights(dir / "w.pvp", w, false), GeometryError);
}
