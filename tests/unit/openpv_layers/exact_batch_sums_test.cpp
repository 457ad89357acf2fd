// ExactBatchSums: exact, so any order and any grouping of the same values (tiles, threads) gives the same bits.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/comm/communicator.hpp"
#include "layers/exact_batch_sums.hpp"

using namespace spv;

TEST_CASE("ExactBatchSums adds exactly, per batch element, in any order", "[openpv_layers][sums]") {
  LocalCommunicator comm;
  ExactBatchSums forward(2), backward(2);
  // 2^24 + 1 - 2^24 is 1 exactly; float addition in this order would give 0.
  const float values[] = {16777216.0f, 1.0f, -16777216.0f, 0.375f, -1e-30f, 1e-30f, 1e-45f};
  for (float v : values) forward.add(0, v);
  for (int i = 6; i >= 0; --i) backward.add(0, values[i]);
  forward.add(1, -2.5f);
  backward.add(1, -2.5f);
  forward.reduce(comm);
  backward.reduce(comm);
  CHECK(forward.value(0) == 1.375 + double(1e-45f));
  CHECK(backward.value(0) == forward.value(0));
  CHECK(forward.value(1) == -2.5);
  ExactBatchSums special(3);
  special.add(0, std::numeric_limits<float>::infinity());
  special.add(0, 1.0f);
  special.add(1, std::numeric_limits<float>::infinity());
  special.add(1, -std::numeric_limits<float>::infinity());
  special.add(2, std::numeric_limits<float>::quiet_NaN());
  CHECK(special.value(0) == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(special.value(1)));
  CHECK(std::isnan(special.value(2)));
}
