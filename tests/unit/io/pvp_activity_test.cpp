#include <catch2/catch.hpp>

#include <cmath>

#include "core/io/pvp_format.hpp"
#include "tests/unit/io/io_test_support.hpp"

using Catch::Matchers::Contains;
using namespace spv;
using namespace spv::test;

namespace {

// A frame with a recognisable value per (frame, neuron): every `stride`-th neuron is non-zero (the offset 7.125 keeps
// it off zero for every integer k), the others zero.
std::vector<float> pattern(int frame, std::size_t n, int stride = 1) {
  std::vector<float> v(n, 0.0f);
  for (std::size_t k = 0; k < n; k += stride) v[k] = float(frame) * 1000.0f + float(k) * 0.25f - 7.125f;
  return v;
}

void write_file(const std::filesystem::path& path, PvpType type, int nx, int ny, int nf, int nbatch, int frames,
                int stride) {
  PvpActivityFileWriter w(path, type, nx, ny, nf, nbatch);
  for (int i = 0; i < frames; ++i) w.write_frame(0.5 * (i + 1), pattern(i, std::size_t(nx) * ny * nf, stride));
  w.close();
}

// Cuts a valid file at several lengths; every cut must be an IoError naming the path and a byte offset.
void check_truncations(const std::filesystem::path& path) {
  const auto whole = file_bytes(path);
  const std::size_t n = whole.size();
  const std::size_t cuts[] = {0, 3, 40, 79, 80, 85, 93, n / 2, n - 5, n - 1};
  const auto cut_path = path.parent_path() / ("cut_" + path.filename().string());
  for (std::size_t cut : cuts) {
    write_bytes(cut_path, {whole.begin(), whole.begin() + std::ptrdiff_t(cut)});
    const std::string message = io_error_message([&] { read_activity_file(cut_path); });
    INFO("cut at " << cut << ": " << message);
    CHECK_THAT(message, Contains(cut_path.string()));
    CHECK_THAT(message, Contains("offset"));
    CHECK_THAT(message, Contains("truncated"));
  }
}

}  // namespace

TEST_CASE("dense 32x32x3 file with 4 frames is 49,264 bytes and reads back exactly", "[pvp][activity]") {
  TempDir dir;
  const auto path = dir / "dense.pvp";
  write_file(path, PvpType::Dense, 32, 32, 3, 1, 4, 1);
  const auto bytes = file_bytes(path);
  REQUIRE(bytes.size() == 49264);
  CHECK(i32_at(bytes, 28) == 3072);  // recordsize
  CHECK(i32_at(bytes, 68) == 4);     // nbands
  CHECK(f64_at(bytes, 72) == 0.5);   // header time is the first frame's
  // Frame 2 starts at 80 + 2 * (8 + 3072 * 4): its time, then value k = (y*nx + x)*nf + f.
  const std::size_t frame2 = 80 + 2 * (8 + 3072 * 4);
  CHECK(f64_at(bytes, frame2) == 1.5);
  CHECK(f32_at(bytes, frame2 + 8 + 4 * 100) == pattern(2, 3072)[100]);

  const ActivityFile file = read_activity_file(path);
  CHECK(file.header.nbands == 4);
  REQUIRE(file.frames.size() == 4);
  for (int i = 0; i < 4; ++i) {
    CHECK(file.frames[i].time == 0.5 * (i + 1));
    CHECK(file.frames[i].values == pattern(i, 3072));
  }
}

TEST_CASE("dense frames of several batch elements are interleaved per write", "[pvp][activity]") {
  TempDir dir;
  const auto path = dir / "batch.pvp";
  const int nbatch = 3, writes = 2;
  {
    PvpActivityFileWriter w(path, PvpType::Dense, 5, 4, 2, nbatch);
    for (int t = 0; t < writes; ++t)
      for (int b = 0; b < nbatch; ++b) w.write_frame(t + 1.0, pattern(10 * t + b, 40));
  }  // the destructor closes
  const ActivityFile file = read_activity_file(path);
  CHECK(file.header.nbatch == 3);
  REQUIRE(file.frames.size() == std::size_t(nbatch * writes));
  for (int t = 0; t < writes; ++t) {
    for (int b = 0; b < nbatch; ++b) {
      const ActivityFrame& f = file.frames[std::size_t(t * nbatch + b)];
      CHECK(f.time == t + 1.0);
      CHECK(f.values == pattern(10 * t + b, 40));
    }
  }
}

TEST_CASE("nbands counts the frames written so far, so an interrupted file stays readable", "[pvp][activity]") {
  TempDir dir;
  const auto path = dir / "live.pvp";
  PvpActivityFileWriter w(path, PvpType::SparseValues, 4, 4, 2, 1);
  CHECK(read_activity_file(path).frames.empty());
  for (int i = 0; i < 3; ++i) {
    w.write_frame(i + 2.0, pattern(i, 32, 3));
    const ActivityFile file = read_activity_file(path);  // read while the writer still has it open
    CHECK(file.header.nbands == i + 1);
    CHECK(file.header.time == 2.0);
    CHECK(w.frames_written() == i + 1);
  }
}

TEST_CASE("sparse index files keep the positions of non-zero values", "[pvp][activity]") {
  TempDir dir;
  const auto path = dir / "sparse.pvp";
  write_file(path, PvpType::SparseIndices, 6, 5, 4, 1, 3, 7);
  const auto bytes = file_bytes(path);
  // 120 neurons, every 7th non-zero: 18 indices per frame, 4 bytes each, after time and count.
  CHECK(bytes.size() == 80 + 3 * (8 + 4 + 18 * 4));
  CHECK(u32_at(bytes, 80 + 8) == 18);
  CHECK(i32_at(bytes, 80 + 12 + 4) == 7);
  const ActivityFile file = read_activity_file(path);
  REQUIRE(file.frames.size() == 3);
  for (int i = 0; i < 3; ++i) {
    const auto expected = pattern(i, 120, 7);
    for (std::size_t k = 0; k < 120; ++k) CHECK(file.frames[i].values[k] == (expected[k] != 0.0f ? 1.0f : 0.0f));
    CHECK(file.frames[i].time == 0.5 * (i + 1));
  }
}

TEST_CASE("sparse-with-values files keep index and value pairs", "[pvp][activity]") {
  TempDir dir;
  const auto path = dir / "values.pvp";
  write_file(path, PvpType::SparseValues, 16, 16, 128, 1, 2, 5);
  const auto bytes = file_bytes(path);
  const std::size_t count = (32768 + 4) / 5;
  CHECK(bytes.size() == 80 + 2 * (12 + count * 8));
  CHECK(i32_at(bytes, 32) == 8);           // datasize
  CHECK(u32_at(bytes, 80 + 8) == count);   // count of frame 0
  CHECK(i32_at(bytes, 80 + 12 + 8) == 5);  // second index
  CHECK(f32_at(bytes, 80 + 12 + 12) == pattern(0, 32768, 5)[5]);
  const ActivityFile file = read_activity_file(path);
  REQUIRE(file.frames.size() == 2);
  CHECK(file.frames[0].values == pattern(0, 32768, 5));
  CHECK(file.frames[1].values == pattern(1, 32768, 5));
}

TEST_CASE("an all-zero frame is an empty sparse frame", "[pvp][activity]") {
  TempDir dir;
  const auto path = dir / "empty.pvp";
  PvpActivityFileWriter w(path, PvpType::SparseValues, 3, 3, 1, 1);
  w.write_frame(1.0, std::vector<float>(9, 0.0f));
  w.close();
  CHECK(file_bytes(path).size() == 80 + 12);
  CHECK(read_activity_file(path).frames.at(0).values == std::vector<float>(9, 0.0f));
}

TEST_CASE("truncated activity files are rejected with path and offset", "[pvp][activity][errors]") {
  TempDir dir;
  SECTION("dense") {
    write_file(dir / "dense.pvp", PvpType::Dense, 8, 8, 3, 1, 4, 1);
    check_truncations(dir / "dense.pvp");
  }
  SECTION("sparse indices") {
    write_file(dir / "sparse.pvp", PvpType::SparseIndices, 8, 8, 3, 1, 4, 2);
    check_truncations(dir / "sparse.pvp");
  }
  SECTION("sparse values") {
    write_file(dir / "values.pvp", PvpType::SparseValues, 8, 8, 3, 1, 4, 2);
    check_truncations(dir / "values.pvp");
  }
}

TEST_CASE("the truncation message names the frame, its size and where it starts", "[pvp][activity][errors]") {
  TempDir dir;
  const auto path = dir / "dense.pvp";
  write_file(path, PvpType::Dense, 32, 32, 3, 1, 4, 1);
  auto bytes = file_bytes(path);
  bytes.resize(40000);
  write_bytes(path, bytes);
  const std::string message = io_error_message([&] { read_activity_file(path); });
  CHECK_THAT(message, Contains("truncated: frame 3 needs 12296 bytes at offset 36968 but the file ends at 40000"));
  CHECK_THAT(message, Contains("(byte offset 36968)"));
}

TEST_CASE("bytes beyond the frames nbands announces are rejected", "[pvp][activity][errors]") {
  TempDir dir;
  const auto path = dir / "long.pvp";
  write_file(path, PvpType::Dense, 4, 4, 1, 1, 2, 1);
  auto bytes = file_bytes(path);
  const std::size_t end = bytes.size();
  bytes.resize(end + 12, 0);
  write_bytes(path, bytes);
  CHECK_THAT(io_error_message([&] { read_activity_file(path); }),
             Contains("12 bytes follow") && Contains("(byte offset " + std::to_string(end) + ")"));
}

TEST_CASE("a sparse index outside the layer is rejected at its offset", "[pvp][activity][errors]") {
  TempDir dir;
  const auto path = dir / "badindex.pvp";
  write_file(path, PvpType::SparseIndices, 4, 4, 1, 1, 1, 4);
  auto bytes = file_bytes(path);
  put_i32_at(bytes, 80 + 12 + 4, 16);  // second index of frame 0; the layer has 16 neurons
  write_bytes(path, bytes);
  CHECK_THAT(io_error_message([&] { read_activity_file(path); }), Contains("index 16") && Contains("(byte offset 96)"));
}

TEST_CASE("a sparse count larger than the rest of the file is truncation", "[pvp][activity][errors]") {
  TempDir dir;
  const auto path = dir / "count.pvp";
  write_file(path, PvpType::SparseValues, 4, 4, 1, 1, 2, 4);
  auto bytes = file_bytes(path);
  put_i32_at(bytes, 80 + 8, 1000000);
  write_bytes(path, bytes);
  CHECK_THAT(io_error_message([&] { read_activity_file(path); }),
             Contains("frame 0 needs 8000012 bytes at offset 80") && Contains("count 1000000"));
}

TEST_CASE("writer rejects a frame of the wrong size and writes after close", "[pvp][activity][errors]") {
  TempDir dir;
  PvpActivityFileWriter w(dir / "w.pvp", PvpType::Dense, 2, 2, 1, 1);
  CHECK_THAT(io_error_message([&] { w.write_frame(1.0, std::vector<float>(5, 1.0f)); }), Contains("5 values"));
  w.close();
  CHECK_THAT(io_error_message([&] { w.write_frame(1.0, std::vector<float>(4, 1.0f)); }), Contains("after close"));
  CHECK_THAT(
      io_error_message([&] { PvpActivityFileWriter(dir / "no" / "such" / "dir.pvp", PvpType::Dense, 1, 1, 1, 1); }),
      Contains("cannot create"));
}

TEST_CASE("a weight file is not an activity file", "[pvp][activity][errors]") {
  TempDir dir;
  const auto path = dir / "w.pvp";
  SharedWeights w;
  w.nxp = w.nyp = w.nfp = 1;
  w.nf_kernel = 2;
  w.values = {1.0f, 2.0f};
  write_shared_weights(path, w, false);
  CHECK_THAT(io_error_message([&] { read_activity_file(path); }), Contains("not an activity file"));
}
