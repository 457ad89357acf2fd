// A small column for the OpenPV layer tests: layers fed from ConstantLayers whose V comes from PVP files of literal
// numbers, so every expected value below is worked out by hand from the file's numbers.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "core/layer.hpp"
#include "tests/support/column_fixture.hpp"

namespace spv::test {

inline void write_values(const std::filesystem::path& path, int nx, int nf, const std::vector<float>& values) {
  PvpActivityFileWriter w(path, PvpType::Dense, nx, 1, nf, 1);
  w.write_frame(0.0, values);
  w.close();
}

// A ConstantLayer NAME of nx x 1 x nf holding `values` (its V and A).
inline std::string constant_layer(const TempDir& dir, const std::string& name, int nf, const std::vector<float>& values,
                                  int nx) {
  write_values(dir / (name + ".pvp"), nx, nf, values);
  return "  " + name + " = { groupType = \"ConstantLayer\", nf = " + std::to_string(nf) +
         ", InitVType = \"InitVFromFile\", Vfilename = here .. \"" + name + ".pvp\" },\n";
}

inline std::string ident(const std::string& pre, const std::string& post, int channel) {
  return "  " + pre + "To" + post + " = { groupType = \"IdentConn\", preLayerName = \"" + pre +
         "\", postLayerName = \"" + post + "\", channelCode = " + std::to_string(channel) + " },\n";
}

// A column of nx x 1 with `groups`; the PVP files lie beside the params file.
inline std::filesystem::path network(const TempDir& dir, int nx, const std::string& groups, int nbatch = 1) {
  return dir.write("net.lua", R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = )lua" +
                                  std::to_string(nx) + ", ny = 1, dt = 1, stopTime = 100, randomSeed = 7, nbatch = " +
                                  std::to_string(nbatch) + " },\n" + groups + "}\n");
}

inline std::vector<float> v_of(const Layer& l) { return {l.V().begin(), l.V().end()}; }

// The restricted activity of batch element b, [x][f].
inline std::vector<float> a_of(const Layer& l, int b = 0) {
  const LayerGeometry& g = l.geometry();
  std::vector<float> out;
  for (int x = 0; x < g.nx; ++x)
    for (int f = 0; f < g.nf; ++f) out.push_back(l.A()[std::size_t(b) * g.neurons_ext() + g.ext_index(x, 0, f)]);
  return out;
}

}  // namespace spv::test
