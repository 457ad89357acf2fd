// The LCA and ISTA per-neuron maths now live beside the kernel contract (core/kernels/), which both back-ends use.
#pragma once
#include "core/kernels/lca_math.hpp"
