// The CPU-only build's answer to "is there a GPU": never, so a request for one becomes a clear error upstream.
#include "cuda/device.hpp"

namespace spv {

GpuInfo gpu_info() { return {false, 0, "this build has no CUDA support (configure with -DSPV_WITH_CUDA=ON)"}; }

}  // namespace spv
