// The only door between processes: halo exchange, ordered sums, gather/scatter for I/O, broadcast and agreement on
// errors. Code outside core/comm/ never assumes a single process; it asks this interface.
#pragma once
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/comm/decomposition.hpp"
#include "core/geometry.hpp"

namespace spv {

class Communicator {
 public:
  virtual ~Communicator() = default;
  const Decomposition& decomposition() const { return decomposition_; }
  int rank() const { return decomposition_.rank; }
  int size() const { return decomposition_.size(); }
  bool is_root() const { return rank() == 0; }

  // Fills the halo of an extended buffer (all local batch elements) from neighbouring tiles. Global edges are left
  // to the boundary-condition fill that follows.
  virtual void exchange_halo(const LayerGeometry& g, float* extended) = 0;
  // Element-wise sum of every rank's partials, added in rank order so that the result is reproducible; all ranks get it.
  virtual void ordered_sum(std::vector<double>& values) = 0;
  // Element-wise sum over the global batch of per-batch-element partials: `local` holds `length` values for each of
  // this rank's batch elements (global indices batch0, batch0 + 1, ...); every rank gets in `sum` the total, added in
  // double in ascending global batch index (one element's partials from several tiles first meet in ordered_sum's
  // rank order), so that the result does not depend on how the batch is split. The default goes through ordered_sum.
  virtual void ordered_batch_sum(std::span<const float> local, std::size_t length, int batch0,
                                 int nbatch_global, std::vector<double>& sum);
  // Gathers one batch element's restricted tile into the full global layer on the root (others get nothing).
  // `local` is [y][x][f] of this tile; `global` is resized on the root. Collective over every rank; the root's layer
  // is assembled from the tiles of its own batch group (batch slice 0): use gather_batch for the whole batch.
  virtual void gather_layer(const LayerGeometry& g, const float* local, std::vector<float>& global) = 0;
  // Gathers every batch element: `local` is this rank's restricted tiles, [local batch][y][x][f]; the root gets
  // `global` as [global batch][y][x][f] in ascending global batch index (others get nothing). Collective.
  // The default serves a communicator whose one rank holds the whole batch and layer.
  virtual void gather_batch(const LayerGeometry& g, const float* local, std::vector<float>& global);
  // Every rank's floats reach the root, `all[r]` from rank r (others get nothing); lengths may differ. Collective.
  // Checkpoints use it to assemble a layer's global buffers from tiles with halos, which gather_batch does not carry.
  // The default serves one process.
  virtual void gather_floats(const std::vector<float>& local, std::vector<std::vector<float>>& all);
  // Root's string reaches every rank.
  virtual void broadcast(std::string& text) = 0;
  // True when every rank says ok; otherwise every rank gets the first failing rank's message.
  virtual bool all_agree(bool ok, std::string& message) = 0;
  // Ends every process with `status` after an error that other ranks may not share (they may be waiting in a
  // collective). Only main calls it, after printing the message; library code throws instead. Returns on one process.
  virtual void abort_all(int) noexcept {}

 protected:
  Decomposition decomposition_;
};

// One process: every collective is the identity.
class LocalCommunicator final : public Communicator {
 public:
  LocalCommunicator() = default;
  void exchange_halo(const LayerGeometry&, float*) override {}
  void ordered_sum(std::vector<double>&) override {}
  void gather_layer(const LayerGeometry& g, const float* local, std::vector<float>& global) override {
    global.assign(local, local + g.neurons());
  }

  void broadcast(std::string&) override {}
  bool all_agree(bool ok, std::string&) override { return ok; }
};

}  // namespace spv
