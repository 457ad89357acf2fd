#include <catch2/catch.hpp>

#include <stdexcept>

#include "core/io/output_directory.hpp"
#include "tests/unit/io/io_test_support.hpp"

using namespace spv;
using namespace spv::test;
namespace fs = std::filesystem;

TEST_CASE("stage names a .part file and creates its subdirectories", "[output]") {
  TempDir tmp;
  OutputDirectory out(tmp / "run", true);
  out.open();
  CHECK(out.created());
  const fs::path staged = out.stage("probes/energy.txt");
  CHECK(staged == tmp / "run" / "probes" / "energy.txt.part");
  CHECK(fs::is_directory(tmp / "run" / "probes"));
  out.rollback();
}

TEST_CASE("commit renames every staged file into place", "[output]") {
  TempDir tmp;
  const fs::path dir = tmp / "run";
  {
    OutputDirectory out(dir, true);
    out.open();
    write_file(out.stage("a.pvp"), "A");
    write_file(out.stage("sub/b.txt"), "B");
    out.stage("never_written.txt");
    CHECK_FALSE(fs::exists(dir / "a.pvp"));
    out.commit();
  }  // the destructor must not undo a commit
  CHECK(read_file(dir / "a.pvp") == "A");
  CHECK(read_file(dir / "sub" / "b.txt") == "B");
  CHECK_FALSE(fs::exists(dir / "a.pvp.part"));
  CHECK_FALSE(fs::exists(dir / "sub" / "b.txt.part"));
  CHECK_FALSE(fs::exists(dir / "never_written.txt"));
}

TEST_CASE("commit replaces an earlier run's file", "[output]") {
  TempDir tmp;
  write_file(tmp / "a.pvp", "old");
  OutputDirectory out(tmp.path(), true);
  out.open();
  CHECK_FALSE(out.created());
  write_file(out.stage("a.pvp"), "new");
  CHECK(read_file(tmp / "a.pvp") == "old");
  out.commit();
  CHECK(read_file(tmp / "a.pvp") == "new");
}

TEST_CASE("rollback leaves a pre-existing directory and its files untouched", "[output]") {
  TempDir tmp;
  write_file(tmp / "a.pvp", "earlier output");
  fs::create_directory(tmp / "old");
  OutputDirectory out(tmp.path(), true);
  out.open();
  write_file(out.stage("a.pvp"), "half written");
  write_file(out.stage("new/b.txt"), "B");
  out.rollback();
  CHECK(fs::is_directory(tmp.path()));
  CHECK(read_file(tmp / "a.pvp") == "earlier output");
  CHECK(fs::is_directory(tmp / "old"));
  CHECK_FALSE(fs::exists(tmp / "a.pvp.part"));
  CHECK_FALSE(fs::exists(tmp / "new"));  // created by this run, so removed
}

TEST_CASE("rollback removes the directories this run created", "[output]") {
  TempDir tmp;
  const fs::path dir = tmp / "outer" / "run";
  OutputDirectory out(dir, true);
  out.open();
  CHECK(fs::is_directory(dir));
  write_file(out.stage("x/y/z.pvp"), "Z");
  out.rollback();
  CHECK_FALSE(fs::exists(tmp / "outer"));
  CHECK(fs::is_directory(tmp.path()));
}

TEST_CASE("rollback keeps a created directory that someone else filled", "[output]") {
  TempDir tmp;
  const fs::path dir = tmp / "run";
  OutputDirectory out(dir, true);
  out.open();
  write_file(out.stage("a.pvp"), "A");
  write_file(dir / "foreign.txt", "not ours");
  out.rollback();
  CHECK(read_file(dir / "foreign.txt") == "not ours");
  CHECK_FALSE(fs::exists(dir / "a.pvp.part"));
}

TEST_CASE("the destructor rolls back when neither commit nor rollback ran", "[output]") {
  TempDir tmp;
  const fs::path dir = tmp / "run";
  {
    OutputDirectory out(dir, true);
    out.open();
    write_file(out.stage("a.pvp"), "A");
  }
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("a non-writer rank creates nothing", "[output]") {
  TempDir tmp;
  const fs::path dir = tmp / "run";
  {
    OutputDirectory out(dir, false);
    out.open();
    CHECK(out.stage("a.pvp") == dir / "a.pvp.part");
    out.commit();
  }
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("an output path that is a file is an IoError", "[output][errors]") {
  TempDir tmp;
  write_file(tmp / "file", "x");
  OutputDirectory out(tmp / "file", true);
  CHECK_THROWS_AS(out.open(), IoError);
  OutputDirectory below(tmp / "file" / "run", true);
  CHECK_THROWS_AS(below.open(), IoError);
}

TEST_CASE("restrict_to: only the declared names may be staged, compared in normal form", "[output][safety]") {
  TempDir tmp;
  OutputDirectory out(tmp / "run", true);
  out.restrict_to({"V1.pvp", "probes/e_batchElement_0.txt"});
  CHECK(out.stage("V1.pvp") == tmp / "run" / "V1.pvp.part");
  CHECK_NOTHROW(out.stage("./probes//e_batchElement_0.txt"));
  CHECK_THROWS_AS(out.stage("other.txt"), std::logic_error);
  CHECK_FALSE(fs::exists(tmp / "run" / "other.txt.part"));
  out.rollback();
}
