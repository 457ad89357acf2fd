// OpenPV's type table (params/openpv_keys.tsv) against the registry: it may only name types sparsepv does not build.
#include <catch2/catch.hpp>
#include <string>

#include "app/default_registry.hpp"
#include "params/openpv_keys.hpp"

using namespace spv;

TEST_CASE("OpenPV's type table names no type sparsepv builds, and refuses spiking types by name", "[column][openpv]") {
  const Registry registry = default_registry();
  for (const std::string& name : registry.names()) {
    INFO(name);
    CHECK(find_openpv_type(name) == nullptr);  // a stale row would hide behind the registered type
  }
  for (const char* spiking : {"LIF", "LIFGap", "GapConn", "Retina", "PointLIFProbe"}) {
    const OpenPvType* t = find_openpv_type(spiking);
    REQUIRE(t != nullptr);
    CHECK(t->why == "spiking layers are not supported");
  }
  CHECK(find_openpv_type("NoSuchType") == nullptr);
}
