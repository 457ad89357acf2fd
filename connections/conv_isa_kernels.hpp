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
  // The dense gather, for plans with both axes regular windows (term_weight() not empty) and for the others.
  void (*gather_regular)(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                         std::span<float> gsyn);
  void (*gather_generic)(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                         std::span<float> gsyn);
  // The one a plan takes: deliver_post_perspective.
  void gather(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
              std::span<float> gsyn) const {
    if (!plan.term_weight().empty()) gather_regular(plan, activity, kernels, gsyn);
    else gather_generic(plan, activity, kernels, gsyn);
  }
};

// The kernels of `isa`, which must be built (built_isas()); running them needs isa_available(isa). For AVX-512 that
// is its regular gather (16 lanes) with the AVX2 build of the others, which measured faster on AVX-512 CPUs (the
// scatter's masked 8-lane chunks and the generic gather gain nothing from the wider target).
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
