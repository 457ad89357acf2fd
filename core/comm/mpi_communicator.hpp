// The Communicator over MPI: one process per tile and batch slice, ranks ordered batch-major then row then column.
#pragma once
#include <mpi.h>

#include <string>
#include <vector>

#include "core/comm/communicator.hpp"

namespace spv {

class MpiCommunicator final : public Communicator {
 public:
  // Initialises MPI unless someone already did (then finalising is left to them; otherwise the last communicator
  // alive finalises it, after which none can be made). The
  // decomposition's size times `blocks` must equal the number of processes; make_communicator checks that with a
  // clear message. With several blocks, each is its own communicator of consecutive world ranks.
  MpiCommunicator(int* argc, char*** argv, int rows, int columns, int batch_width, int blocks = 1);
  ~MpiCommunicator() override;
  MpiCommunicator(const MpiCommunicator&) = delete;
  MpiCommunicator& operator=(const MpiCommunicator&) = delete;

  void exchange_halo(const LayerGeometry& g, float* extended) override;
  void ordered_sum(std::vector<double>& values) override;
  void gather_layer(const LayerGeometry& g, const float* local, std::vector<float>& global) override;
  void gather_batch(const LayerGeometry& g, const float* local, std::vector<float>& global) override;
  void gather_floats(const std::vector<float>& local, std::vector<std::vector<float>>& all) override;
  void scatter_layer(const LayerGeometry& g, const float* global, float* local) override;
  void scatter_windows(const LayerGeometry& g, const Halo& margin, const float* global, float* local) override;
  void sum_integers(std::vector<std::int64_t>& values) override;
  double maximum(double local) override;
  void broadcast(std::string& text) override;
  NodePeers node_peers() const override { return node_peers_; }
  std::vector<std::string> node_allgather(const std::string& mine) override;
  std::vector<std::string> gather_strings(const std::string& mine) override;
  void wait_for_every_block() override;
  bool all_agree(bool ok, std::string& message) override;
  void abort_all(int status) noexcept override;

  // Processes in MPI_COMM_WORLD (usable before the decomposition is known).
  static int world_size(int* argc, char*** argv);

 private:
  MPI_Comm comm_ = MPI_COMM_NULL;  // this rank's block: MPI_COMM_WORLD when there is one block
  MPI_Comm node_ = MPI_COMM_NULL;  // the ranks of this node (MPI_COMM_TYPE_SHARED), ordered by world rank
  NodePeers node_peers_;
  std::vector<float> send_, recv_;  // halo packing, kept between steps
  std::vector<float> scatter_;      // input tiles packed on a batch slice's root, kept between frames
};

}  // namespace spv
