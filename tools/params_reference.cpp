// spv-params-reference: prints the parameter reference of every group type as Markdown (docs/params.md).
#include <iostream>

#include "app/default_registry.hpp"
#include "core/params_reference.hpp"

int main(int argc, char**) {
  if (argc > 1) {
    std::cerr << "usage: spv-params-reference > docs/params.md\n";
    return 2;
  }
  std::cout << spv::params_reference_markdown(spv::default_registry());
  return 0;
}
