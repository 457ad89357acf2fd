#include "connections/weight_store.hpp"

namespace spv {

WeightStore::WeightStore(int arbors, int kernels, int nyp, int nxp, int nfp)
    : arbors_(arbors), kernels_(kernels), nyp_(nyp), nxp_(nxp), nfp_(nfp),
      values_(std::size_t(arbors) * std::size_t(kernels) * std::size_t(nyp) * nxp * nfp, 0.0f), version_(1) {}

}  // namespace spv
