// core/checkpoint: the entry registry's file formats and round trips, its refusals (naming the file) of truncated,
// resized or foreign files, the checkpoint directory's manifest (CRC-64/XZ of each file), verification, the
// write-to-NAME.tmp-then-rename protocol, finding the newest complete checkpoint, pruning, staging on one process and
// the write trigger. Expected values are the test's own literal data (and the published CRC-64/XZ check value).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/checkpoint/checkpoint_staging.hpp"
#include "core/checkpoint/checkpoint_store.hpp"
#include "core/checkpoint/checkpoint_trigger.hpp"
#include "core/checkpoint/crc64.hpp"
#include "core/column_params.hpp"
#include "core/comm/communicator.hpp"
#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
namespace fs = std::filesystem;

namespace {

std::vector<unsigned char> bytes_of(const fs::path& p) {
  const std::string s = test::read_file(p);
  return {s.begin(), s.end()};
}

void write_bytes(const fs::path& p, const std::vector<unsigned char>& b) {
  test::write_file(p, std::string(b.begin(), b.end()));
}

// The IoError a call throws (its message and path), or fails the test.
template <class F>
IoError io_error_of(F&& f) {
  try {
    f();
  } catch (const IoError& e) {
    return e;
  }
  FAIL("no IoError was thrown");
  throw std::logic_error("unreachable");
}

// Writes every entry of `r` into a checkpoint directory at `dir` (as the column does on one process).
void write_entries(const CheckpointRegistry& r, const fs::path& dir) {
  write_checkpoint_directory(dir, [&](const fs::path& tmp) {
    for (const auto& e : r.entries()) e.write(tmp / e.file);
  });
}

void read_entries(const CheckpointRegistry& r, const fs::path& dir) {
  for (const auto& e : r.entries()) e.read(dir / e.file);
}

}  // namespace

TEST_CASE("CRC-64/XZ gives the catalogue's check value and hashes files", "[checkpoint]") {
  // The CRC catalogue's check value of CRC-64/XZ: the CRC of the nine ASCII bytes "123456789" is 0x995dc9bbdf1939fa.
  Crc64 whole;
  whole.update("123456789", 9);
  CHECK(whole.value() == 0x995dc9bbdf1939faull);
  CHECK(crc_hex(whole.value()) == "995dc9bbdf1939fa");
  // In pieces: the same.
  Crc64 parts;
  parts.update("1234", 4);
  parts.update("", 0);
  parts.update("56789", 5);
  CHECK(parts.value() == 0x995dc9bbdf1939faull);
  // Nothing hashed: 0 (init and final xor cancel); 16 digits, zero-padded.
  CHECK(Crc64().value() == 0);
  CHECK(crc_hex(0x1f) == "000000000000001f");

  test::TempDir dir;
  test::write_file(dir / "check", "123456789");
  const FileDigest d = digest_file(dir / "check");
  CHECK(d.size == 9);
  CHECK(d.crc == 0x995dc9bbdf1939faull);
  const IoError e = io_error_of([&] { digest_file(dir / "absent"); });
  CHECK(e.path() == (dir / "absent").string());
}

TEST_CASE("registry entries are named per object and round-trip through a checkpoint directory", "[checkpoint]") {
  test::TempDir dir;
  std::vector<float> v = {1.5f, -2.0f};
  std::vector<double> times = {0.25, 1e300};
  long step = 42;
  double time = 7.5;
  std::vector<Halo> counts = {{1, 2, 3, 4}, {-1, 0, 5, 1 << 30}};

  CheckpointRegistry r;
  r.begin_object("Code");
  r.add_floats("V", v, EntryKind::Warm);
  r.add_doubles("times", times, EntryKind::Run);
  r.add_value("step", step, EntryKind::Run);
  r.add_pod_vector("counts", counts, EntryKind::Warm);
  r.begin_object("");
  r.add_value("time", time, EntryKind::Run);

  REQUIRE(r.entries().size() == 5);
  const std::vector<std::string> files = {"Code_V", "Code_times", "Code_step", "Code_counts", "time"};
  const std::vector<EntryKind> kinds = {EntryKind::Warm, EntryKind::Run, EntryKind::Run, EntryKind::Warm,
                                        EntryKind::Run};
  for (std::size_t i = 0; i < files.size(); ++i) {
    CHECK(r.entries()[i].file == files[i]);
    CHECK(r.entries()[i].kind == kinds[i]);
    CHECK(r.entries()[i].object == (i < 4 ? "Code" : ""));
  }

  const fs::path ckpt = dir / "Checkpoint3";
  write_entries(r, ckpt);
  REQUIRE_NOTHROW(verify_checkpoint_directory(ckpt));

  // The array format: "SPVA", element size (u32 LE), count (u64 LE), then the elements little-endian.
  // 1.5f = 0x3fc00000, -2.0f = 0xc0000000.
  CHECK(bytes_of(ckpt / "Code_V") == std::vector<unsigned char>{'S', 'P', 'V', 'A', 4, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
                                                                0, 0, 0xc0, 0x3f, 0, 0, 0, 0xc0});
  // A value is its bytes: 8 of them for a double (7.5 = 0x401e000000000000).
  CHECK(bytes_of(ckpt / "time") == std::vector<unsigned char>{0, 0, 0, 0, 0, 0, 0x1e, 0x40});
  // A POD vector: "SPVR", element size 16 (four ints), count 2, the raw elements; 16 + 32 bytes.
  const std::vector<unsigned char> raw = bytes_of(ckpt / "Code_counts");
  REQUIRE(raw.size() == 48);
  CHECK(std::memcmp(raw.data(), "SPVR\x10\0\0\0\x02\0\0\0\0\0\0\0", 16) == 0);
  CHECK(std::memcmp(raw.data() + 16, "\x01\0\0\0\x02\0\0\0\x03\0\0\0\x04\0\0\0", 16) == 0);

  // Change everything, read it back: the literal values return.
  v = {0, 0};
  times = {0, 0};
  step = 0;
  time = 0;
  counts = {{}, {}};
  read_entries(r, ckpt);
  CHECK(v == std::vector<float>{1.5f, -2.0f});
  CHECK(times == std::vector<double>{0.25, 1e300});
  CHECK(step == 42);
  CHECK(time == 7.5);
  CHECK(counts == std::vector<Halo>{{1, 2, 3, 4}, {-1, 0, 5, 1 << 30}});
}

TEST_CASE("add_pod_vector takes element types of any namespace", "[checkpoint]") {
  test::TempDir dir;
  std::vector<std::int64_t> integers = {-3, 0, std::int64_t(1) << 40};
  CheckpointRegistry r;
  r.begin_object("Conn");
  r.add_pod_vector("dw", integers, EntryKind::Run);
  REQUIRE(r.entries().size() == 1);
  const fs::path file = dir / r.entries()[0].file;
  r.entries()[0].write(file);
  // "SPVR", the element size (4 bytes), the count (8 bytes), then 3 x 8 bytes of values.
  CHECK(fs::file_size(file) == 4 + 4 + 8 + 3 * 8);
  integers.assign(3, 7);
  r.entries()[0].read(file);
  CHECK(integers == std::vector<std::int64_t>{-3, 0, std::int64_t(1) << 40});
}

TEST_CASE("a layer entry is a dense PVP of the extended layer and reads back", "[checkpoint]") {
  test::TempDir dir;
  // 2 x 1 x 1, nbatch 2, halo 1 on the left: 3 extended values per batch element, two levels (V-like and a delay).
  LayerGeometry g;
  g.nx = g.nx_global = 2;
  g.ny = g.ny_global = 1;
  g.nf = 1;
  g.nbatch = g.nbatch_global = 2;
  const Halo h{1, 0, 0, 0};
  std::vector<float> level0 = {9, 1, 2, /* batch 1 */ 8, 3, 4}, level1 = {7, 5, 6, /* batch 1 */ 0.5f, -1, -2};
  CheckpointRegistry r;
  r.begin_object("L");
  r.add_layer_pvp("A", [&] { return std::vector<std::vector<float>*>{&level0, &level1}; }, g, h, EntryKind::Warm);
  REQUIRE(r.entries().size() == 1);
  CHECK(r.entries()[0].file == "L_A.pvp");
  REQUIRE(r.entries()[0].gather);

  const fs::path ckpt = dir / "Checkpoint1";
  write_entries(r, ckpt);
  // levels x global batch = 4 frames of 3 x 1 x 1, level-major.
  const ActivityFile f = read_activity_file(ckpt / "L_A.pvp");
  CHECK(f.header.nx == 3);
  CHECK(f.header.ny == 1);
  CHECK(f.header.nf == 1);
  REQUIRE(f.frames.size() == 4);
  CHECK(f.frames[0].values == std::vector<float>{9, 1, 2});
  CHECK(f.frames[1].values == std::vector<float>{8, 3, 4});
  CHECK(f.frames[2].values == std::vector<float>{7, 5, 6});
  CHECK(f.frames[3].values == std::vector<float>{0.5f, -1, -2});

  level0.assign(6, 0.0f);
  level1.assign(6, 0.0f);
  read_entries(r, ckpt);
  CHECK(level0 == std::vector<float>{9, 1, 2, 8, 3, 4});
  CHECK(level1 == std::vector<float>{7, 5, 6, 0.5f, -1, -2});

  // A run with another layer size is refused, naming the file and both sizes.
  LayerGeometry wider = g;
  wider.nx = wider.nx_global = 3;
  std::vector<float> w0(8), w1(8);
  CheckpointRegistry r2;
  r2.begin_object("L");
  r2.add_layer_pvp("A", [&] { return std::vector<std::vector<float>*>{&w0, &w1}; }, wider, h, EntryKind::Warm);
  const IoError e = io_error_of([&] { read_entries(r2, ckpt); });
  CHECK(e.path() == (ckpt / "L_A.pvp").string());
  CHECK_THAT(std::string(e.what()), Catch::Contains("L_A.pvp") && Catch::Contains("4 frames of 3x1x1") &&
                                        Catch::Contains("4 of 4x1x1"));
}

TEST_CASE("entry files that are truncated, resized, foreign or missing are refused, naming the file",
          "[checkpoint]") {
  test::TempDir dir;
  std::vector<float> v = {1.5f, -2.0f};
  double time = 7.5;
  std::vector<Halo> counts = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
  CheckpointRegistry r;
  r.begin_object("Code");
  r.add_floats("V", v, EntryKind::Warm);
  r.add_value("time", time, EntryKind::Run);
  r.add_pod_vector("counts", counts, EntryKind::Warm);
  const fs::path d = dir / "c";
  fs::create_directories(d);
  for (const auto& e : r.entries()) e.write(d / e.file);
  const auto& read_v = r.entries()[0].read;
  const auto& read_time = r.entries()[1].read;
  const auto& read_counts = r.entries()[2].read;
  const std::vector<unsigned char> good_v = bytes_of(d / "Code_V");
  REQUIRE(good_v.size() == 24);

  SECTION("an array cut short") {
    write_bytes(d / "Code_V", {good_v.begin(), good_v.end() - 2});
    const IoError e = io_error_of([&] { read_v(d / "Code_V"); });
    CHECK(e.path() == (d / "Code_V").string());
    CHECK_THAT(std::string(e.what()),
               Catch::Contains("Code_V") && Catch::Contains("truncated: 22 bytes") && Catch::Contains("need 24"));
  }
  SECTION("an array whose header is cut") {
    write_bytes(d / "Code_V", {good_v.begin(), good_v.begin() + 10});
    CHECK_THAT(std::string(io_error_of([&] { read_v(d / "Code_V"); }).what()),
               Catch::Contains("Code_V") && Catch::Contains("no SPVA header"));
  }
  SECTION("an array of another length (the object changed size)") {
    std::vector<float> three(3);
    CheckpointRegistry other;
    other.begin_object("Code");
    other.add_floats("V", three, EntryKind::Warm);
    CHECK_THAT(std::string(io_error_of([&] { other.entries()[0].read(d / "Code_V"); }).what()),
               Catch::Contains("Code_V") && Catch::Contains("holds 2 values") && Catch::Contains("has 3"));
  }
  SECTION("an array of doubles read as floats") {
    std::vector<double> two = {1, 2};
    CheckpointRegistry other;
    other.add_doubles("D", two, EntryKind::Run);
    other.entries()[0].write(d / "D");
    CHECK_THAT(std::string(io_error_of([&] { read_v(d / "D"); }).what()),
               Catch::Contains("elements of 8 bytes, expected 4"));
  }
  SECTION("a value file of the wrong size") {
    write_bytes(d / "Code_time", {1, 2, 3});
    const IoError e = io_error_of([&] { read_time(d / "Code_time"); });
    CHECK(e.path() == (d / "Code_time").string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("holds 3 bytes; this run needs 8"));
    CHECK(time == 7.5);  // untouched
  }
  SECTION("a raw array cut short, or of another count") {
    std::vector<unsigned char> good = bytes_of(d / "Code_counts");
    REQUIRE(good.size() == 16 + 3 * 16);
    write_bytes(d / "Code_counts", {good.begin(), good.end() - 1});
    CHECK_THAT(std::string(io_error_of([&] { read_counts(d / "Code_counts"); }).what()),
               Catch::Contains("Code_counts") && Catch::Contains("truncated: 63 bytes, expected 64"));
    good[8] = 4;  // count 4
    write_bytes(d / "Code_counts", good);
    CHECK_THAT(std::string(io_error_of([&] { read_counts(d / "Code_counts"); }).what()),
               Catch::Contains("holds 4 elements of 16 bytes") && Catch::Contains("has 3 of 16"));
    CHECK(counts == std::vector<Halo>{{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
  }
  SECTION("a missing file") {
    CHECK_THAT(std::string(io_error_of([&] { read_v(d / "absent"); }).what()),
               Catch::Contains("absent") && Catch::Contains("no such file"));
  }
  CHECK(v == std::vector<float>{1.5f, -2.0f});  // no refused read changed the object
}

TEST_CASE("a checkpoint directory's manifest lists every file's CRC-64 and size", "[checkpoint]") {
  test::TempDir dir;
  const fs::path ckpt = dir / "Checkpoint5";
  fs::path seen_tmp;
  bool target_existed_during_fill = true;
  write_checkpoint_directory(ckpt, [&](const fs::path& tmp) {
    seen_tmp = tmp;
    target_existed_during_fill = fs::exists(ckpt);
    test::write_file(tmp / "b", "");
    test::write_file(tmp / "a", "123456789");
  });
  // fill wrote into Checkpoint5.tmp, and the checkpoint appeared only afterwards, under its own name.
  CHECK(seen_tmp == fs::path(ckpt.string() + ".tmp"));
  CHECK_FALSE(target_existed_during_fill);
  CHECK_FALSE(fs::exists(seen_tmp));
  CHECK_FALSE(fs::exists(ckpt.string() + ".old"));
  // Sorted by name; "crc size name"; the empty file's CRC is 0; the count at the end.
  CHECK(test::read_file(ckpt / checkpoint_manifest_name) ==
        "sparsepv checkpoint manifest 1\n"
        "995dc9bbdf1939fa 9 a\n"
        "0000000000000000 0 b\n"
        "end 2\n");
  REQUIRE_NOTHROW(verify_checkpoint_directory(ckpt));
  REQUIRE_NOTHROW(verify_checkpoint_directory(ckpt, nullptr));
}

TEST_CASE("verification refuses incomplete or damaged checkpoints, naming the file", "[checkpoint]") {
  test::TempDir dir;
  const fs::path ckpt = dir / "Checkpoint5";
  write_checkpoint_directory(ckpt, [&](const fs::path& tmp) {
    test::write_file(tmp / "a", "123456789");
    test::write_file(tmp / "b", "xyz");
  });
  const fs::path manifest = ckpt / checkpoint_manifest_name;
  auto refusal = [&] { return io_error_of([&] { verify_checkpoint_directory(ckpt); }); };

  SECTION("a truncated file") {
    test::write_file(ckpt / "a", "12345");
    const IoError e = refusal();
    CHECK(e.path() == (ckpt / "a").string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("truncated or changed: 5 bytes, the manifest says 9"));
  }
  SECTION("a manifest naming a file outside the directory") {
    test::write_file(dir / "outside", "123456789");
    test::write_file(manifest, "sparsepv checkpoint manifest 1\n995dc9bbdf1939fa 9 ../outside\nend 1\n");
    const IoError e = refusal();
    CHECK(e.path() == manifest.string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("names \"../outside\", which is not a file of the checkpoint"));
  }
  SECTION("a corrupt file of the right size") {
    test::write_file(ckpt / "a", "123456780");
    const IoError e = refusal();
    CHECK(e.path() == (ckpt / "a").string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("checksum mismatch") && Catch::Contains("995dc9bbdf1939fa"));
  }
  SECTION("a listed file missing") {
    fs::remove(ckpt / "b");
    const IoError e = refusal();
    CHECK(e.path() == (ckpt / "b").string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("listed in the manifest but missing"));
  }
  SECTION("no manifest (the writer stopped before the end)") {
    fs::remove(manifest);
    const IoError e = refusal();
    CHECK(e.path() == manifest.string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("missing manifest"));
  }
  SECTION("a manifest without its end line") {
    test::write_file(manifest, "sparsepv checkpoint manifest 1\n995dc9bbdf1939fa 9 a\n");
    CHECK_THAT(std::string(refusal().what()), Catch::Contains(manifest.string()) &&
                                                  Catch::Contains("truncated manifest"));
  }
  SECTION("a manifest whose count disagrees") {
    test::write_file(manifest, "sparsepv checkpoint manifest 1\n995dc9bbdf1939fa 9 a\nend 2\n");
    CHECK_THAT(std::string(refusal().what()), Catch::Contains("lists 1 files but ends with end 2"));
  }
  SECTION("a malformed manifest line") {
    test::write_file(manifest, "sparsepv checkpoint manifest 1\nnonsense\nend 1\n");
    CHECK_THAT(std::string(refusal().what()), Catch::Contains("malformed line \"nonsense\""));
  }
  SECTION("another file in place of the manifest") {
    test::write_file(manifest, "PK\x03\x04");
    CHECK_THAT(std::string(refusal().what()), Catch::Contains("is not a sparsepv checkpoint manifest"));
  }
  SECTION("no directory at all") {
    const IoError e = io_error_of([&] { verify_checkpoint_directory(dir / "Checkpoint6"); });
    CHECK(e.path() == (dir / "Checkpoint6").string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("no such checkpoint directory"));
  }
}

TEST_CASE("rewriting a checkpoint replaces it only once the new one is complete", "[checkpoint]") {
  test::TempDir dir;
  const fs::path ckpt = dir / "Checkpoint1";
  write_checkpoint_directory(ckpt, [](const fs::path& tmp) { test::write_file(tmp / "state", "first"); });

  SECTION("a failing fill leaves the previous checkpoint as it was") {
    CHECK_THROWS_AS(write_checkpoint_directory(ckpt,
                                               [](const fs::path& tmp) {
                                                 test::write_file(tmp / "state", "sec");
                                                 throw std::runtime_error("disk full");
                                               }),
                    std::runtime_error);
    CHECK_NOTHROW(verify_checkpoint_directory(ckpt));
    CHECK(test::read_file(ckpt / "state") == "first");
  }
  SECTION("a complete rewrite replaces every file, leaving no .tmp or .old behind") {
    write_checkpoint_directory(ckpt, [](const fs::path& tmp) { test::write_file(tmp / "other", "second"); });
    CHECK_NOTHROW(verify_checkpoint_directory(ckpt));
    CHECK_FALSE(fs::exists(ckpt / "state"));
    CHECK(test::read_file(ckpt / "other") == "second");
    CHECK_FALSE(fs::exists(ckpt.string() + ".tmp"));
    CHECK_FALSE(fs::exists(ckpt.string() + ".old"));
  }
  SECTION("a stale .tmp of an interrupted write is discarded, not merged") {
    fs::create_directories(ckpt.string() + ".tmp");
    test::write_file(fs::path(ckpt.string() + ".tmp") / "stale", "left by a killed run");
    write_checkpoint_directory(ckpt, [](const fs::path& tmp) { test::write_file(tmp / "state", "third"); });
    CHECK_FALSE(fs::exists(ckpt / "stale"));
    CHECK(test::read_file(ckpt / "state") == "third");
    CHECK_NOTHROW(verify_checkpoint_directory(ckpt));
  }
}

TEST_CASE("checkpoints are found by step, newest complete first, and pruned", "[checkpoint]") {
  CHECK(checkpoint_step("Checkpoint0012") == 12);
  CHECK(checkpoint_step("/some/dir/Checkpoint7") == 7);
  CHECK_FALSE(checkpoint_step("Checkpoint"));
  CHECK_FALSE(checkpoint_step("Checkpoint12.tmp"));
  CHECK_FALSE(checkpoint_step("Checkpoint12.old"));
  CHECK_FALSE(checkpoint_step("checkpoint12"));
  CHECK_FALSE(checkpoint_step("Checkpoint-3"));

  test::TempDir dir;
  const auto complete = [](const fs::path& p) {
    write_checkpoint_directory(p, [](const fs::path& tmp) { test::write_file(tmp / "x", "x"); });
  };
  complete(dir / "Checkpoint2");
  complete(dir / "Checkpoint10");
  complete(dir / "Checkpoint9");
  fs::create_directories(dir / "Checkpoint7.tmp");
  fs::create_directories(dir / "Other");
  test::write_file(dir / "Checkpoint3", "a file, not a directory");

  // Numeric order (10 before 9 before 2), not name order; only directories named Checkpoint<digits>.
  CHECK(list_checkpoints(dir.path()) ==
        std::vector<fs::path>{dir / "Checkpoint10", dir / "Checkpoint9", dir / "Checkpoint2"});
  CHECK(list_checkpoints(dir / "absent").empty());

  SECTION("the newest complete one, skipping incomplete newer ones with a note") {
    fs::remove(dir / "Checkpoint10" / checkpoint_manifest_name);  // killed before the manifest
    test::write_file(dir / "Checkpoint9" / "x", "y");            // damaged afterwards
    std::vector<std::string> skipped;
    CHECK(newest_complete_checkpoint(dir.path(), &skipped) == dir / "Checkpoint2");
    REQUIRE(skipped.size() == 2);
    CHECK_THAT(skipped[0], Catch::Contains("Checkpoint10") && Catch::Contains("missing manifest"));
    CHECK_THAT(skipped[1], Catch::Contains("Checkpoint9") && Catch::Contains("checksum mismatch"));
    CHECK(newest_complete_checkpoint(dir.path(), nullptr, nullptr) == dir / "Checkpoint2");

    fs::remove(dir / "Checkpoint2" / "x");
    const IoError e = io_error_of([&] { newest_complete_checkpoint(dir.path()); });
    CHECK(e.path() == dir.path().string());
    CHECK_THAT(std::string(e.what()), Catch::Contains("no complete checkpoint"));
  }
  SECTION("pruning keeps the newest `keep`") {
    prune_checkpoints(dir.path(), 2);
    CHECK(list_checkpoints(dir.path()) == std::vector<fs::path>{dir / "Checkpoint10", dir / "Checkpoint9"});
    CHECK_FALSE(fs::exists(dir / "Checkpoint2.old"));
    CHECK(fs::exists(dir / "Other"));
    CHECK(fs::is_regular_file(dir / "Checkpoint3"));
    prune_checkpoints(dir.path(), 0);
    CHECK(list_checkpoints(dir.path()).empty());
  }
}

TEST_CASE("on one process a staged checkpoint is the directory itself", "[checkpoint]") {
  test::TempDir dir;
  const fs::path ckpt = dir / "Checkpoint4";
  write_checkpoint_directory(ckpt, [](const fs::path& tmp) { test::write_file(tmp / "f", "abc"); });
  LocalCommunicator comm;
  for (Communicator* c : {static_cast<Communicator*>(nullptr), static_cast<Communicator*>(&comm)}) {
    const StagedCheckpoint staged(ckpt, c);
    CHECK(staged.path() == ckpt);
    CHECK_NOTHROW(verify_checkpoint_directory(ckpt, c));
    CHECK(read_checkpoint_file(ckpt / "f", c) == std::vector<unsigned char>{'a', 'b', 'c'});
    CHECK(newest_complete_checkpoint(dir.path(), c) == ckpt);
  }
  CHECK(fs::exists(ckpt / "f"));  // staging never removes the real directory
}

TEST_CASE("the checkpoint trigger fires every N steps or every T of simulated time", "[checkpoint]") {
  ColumnParams p{};
  p.startTime = 0;
  p.checkpointWriteClockInterval = 1;
  p.checkpointWriteClockUnit = "seconds";

  SECTION("step mode: every 3rd step") {
    p.checkpointWriteTriggerMode = "step";
    p.checkpointWriteStepInterval = 3;
    CheckpointTrigger t(p);
    std::vector<long> due;
    for (long s = 1; s <= 10; ++s)
      if (t.due(s, double(s), 1.0)) due.push_back(s);
    CHECK(due == std::vector<long>{3, 6, 9});
  }
  SECTION("time mode: every 2 time units at dt 1, and at dt 0.1 with a clock slightly behind") {
    p.checkpointWriteTriggerMode = "time";
    p.checkpointWriteTimeInterval = 2;
    CheckpointTrigger t(p);
    CHECK(t.next_time() == 2);
    std::vector<long> due;
    for (long s = 1; s <= 7; ++s)
      if (t.due(s, double(s), 1.0)) due.push_back(s);
    CHECK(due == std::vector<long>{2, 4, 6});
    CHECK(t.next_time() == 8);

    CheckpointTrigger fine(p);
    due.clear();
    for (long s = 1; s <= 45; ++s) {
      // A clock a hair behind (rounding accumulated over the steps): still the step that reaches t = 2, not the next.
      const double time = double(s) / 10 - 1e-9;
      if (fine.due(s, time, 0.1)) due.push_back(s);
    }
    CHECK(due == std::vector<long>{20, 40});
  }
  SECTION("clock mode: the interval counts from the end of the last write, so a slow write cannot chain them") {
    p.checkpointWriteTriggerMode = "clock";
    p.checkpointWriteClockInterval = 0.2;
    p.checkpointWriteClockUnit = "seconds";
    CheckpointTrigger t(p);
    CHECK_FALSE(t.due(1, 1, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    CHECK(t.due(2, 2, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // a write slower than the interval
    t.written();
    CHECK_FALSE(t.due(3, 3, 1));
  }
}
