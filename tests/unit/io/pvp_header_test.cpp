#include <catch2/catch.hpp>

#include "core/io/pvp_format.hpp"
#include "tests/unit/io/io_test_support.hpp"

using Catch::Matchers::Contains;
using namespace spv;
using namespace spv::test;

namespace {

std::vector<unsigned char> dense_header_bytes() {
  PvpHeader h = PvpHeader::activity(PvpType::Dense, 32, 16, 3, 2);
  h.nbands = 7;
  h.time = 1.5;
  return encode_header(h);
}

}  // namespace

TEST_CASE("activity header fields sit at the documented byte offsets (docs/pvp-format.md)", "[pvp][header]") {
  const auto b = dense_header_bytes();
  REQUIRE(b.size() == 80);
  CHECK(i32_at(b, 0) == 80);            // headersize
  CHECK(i32_at(b, 4) == 20);            // numparams
  CHECK(i32_at(b, 8) == 4);             // filetype dense
  CHECK(i32_at(b, 12) == 32);           // nx
  CHECK(i32_at(b, 16) == 16);           // ny
  CHECK(i32_at(b, 20) == 3);            // nf
  CHECK(i32_at(b, 24) == 1);            // numrecords
  CHECK(i32_at(b, 28) == 32 * 16 * 3);  // recordsize
  CHECK(i32_at(b, 32) == 4);            // datasize
  CHECK(i32_at(b, 36) == 3);            // datatype float32
  CHECK(i32_at(b, 40) == 1);            // nxprocs
  CHECK(i32_at(b, 44) == 1);            // nyprocs
  CHECK(i32_at(b, 48) == 32);           // nxExtended
  CHECK(i32_at(b, 52) == 16);           // nyExtended
  CHECK(i32_at(b, 56) == 0);            // kx0
  CHECK(i32_at(b, 60) == 0);            // ky0
  CHECK(i32_at(b, 64) == 2);            // nbatch
  CHECK(i32_at(b, 68) == 7);            // nbands
  CHECK(f64_at(b, 72) == 1.5);          // time
}

TEST_CASE("sparse headers: recordsize 0, datasize 4 for indices and 8 for index-value pairs", "[pvp][header]") {
  const auto indices = encode_header(PvpHeader::activity(PvpType::SparseIndices, 16, 16, 128, 1));
  CHECK(i32_at(indices, 8) == 2);
  CHECK(i32_at(indices, 28) == 0);
  CHECK(i32_at(indices, 32) == 4);
  CHECK(i32_at(indices, 36) == 2);
  const auto values = encode_header(PvpHeader::activity(PvpType::SparseValues, 16, 16, 128, 1));
  CHECK(i32_at(values, 8) == 6);
  CHECK(i32_at(values, 28) == 0);
  CHECK(i32_at(values, 32) == 8);
  CHECK(i32_at(values, 36) == 3);
}

TEST_CASE("weight header extends the activity header to 104 bytes", "[pvp][header]") {
  PvpHeader h;
  h.headersize = 104;
  h.numparams = 26;
  h.filetype = 5;
  h.nx = 2;
  h.ny = 4;
  h.nf = 16;
  h.numrecords = h.nbands = 1;
  h.nxp = 8;
  h.nyp = 7;
  h.nfp = 3;
  h.wMin = -0.25f;
  h.wMax = 0.75f;
  h.numpatches = 2 * 4 * 16;
  const auto b = encode_header(h);
  REQUIRE(b.size() == 104);
  CHECK(i32_at(b, 80) == 8);
  CHECK(i32_at(b, 84) == 7);
  CHECK(i32_at(b, 88) == 3);
  CHECK(f32_at(b, 92) == -0.25f);
  CHECK(f32_at(b, 96) == 0.75f);
  CHECK(i32_at(b, 100) == 128);
  const PvpHeader back = decode_header(b, "mem");
  CHECK(back.nxp == 8);
  CHECK(back.wMax == 0.75f);
  CHECK(back.numpatches == 128);
  CHECK(pvp_weight_frame_bytes(back) == 104 + 128 * (8 + 8 * 7 * 3 * 4));
}

TEST_CASE("encode then decode returns every field", "[pvp][header]") {
  const PvpHeader h = decode_header(dense_header_bytes(), "mem");
  CHECK(h.headersize == 80);
  CHECK(h.filetype == 4);
  CHECK(h.nx == 32);
  CHECK(h.ny == 16);
  CHECK(h.nf == 3);
  CHECK(h.recordsize == 1536);
  CHECK(h.nbatch == 2);
  CHECK(h.nbands == 7);
  CHECK(h.time == 1.5);
}

TEST_CASE("corrupt headers are rejected with the field and its byte offset", "[pvp][header][errors]") {
  TempDir dir;
  const auto path = dir / "bad.pvp";
  struct Case {
    std::size_t offset;
    std::int32_t value;
    const char* expect;
  } cases[] = {
      {0, 72, "headersize is 72"},
      {0, 104, "headersize is 104 but filetype 4"},
      {4, 19, "numparams is 19"},
      {8, 9, "filetype is 9"},
      {12, 0, "nx is 0"},
      {20, -3, "nf is -3"},
      {28, 100, "recordsize is 100"},
      {32, 8, "datasize is 8"},
      {64, -1, "nbatch is -1"},
      {68, -1, "nbands is -1"},
  };
  for (const Case& c : cases) {
    auto b = dense_header_bytes();
    put_i32_at(b, 68, 0);  // no frames, so only the header can be wrong
    put_i32_at(b, c.offset, c.value);
    if (c.offset == 0 && c.value == 104) put_i32_at(b, 4, 26);  // a consistent weight-sized header on an activity type
    b.resize(c.offset == 0 && c.value == 104 ? 104 : 80, 0);
    write_bytes(path, b);
    const std::string message = io_error_message([&] { read_activity_file(path); });
    INFO(message);
    CHECK_THAT(message, Contains(path.string()));
    CHECK_THAT(message, Contains(c.expect));
    CHECK_THAT(message, Contains("(byte offset " + std::to_string(c.offset) + ")"));
  }
}

TEST_CASE("a missing file is an IoError naming the path", "[pvp][header][errors]") {
  TempDir dir;
  const auto path = dir / "nowhere.pvp";
  CHECK_THAT(io_error_message([&] { read_pvp_header(path); }), Contains(path.string()) && Contains("no such file"));
  CHECK_THAT(io_error_message([&] { read_activity_file(path); }), Contains("no such file"));
  CHECK_THAT(io_error_message([&] { read_shared_weights(path); }), Contains("no such file"));
  CHECK_THAT(io_error_message([&] { read_activity_file(dir.path()); }), Contains("is a directory"));
}

TEST_CASE("read_pvp_header reads the header of any type", "[pvp][header]") {
  TempDir dir;
  const auto path = dir / "h.pvp";
  write_bytes(path, dense_header_bytes());
  const PvpHeader h = read_pvp_header(path);
  CHECK(h.filetype == 4);
  CHECK(h.nbands == 7);
}

TEST_CASE("an older OpenPV activity header with nbatch 0 reads as one batch element", "[io][pvp][openpv]") {
  std::vector<unsigned char> bytes = spv::encode_header(spv::PvpHeader::activity(spv::PvpType::Dense, 4, 3, 2, 1));
  for (int i = 64; i < 68; ++i) bytes[std::size_t(i)] = 0;  // the nbatch field (bytes 64-67), as OpenPV once wrote it
  const spv::PvpHeader h = spv::decode_header(bytes, "old.pvp");
  CHECK(h.nbatch == 1);
  CHECK(h.nx == 4);
  CHECK(h.ny == 3);
  CHECK(h.nf == 2);
}

TEST_CASE("header fields whose products overflow are refused by name, before anything is allocated", "[pvp][errors]") {
  TempDir dir;
  const auto path = dir / "huge.pvp";
  SECTION("numparams near INT32_MAX") {
    auto b = dense_header_bytes();
    put_i32_at(b, 4, 0x7fffffff);
    write_bytes(path, b);
    CHECK_THAT(io_error_message([&] { read_pvp_header(path); }), Contains("numparams is 2147483647"));
  }
  SECTION("nx*ny*nf beyond int64") {
    auto b = dense_header_bytes();
    for (std::size_t at : {12, 16, 20}) put_i32_at(b, at, 1 << 30);
    write_bytes(path, b);
    CHECK_THAT(io_error_message([&] { read_pvp_header(path); }), Contains("nx*ny*nf is larger than a PVP index"));
  }
  SECTION("a non-shared frame of 2^31 patches") {
    PvpHeader h;
    h.headersize = 104;
    h.numparams = 26;
    h.filetype = 3;
    h.nx = h.ny = h.nf = 1;
    h.numrecords = h.nbands = 1;
    h.nxp = h.nyp = 65535;
    h.nfp = 60000;
    h.numpatches = 0x7fffffff;
    write_bytes(path, encode_header(h));
    CHECK_THAT(io_error_message([&] { read_pvp_header(path); }), Contains("impossibly large"));
  }
  SECTION("nbands of two billion frames in a file of none") {
    auto b = dense_header_bytes();
    put_i32_at(b, 68, 2000000000);
    write_bytes(path, b);
    CHECK_THAT(io_error_message([&] { read_activity_file(path); }), Contains("truncated: frame 0 needs"));
  }
}
