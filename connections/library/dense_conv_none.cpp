// DenseConvLibrary in a build without oneDNN: never available; asking for it is an error that says how to get it.
#include "connections/dense_conv_library.hpp"
#include "core/errors.hpp"

namespace spv {

struct DenseConvLibrary::Impl {};

bool DenseConvLibrary::available() { return false; }
const char* DenseConvLibrary::name() { return "none"; }

DenseConvLibrary::DenseConvLibrary(const ConvPlan&) {
  throw Error("\"library\" needs sparsepv built with oneDNN (install libdnnl-dev and re-run cmake)");
}
DenseConvLibrary::~DenseConvLibrary() = default;
DenseConvLibrary::DenseConvLibrary(DenseConvLibrary&&) noexcept = default;
DenseConvLibrary& DenseConvLibrary::operator=(DenseConvLibrary&&) noexcept = default;
void DenseConvLibrary::set_kernels(std::span<const float>) {}
void DenseConvLibrary::deliver(std::span<const float>, std::span<float>) {}

}  // namespace spv
