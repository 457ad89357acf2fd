// A group type added from outside the simulator's folders: one header, one source (doubling_layer.*) and one
// registration line make it a type that params files name, --describe lists and columns run.
#include <catch2/catch.hpp>

#include "app/default_registry.hpp"
#include "core/column.hpp"
#include "lua/params_loader.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/column/doubling_layer.hpp"

using namespace spv;

TEST_CASE("a type registered by a test runs in a column like a built-in one", "[column][registry]") {
  Registry registry = default_registry();
  register_type<test::DoublingLayer>(registry);  // the one line

  const TypeInfo* info = registry.find("DoublingLayer");
  REQUIRE(info);
  CHECK(info->schema->describe().find("DoublingLayer") != std::string::npos);

  test::TempDir dir;
  const std::string params = dir.write("net.lua", R"lua(
return {
  column = { groupType = "HyPerCol", nx = 3, ny = 2, dt = 1, stopTime = 10 },
  Input = { groupType = "ConstantLayer", nf = 2, InitVType = "ConstantV", valueV = 1.25 },
  Doubled = { groupType = "DoublingLayer", nf = 2 },
  InputToDoubled = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Doubled", channelCode = 0 },
}
)lua");
  LocalCommunicator comm;
  ColumnOptions options;
  options.show_progress = false;
  Column column(load_params_file(params), registry, options, comm);
  column.initialize();
  column.advance();
  Layer& doubled = dynamic_cast<Layer&>(*column.objects().find("Doubled"));
  doubled.sync_to_host();
  const std::span<const float> v = doubled.V();
  REQUIRE(v.size() == 3u * 2u * 2u);
  for (float x : v) CHECK(x == 2.5f);  // 2 x 1.25, exact in float

  // Without the line, the same file names an unknown type.
  Registry plain = default_registry();
  CHECK_THROWS_WITH(Column(load_params_file(params), plain, options, comm),
                    Catch::Contains("DoublingLayer"));
}
