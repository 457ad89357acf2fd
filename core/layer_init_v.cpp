#include "core/layer_init_v.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "core/object.hpp"
#include "core/rng.hpp"

namespace spv {

namespace {

template <class Fn>
void fill_by_global_index(const LayerGeometry& g, std::span<float> v, Fn value_of) {
  for (int b = 0; b < g.nbatch; ++b)
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f) {
          std::uint64_t global = (std::uint64_t(g.batch0 + b) * g.ny_global + (g.ky0 + y)) * g.nx_global + g.kx0 + x;
          v[std::size_t(b) * g.neurons() + g.index(x, y, f)] = static_cast<float>(value_of(global * g.nf + f));
        }
}

void read_v_file(const Object& owner, const LayerParams& p, const LayerGeometry& g, std::span<float> v,
                 int global_nbatch) {
  ActivityFile file = read_activity_file(p.Vfilename);
  const PvpHeader& h = file.header;
  if (h.nx != g.nx_global || h.ny != g.ny_global || h.nf != g.nf)
    throw ParamError(owner.location_of("Vfilename"), owner.name(), "Vfilename",
                     "\"" + p.Vfilename + "\" holds a " + std::to_string(h.nx) + "x" + std::to_string(h.ny) + "x" +
                         std::to_string(h.nf) + " layer, but this layer is " + std::to_string(g.nx_global) + "x" +
                         std::to_string(g.ny_global) + "x" + std::to_string(g.nf));
  if (file.frames.empty())
    throw ParamError(owner.location_of("Vfilename"), owner.name(), "Vfilename", "\"" + p.Vfilename + "\" has no frames");
  // OpenPV: batch element b reads frame frameNumber * nbatch + b, wrapping around the file (so a file of one frame
  // serves every element, and a negative frameNumber counts from the end).
  const long long frames = static_cast<long long>(file.frames.size());
  const long long first = ((static_cast<long long>(p.frameNumber) * global_nbatch) % frames + frames) % frames;
  for (int b = 0; b < g.nbatch; ++b) {
    const auto& frame = file.frames[std::size_t((first + g.batch0 + b) % frames)].values;
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f)
          v[std::size_t(b) * g.neurons() + g.index(x, y, f)] =
              frame[(std::size_t(g.ky0 + y) * g.nx_global + g.kx0 + x) * g.nf + f];
  }
}

}  // namespace

void initialize_v(const Object& owner, const LayerParams& p, const LayerGeometry& g, std::span<float> v,
                  const RunContext& ctx) {
  const RngKey key{ctx.random_seed, hash_name(owner.name().c_str()) ^ hash_name("InitV")};
  switch (p.InitVType) {
    case InitVKind::Zero: std::fill(v.begin(), v.end(), 0.0f); break;
    case InitVKind::Constant: std::fill(v.begin(), v.end(), static_cast<float>(p.valueV)); break;
    case InitVKind::UniformRandom:
      fill_by_global_index(g, v, [&](std::uint64_t i) { return p.minV + (p.maxV - p.minV) * uniform01(key, i); });
      break;
    case InitVKind::GaussianRandom:
      fill_by_global_index(g, v, [&](std::uint64_t i) { return p.meanV + p.sigmaV * standard_normal(key, i); });
      break;
    case InitVKind::DiscreteUniformRandom: {
      // OpenPV: minV + k (maxV - minV) / (numValues - 1), k uniform in 0 .. numValues - 1.
      const double step = (p.maxV - p.minV) / (p.numValues - 1.0);
      fill_by_global_index(g, v, [&](std::uint64_t i) {
        const double k = std::min(std::floor(p.numValues * uniform01(key, i)), p.numValues - 1.0);
        return p.minV + step * k;
      });
      break;
    }
    case InitVKind::FromFile: read_v_file(owner, p, g, v, ctx.nbatch); break;
  }
}

}  // namespace spv
