// sparsepv --graph's model and its two texts, checked against a small network drawn by hand.
#include <catch2/catch.hpp>

#include "core/network_graph.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

// Input -> Error (excitatory), Recon -> Error (inhibitory), V1 -> Recon through a clone of V1ToError's weights, an
// L1 probe on V1 adding into an energy probe.
const char* kNetwork = R"lua(
return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, stopTime = 1 },
  Input = { groupType = "ConstantLayer", nf = 1, phase = 0, InitVType = "ConstantV", valueV = 1 },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 2 },
  Recon = { groupType = "HyPerLayer", nf = 1, phase = 2 },
  V1 = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 1 },
  InputToError = { groupType = "IdentConn", channelCode = 0 },
  V1ToError = { groupType = "HyPerConn", channelCode = -1, nxp = 4, nyp = 4, weightInitType = "UniformWeight",
                weightInit = 1, normalizeMethod = "none", plasticityFlag = false },
  V1ToRecon = { groupType = "CloneConn", originalConnName = "V1ToError", channelCode = 0 },
  ReconToError = { groupType = "IdentConn", channelCode = 1 },
  Energy = { groupType = "ColumnEnergyProbe" },
  V1L1 = { groupType = "L1NormProbe", targetLayer = "V1", energyProbe = "Energy" },
}
)lua";

}  // namespace

TEST_CASE("the network graph has every layer with its size, every connection with its channel", "[graph]") {
  test::TempDir dir;
  test::write_file(dir / "net.lua", kNetwork);
  test::ColumnRun run(dir / "net.lua");
  const NetworkGraph g = network_graph(*run.column);
  REQUIRE(g.nodes.size() == 6);
  CHECK(g.nodes[0].name == "Error");
  CHECK(g.nodes[0].detail == "8 x 8 x 1");
  CHECK(g.nodes[3].name == "V1");
  CHECK(g.nodes[3].type == "HyPerLayer");
  CHECK(g.nodes[3].detail == "4 x 4 x 4");
  CHECK(g.nodes[4].kind == GraphNode::Kind::Probe);

  const std::string dot = to_dot(g);
  CHECK_THAT(dot, Catch::StartsWith("// "));
  CHECK_THAT(dot, Catch::Contains("digraph network {"));
  CHECK_THAT(dot, Catch::Contains("\"V1\" [shape=box, style=\"rounded,filled\", fillcolor=\"#dde8f6\", "
                                  "label=\"V1\\nHyPerLayer\\n4 x 4 x 4\"];"));
  CHECK_THAT(dot, Catch::Contains("\"Input\" -> \"Error\" [label=\"InputToError: IdentConn, excitatory\"];"));
  CHECK_THAT(dot, Catch::Contains("\"Recon\" -> \"Error\" [label=\"ReconToError: IdentConn, inhibitory\"];"));
  CHECK_THAT(dot, Catch::Contains("\"V1\" -> \"Error\" [label=\"V1ToError: HyPerConn, no delivery\"];"));
  CHECK_THAT(dot, Catch::Contains("\"V1\" -> \"Recon\" [label=\"V1ToRecon: CloneConn, excitatory, weights of "
                                  "V1ToError\"];"));
  CHECK_THAT(dot, Catch::Contains("\"V1L1\" -> \"V1\" [style=dotted"));
  CHECK_THAT(dot, Catch::Contains("\"V1L1\" -> \"Energy\" [style=dotted, color=gray40, label=\"adds into\"];"));
  CHECK_THAT(dot, Catch::EndsWith("}\n"));

  // Mermaid: nodes n0..n5 in the order above (layers, then probes, each by name).
  const std::string mmd = to_mermaid(g);
  CHECK_THAT(mmd, Catch::Contains("\nflowchart TB\n"));
  CHECK_THAT(mmd, Catch::Contains("  n3[\"V1<br/>HyPerLayer<br/>4 x 4 x 4\"]\n"));
  CHECK_THAT(mmd, Catch::Contains("  n4>\"Energy<br/>ColumnEnergyProbe\"]\n"));
  CHECK_THAT(mmd, Catch::Contains("  n1 -->|\"InputToError: IdentConn, excitatory\"| n0\n"));
  CHECK_THAT(mmd, Catch::Contains("  n3 -->|\"V1ToRecon: CloneConn, excitatory, weights of V1ToError\"| n2\n"));
  CHECK_THAT(mmd, Catch::Contains("  n5 -.->|adds into| n4\n"));
}
