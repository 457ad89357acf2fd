// The run-time ISA choice: the widest variant this build and CPU have, a narrower one on request, and a clear error
// for one that cannot run. What the CPU has is read from /proc/cpuinfo here, not from the code under test.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/build_config.hpp"
#include "core/kernels/isa.hpp"
#include "core/kernels/layer_isa_kernels.hpp"
#include "params/error.hpp"

using namespace spv;

namespace {

bool cpuinfo_has(const std::string& flag) {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream words(line.substr(line.find(':') + 1));
    for (std::string w; words >> w;)
      if (w == flag) return true;
    return false;
  }
  return false;
}

}  // namespace

TEST_CASE("the default ISA is the widest one built and supported", "[isa]") {
  const bool variants = SPV_ISA_VARIANTS;
  const bool avx2 = variants && cpuinfo_has("avx2") && cpuinfo_has("fma") && cpuinfo_has("bmi2");
  const bool avx512 = avx2 && cpuinfo_has("avx512f") && cpuinfo_has("avx512bw") && cpuinfo_has("avx512cd") &&
                      cpuinfo_has("avx512dq") && cpuinfo_has("avx512vl");
  CHECK(isa_available(Isa::portable));
  CHECK(isa_available(Isa::avx2) == avx2);
  CHECK(isa_available(Isa::avx512) == avx512);
  const Isa expected = avx512 ? Isa::avx512 : avx2 ? Isa::avx2 : Isa::portable;
  CHECK(choose_isa("") == expected);
  CHECK(built_isas().size() == (variants ? 3u : 1u));
}

TEST_CASE("SPV_ISA picks a narrower variant, and names itself when it cannot", "[isa]") {
  CHECK(choose_isa("portable") == Isa::portable);
  if (isa_available(Isa::avx2)) CHECK(choose_isa("avx2") == Isa::avx2);
  else CHECK_THROWS_WITH(choose_isa("avx2"), Catch::StartsWith("SPV_ISA=avx2: "));
  if (!isa_available(Isa::avx512)) CHECK_THROWS_WITH(choose_isa("avx512"), Catch::StartsWith("SPV_ISA=avx512: "));
  CHECK_THROWS_WITH(choose_isa("sse9"), "SPV_ISA=sse9: expected portable, avx2 or avx512");
  CHECK_THROWS_WITH(choose_isa("AVX2"), Catch::Contains("expected portable, avx2 or avx512"));
  CHECK(std::string(isa_name(Isa::avx512)) == "avx512");
}

namespace {

std::vector<float> values(std::size_t n, unsigned seed, double zero_share) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> value(-2.0f, 2.0f);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<float> v(n);
  for (auto& x : v) x = coin(gen) < zero_share ? 0.0f : value(gen);
  return v;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("every ISA variant of the per-neuron kernels gives the portable kernels' bits", "[isa]") {
  // Odd sizes so that every vector width leaves a scalar tail; large enough for OpenMP's threshold too.
  LayerGeometry g;
  g.nx = g.nx_global = 37;
  g.ny = g.ny_global = 29;
  g.nf = 19;
  g.nbatch = g.nbatch_global = 2;
  g.halo = Halo{2, 1, 3, 2};
  const std::size_t n = std::size_t(g.nbatch) * g.neurons(), n_ext = std::size_t(g.nbatch) * g.neurons_ext();
  const std::vector<float> v0 = values(n, 1, 0.0), exc = values(n, 2, 0.1), inh = values(n, 3, 0.1);
  const std::vector<float> a0 = values(n_ext, 4, 0.6);
  const std::vector<float> decay{0.9f, 0.37f}, step{0.05f, 0.2f};
  const Threshold t{0.25f, 0.0f, 1.5f, 0.1f, 0.3f};
  // Every kernel of one variant on the same inputs, outputs side by side.
  auto run = [&](const LayerIsaKernels& k) {
    std::vector<std::vector<float>> out;
    std::vector<float> v = v0;
    k.lca_update({g, v.data(), exc.data(), inh.data(), a0.data(), 1.0f, decay});
    out.push_back(v);
    v = v0;
    k.ista_update({g, v.data(), exc.data(), inh.data(), a0.data(), 0.25f, step});
    out.push_back(v);
    v = v0;
    k.combine_channels({long(n), v.data(), exc.data(), inh.data(), 0.7f});
    out.push_back(v);
    std::vector<float> a = a0;
    k.threshold({g, v0.data(), a.data(), t, false});
    out.push_back(a);
    std::vector<float> gsyn = exc;
    k.deliver_one_to_one({g, a0.data(), gsyn.data(), -0.3f});
    out.push_back(gsyn);
    return out;
  };
  const auto reference = run(layer_isa_kernels(Isa::portable));
  // The reference itself, against the per-element formula at a few hand-checked neurons: LCA at neuron 0 of
  // batch 0 is decay v + (1 - decay) (exc - inh + a).
  const std::size_t k0 = 0, e0 = std::size_t(g.ext_index(0, 0, 0));
  CHECK(reference[0][k0] == 0.9f * v0[k0] + (1.0f - 0.9f) * ((exc[k0] - inh[k0]) + 1.0f * a0[e0]));
  CHECK(reference[2][k0] == 0.7f * (exc[k0] - inh[k0]));
  for (Isa isa : built_isas()) {
    if (!isa_available(isa)) continue;
    INFO("ISA " << isa_name(isa));
    const auto got = run(layer_isa_kernels(isa));
    for (std::size_t i = 0; i < reference.size(); ++i) {
      INFO("kernel " << i << " (lca, ista, combine, threshold, one-to-one)");
      CHECK(same_bits(got[i], reference[i]));
    }
  }
}
