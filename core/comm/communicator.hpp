// The only door between processes: halo exchange, ordered sums, gather/scatter for I/O, broadcast and agreement on
// errors. Code outside core/comm/ never assumes a single process; it asks this interface.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/comm/decomposition.hpp"
#include "core/geometry.hpp"
#include "params/error.hpp"

namespace spv {

// An error that every rank throws together, after agreeing on it (collective_try): one message for all. main prints
// it once, on the root, and every rank ends non-zero without aborting the others.
class CollectiveError : public Error {
 public:
  CollectiveError(const std::string& message, bool internal) : Error(message), internal_(internal) {}
  // The failing rank's error was not an spv::Error (a bug rather than bad input).
  bool internal() const { return internal_; }

 private:
  bool internal_;
};

class Communicator {
 public:
  virtual ~Communicator() = default;
  const Decomposition& decomposition() const { return decomposition_; }
  int rank() const { return decomposition_.rank; }
  int size() const { return decomposition_.size(); }
  bool is_root() const { return rank() == 0; }
  // MPI blocks: with a multiple of the split's process count, each block of rows x columns x batch width processes
  // runs its own share of a ParameterSweep's runs. Every collective here stays within this rank's block.
  int block() const { return block_; }
  int block_count() const { return block_count_; }
  // This process among all of them (blocks in order), for names that must differ across blocks (logs).
  int world_rank() const { return block_ * size() + rank(); }

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
  // The mirror of gather_batch for inputs: each batch slice's root (decomposition().is_batch_root()) holds `global`,
  // its slice's batch elements as whole layers [local batch][y][x][f] (others pass anything, even null); every rank
  // of the slice gets its tile of them in `local`, [local batch][y][x][f] restricted. Collective within each batch
  // slice only, so slices may call it at different times. The default serves slices of one tile each.
  virtual void scatter_layer(const LayerGeometry& g, const float* global, float* local);
  // scatter_layer with a margin around every tile (inputs with useInputBCflag): `global` holds canvases of the layer
  // grown by `margin`, [local batch][ny_global + dn + up][nx_global + lt + rt][f], whose pixel (lt, dn) is the layer's
  // (0, 0); each rank gets its tile's window grown by `margin`, [local batch][ny + dn + up][nx + lt + rt][f].
  // Collective within each batch slice only. The default serves slices of one tile each.
  virtual void scatter_windows(const LayerGeometry& g, const Halo& margin, const float* global, float* local);
  // Element-wise sum of every rank's integers; all ranks get it. Integer addition has no rounding, so no order matters.
  // The default goes through ordered_sum in 16-bit pieces, which doubles add exactly.
  virtual void sum_integers(std::vector<std::int64_t>& values);
  // The largest of every rank's `local` (+infinity when any rank passes a value that is not finite); all ranks get it.
  // The default goes through ordered_sum, one slot per rank.
  virtual double maximum(double local);
  // Root's string reaches every rank.
  virtual void broadcast(std::string& text) = 0;
  // The ranks that share this rank's node (its shared memory), in rank order: this rank's place among them, and
  // their count. Thread and GPU choices divide a node's cores and devices by it.
  struct NodePeers {
    int index = 0;
    int count = 1;
  };
  virtual NodePeers node_peers() const { return {}; }
  // Every rank of this node gets each node rank's text, in node order (index 0 first). Collective over the node.
  virtual std::vector<std::string> node_allgather(const std::string& mine) { return {mine}; }
  // The first block's root (world rank 0) gets every process's text in world rank order, every block's; others get
  // nothing. Collective over all blocks: reports of the whole job, such as the thread summary.
  virtual std::vector<std::string> gather_strings(const std::string& mine) { return {mine}; }
  // Returns when every process of every block has called it: a rank that prints for all blocks is heard before the
  // others end (a launcher may stop the job at the first non-zero exit).
  virtual void wait_for_every_block() {}
  // True when every rank says ok; otherwise every rank gets the first failing rank's message.
  virtual bool all_agree(bool ok, std::string& message) = 0;
  // Ends every process with `status` after an error that other ranks may not share (they may be waiting in a
  // collective). Only main calls it, after printing the message; library code throws instead. Returns on one process.
  virtual void abort_all(int) noexcept {}
  // Runs `work` on this rank (where a rank has nothing to do, `work` does nothing there), then all ranks agree: if it
  // threw anywhere, every rank throws CollectiveError with the lowest failing rank's message; on one process the
  // original exception propagates unchanged. Lets one rank read a file that others then receive, without leaving
  // them waiting in a collective when the read fails.
  void collective_try(const std::function<void()>& work);

 protected:
  Decomposition decomposition_;
  int block_ = 0, block_count_ = 1;
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
