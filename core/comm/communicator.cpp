#include "core/comm/communicator.hpp"

#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
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

void Communicator::scatter_layer(const LayerGeometry& g, const float* global, float* local) {
  if (g.nx != g.nx_global || g.ny != g.ny_global)
    throw std::logic_error("scatter_layer: this communicator offers no scatter of a split layer");
  if (g.nbatch > 0) std::memcpy(local, global, std::size_t(g.nbatch) * g.neurons() * sizeof(float));
}

void Communicator::scatter_windows(const LayerGeometry& g, const Halo& margin, const float* global, float* local) {
  if (g.nx != g.nx_global || g.ny != g.ny_global)
    throw std::logic_error("scatter_windows: this communicator offers no scatter of a split layer");
  const std::size_t window = std::size_t(g.nx + margin.lt + margin.rt) * (g.ny + margin.dn + margin.up) * g.nf;
  if (g.nbatch > 0) std::memcpy(local, global, std::size_t(g.nbatch) * window * sizeof(float));
}

void Communicator::sum_integers(std::vector<std::int64_t>& values) {
  if (size() == 1) return;
  // Four 16-bit pieces per value, the top one signed: ordered_sum adds them exactly in double (up to 2^36 ranks),
  // and the pieces recombine modulo 2^64, as integer addition would wrap.
  constexpr int pieces = 4;
  std::vector<double> split(values.size() * pieces);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::uint64_t u = std::uint64_t(values[i]);
    for (int k = 0; k < pieces - 1; ++k) split[i * pieces + std::size_t(k)] = double((u >> (16 * k)) & 0xffffu);
    split[i * pieces + pieces - 1] = double(std::int16_t(std::uint16_t(u >> 48)));
  }
  ordered_sum(split);
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::uint64_t u = 0;
    for (int k = 0; k < pieces; ++k) u += std::uint64_t(std::int64_t(split[i * pieces + std::size_t(k)])) << (16 * k);
    values[i] = std::int64_t(u);
  }
}

double Communicator::maximum(double local) {
  if (!std::isfinite(local)) local = std::numeric_limits<double>::infinity();
  if (size() == 1) return local;
  // One slot per rank, zeros elsewhere: the sum of a slot is its one value, exactly.
  std::vector<double> slots(std::size_t(size()), 0.0);
  slots[std::size_t(rank())] = local;
  ordered_sum(slots);
  double m = slots[0];
  for (double v : slots) m = std::max(m, v);
  return m;
}

void Communicator::collective_try(const std::function<void()>& work) {
  std::exception_ptr failure;
  std::string message;
  bool internal = false;
  try {
    work();
  } catch (const Error& e) {
    failure = std::current_exception();
    message = e.what();
  } catch (const std::exception& e) {
    failure = std::current_exception();
    message = e.what();
    internal = true;
  }
  // The failing rank's kind of error travels with its message as a leading flag character.
  std::string agreed = (internal ? "!" : " ") + message;
  if (all_agree(!failure, agreed)) return;
  if (size() == 1 && failure) std::rethrow_exception(failure);
  throw CollectiveError(agreed.substr(1), !agreed.empty() && agreed[0] == '!');
}

}  // namespace spv
