// The back-end the conformance tests run against: each executable (CPU, CUDA) defines this once, and the tests in
// conformance_checks.cpp are written once over the kernel contract.
#pragma once
#include "core/kernels/backend.hpp"

namespace spv::test {

Backend& conformance_backend();

}  // namespace spv::test
