// The threshold transfer function now lives beside the kernel contract (core/kernels/), which both back-ends use.
#pragma once
#include "core/kernels/threshold_math.hpp"
