// The gather for connections whose both axes are strided windows (ConvPlan::term_weight() not empty): neighbouring
// post pixels share each weight vector, held in registers. Built twice, for AVX2 and (in its own translation unit,
// compiled for x86-64-v4) AVX-512; each lane computes the scalar expression g + a * w, so both give the same bits as
// each other and as the scatter.
#pragma once
#include <span>

#include "connections/conv_delivery.hpp"

namespace spv {

bool gather_regular_avx512_supported();
void gather_regular_avx2(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                         std::span<float> gsyn);
void gather_regular_avx512(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                           std::span<float> gsyn);

}  // namespace spv
