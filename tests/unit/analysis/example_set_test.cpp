#include <catch2/catch.hpp>

#include <fstream>
#include <vector>

#include "analysis/example_set.hpp"
#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
using spv::test::TempDir;
using spv::test::write_file;

namespace {

// Frame i of a 2x1x3 layer: a few non-zero values that name the frame.
std::vector<float> frame_values(int i) { return {0, float(i) + 0.5f, 0, 0, 0, -float(i) - 1}; }

void write_frames(const std::filesystem::path& path, PvpType type, int frames) {
  PvpActivityFileWriter writer(path, type, 2, 1, 3, 1);
  for (int i = 0; i < frames; ++i) writer.write_frame(double(i), frame_values(i));
}

void write_labels(const std::filesystem::path& path, int count) {
  std::ofstream out(path);
  for (int i = 0; i < count; ++i) out << i % 3 << "\n";
}

}  // namespace

TEST_CASE("dense and sparse activity files give the same examples", "[examples]") {
  TempDir dir;
  write_frames(dir / "dense.pvp", PvpType::Dense, 4);
  write_frames(dir / "sparse.pvp", PvpType::SparseValues, 4);
  write_labels(dir / "labels.txt", 4);
  const ExampleSet dense = load_examples(dir / "dense.pvp", dir / "labels.txt", {});
  const ExampleSet sparse = load_examples(dir / "sparse.pvp", dir / "labels.txt", {});
  REQUIRE(dense.size() == 4);
  CHECK(dense.num_features == 6);
  CHECK(sparse.num_features == 6);
  CHECK(dense.index == sparse.index);
  CHECK(dense.value == sparse.value);
  CHECK(dense.row_start == sparse.row_start);
  CHECK(dense.labels == std::vector<int>{0, 1, 2, 0});
  // Zeros are left out: two entries per example.
  CHECK(dense.row_start == std::vector<std::size_t>{0, 2, 4, 6, 8});
  CHECK(dense.index[2] == 1);
  CHECK(dense.value[2] == 1.5);
  CHECK(dense.index[3] == 5);
  CHECK(dense.value[3] == -2.0);

  SECTION("an indices-only file gives ones") {
    write_frames(dir / "indices.pvp", PvpType::SparseIndices, 4);
    const ExampleSet ones = load_examples(dir / "indices.pvp", dir / "labels.txt", {});
    CHECK(ones.index == dense.index);
    CHECK(ones.value == std::vector<double>(8, 1.0));
  }
}

TEST_CASE("skip and frame-every pick the last frame of each group", "[examples]") {
  TempDir dir;
  // One leading frame, then 3 examples of 2 frames each: frames 2, 4, 6 are the examples.
  write_frames(dir / "codes.pvp", PvpType::SparseValues, 7);
  write_labels(dir / "labels.txt", 3);
  FrameMapping mapping;
  mapping.skip = 1;
  mapping.frames_per_example = 2;
  const ExampleSet set = load_examples(dir / "codes.pvp", dir / "labels.txt", mapping);
  REQUIRE(set.size() == 3);
  CHECK(set.value == std::vector<double>{2.5, -3, 4.5, -5, 6.5, -7});

  SECTION("a limit keeps the first examples") {
    write_labels(dir / "more.txt", 10);
    mapping.limit = 2;
    const ExampleSet first = load_examples(dir / "codes.pvp", dir / "more.txt", mapping);
    CHECK(first.size() == 2);
    CHECK(first.value == std::vector<double>{2.5, -3, 4.5, -5});
  }
}

TEST_CASE("frame and label counts that do not match are errors", "[examples]") {
  TempDir dir;
  write_frames(dir / "codes.pvp", PvpType::Dense, 5);
  write_labels(dir / "four.txt", 4);
  write_labels(dir / "six.txt", 6);
  CHECK_THROWS_WITH(load_examples(dir / "codes.pvp", dir / "four.txt", {}),
                    Catch::Contains("holds 5 examples") && Catch::Contains("holds 4 labels"));
  CHECK_THROWS_WITH(load_examples(dir / "codes.pvp", dir / "six.txt", {}), Catch::Contains("holds 6 labels"));
  // 5 frames with one skipped are 4 examples: that fits.
  CHECK(load_examples(dir / "codes.pvp", dir / "four.txt", {.skip = 1}).size() == 4);
  CHECK_THROWS_WITH(load_examples(dir / "codes.pvp", dir / "four.txt", {.frames_per_example = 2}),
                    Catch::Contains("whole examples"));
  CHECK_THROWS_WITH(load_examples(dir / "codes.pvp", dir / "six.txt", {.limit = 6}),
                    Catch::Contains("limit is 6"));
  CHECK_THROWS_WITH(load_examples(dir / "codes.pvp", dir / "four.txt", {.limit = 5}),
                    Catch::Contains("fewer than the limit"));
}

TEST_CASE("labels are one integer per line", "[examples]") {
  TempDir dir;
  write_file(dir / "good.txt", "3\n-1\n\n 7 \r\n");
  CHECK(read_labels(dir / "good.txt") == std::vector<int>{3, -1, 7});
  write_file(dir / "bad.txt", "3\n4.5\n");
  CHECK_THROWS_WITH(read_labels(dir / "bad.txt"), Catch::Contains("line 2"));
  CHECK_THROWS_AS(read_labels(dir / "missing.txt"), IoError);
}
