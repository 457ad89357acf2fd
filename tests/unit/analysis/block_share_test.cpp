// Block share of ordinal-linked codes against hand-computed values.
#include <catch2/catch.hpp>

#include "analysis/block_share.hpp"
#include "params/error.hpp"

using namespace spv;

TEST_CASE("block share: mass in the true block, strongest block, silent codes", "[analysis]") {
  // Three classes of two neurons each (plus one unassigned neuron 6).
  ActivityFile codes;
  codes.frames.push_back({0, {3, 1, 0, 0, 0, 0, 0}});     // class 0: all mass in block 0 -> share 1
  codes.frames.push_back({1, {1, 0, 0, -1, 0, 0, 2}});    // class 1: |-1| of 4 in block 1 -> 0.25; block 0 ties it
  codes.frames.push_back({2, {0, 0, 0, 0, 0, 0, 0}});     // silent
  const std::vector<int> labels{0, 1, 2};
  BlockShare r = block_share(codes, labels, 2, 3);
  CHECK(r.examples == 3);
  CHECK(r.silent == 1);
  CHECK(r.mean_share == Approx((1.0 + 0.25 + 0.0) / 3));
  // Example 1: blocks 0 and 1 both hold mass 1; the tie goes to the lower block, so only example 0 counts.
  CHECK(r.block_accuracy == Approx(1.0 / 3));
  CHECK(r.class_share == std::vector<double>{1.0, 0.25, 0.0});
}

TEST_CASE("block share rejects mismatched frames and labels", "[analysis]") {
  ActivityFile codes;
  codes.frames.push_back({0, {1, 0}});
  CHECK_THROWS_AS(block_share(codes, std::vector<int>{0, 1}, 1, 2), Error);
  CHECK_THROWS_AS(block_share(codes, std::vector<int>{5}, 1, 2), Error);
}
