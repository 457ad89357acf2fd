// The CPU convolution kernels of one instruction set (core/kernels/isa.hpp), as conv_kernels_body.inc defines them
// in each ISA's namespace; conv_delivery.cpp calls those of active_isa(), and tests compare the variants.
#pragma once
#include <span>

#include "connections/conv_delivery.hpp"
#include "core/kernels/isa.hpp"

namespace spv {

struct ConvIsaKernels {
  long (*count_active)(const ConvPlan& plan, std::span<const float> activity);
  void (*find_active)(const ConvPlan& plan, std::span<const float> activity, ActiveRows& scratch);
  void (*deliver_scatter)(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                          std::span<float> gsyn, const ActiveRows& scratch);
  void (*deliver_post_perspective)(const ConvPlan& plan, std::span<const float> activity,
                                   std::span<const float> kernels, std::span<float> gsyn);
};

// The kernels of `isa`, which must be built (built_isas()); running them needs isa_available(isa).
const ConvIsaKernels& conv_isa_kernels(Isa isa);

namespace isa_portable {
extern const ConvIsaKernels kConvKernels;
}
namespace isa_avx2 {
extern const ConvIsaKernels kConvKernels;
}
namespace isa_avx512 {
extern const ConvIsaKernels kConvKernels;
}

}  // namespace spv
