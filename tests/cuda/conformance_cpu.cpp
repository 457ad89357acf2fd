// The conformance tests instantiated on the CPU back-end.
#include "core/kernels/backend.hpp"
#include "tests/cuda/conformance_backend.hpp"

namespace spv::test {

Backend& conformance_backend() { return cpu_backend(); }

}  // namespace spv::test
