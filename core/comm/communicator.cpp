#include "core/comm/communicator.hpp"

#include <stdexcept>

namespace spv {

void Communicator::ordered_batch_sum(std::span<const float> local, std::size_t length, int batch0,
                                     int nbatch_global, std::vector<double>& sum) {
  const std::size_t local_count = length == 0 ? 0 : local.size() / length;
  if (batch0 < 0 || local.size() != local_count * length ||
      std::size_t(batch0) + local_count > std::size_t(nbatch_global))
    throw std::logic_error("ordered_batch_sum: partials do not fit this rank's batch slice");
  // Every batch element gets its own slot, so ordered_sum only ever adds a slot's tile partials (and zeros, exactly).
  std::vector<double> slots(std::size_t(nbatch_global) * length, 0.0);
  for (std::size_t i = 0; i < local.size(); ++i) slots[std::size_t(batch0) * length + i] = double(local[i]);
  ordered_sum(slots);
  sum.assign(length, 0.0);
  for (std::size_t b = 0; b < std::size_t(nbatch_global); ++b) {
    const double* slot = slots.data() + b * length;
    for (std::size_t i = 0; i < length; ++i) sum[i] += slot[i];
  }
}

void Communicator::gather_batch(const LayerGeometry& g, const float* local, std::vector<float>& global) {
  if (g.nbatch != g.nbatch_global || g.nx != g.nx_global || g.ny != g.ny_global)
    throw std::logic_error("gather_batch: this communicator offers no gather of a split layer");
  global.assign(local, local + std::size_t(g.nbatch) * g.neurons());
}

void Communicator::gather_floats(const std::vector<float>& local, std::vector<std::vector<float>>& all) {
  if (size() != 1) throw std::logic_error("gather_floats: this communicator offers no gather across processes");
  all.assign(1, local);
}

}  // namespace spv
