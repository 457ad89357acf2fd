#include "params/param_group.hpp"

#include <algorithm>
#include <random>

#include <utility>

namespace spv {

const ParamEntry* ParamGroup::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

void ParamGroup::set(const std::string& key, ParamValue value, SourceLocation where) {
  for (auto& e : entries) {
    if (e.key == key) {
      e.value = std::move(value);
      e.where = std::move(where);
      return;
    }
  }
  entries.push_back(ParamEntry{key, std::move(value), std::move(where)});
}

SourceLocation ParamGroup::location_of(std::string_view key) const {
  const ParamEntry* e = find(key);
  return e ? e->where : where;
}

const ParamGroup* ParamDocument::find(std::string_view name) const {
  for (const auto& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

ParamGroup* ParamDocument::find(std::string_view name) {
  for (auto& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

bool is_sweep_type(std::string_view type) { return type == "ParameterSweep" || type == "BatchSweep"; }

void shuffle_groups(ParamDocument& doc, std::uint32_t seed) {
  // Fisher-Yates on mt19937's raw output: std::shuffle's order is left to the library, this one is fixed.
  std::mt19937 draw(seed);
  auto& g = doc.groups;
  std::stable_partition(g.begin(), g.end(), [](const ParamGroup& group) { return group.type == "HyPerCol"; });
  for (std::size_t i = g.size(); i > 2; --i) std::swap(g[i - 1], g[1 + draw() % (i - 1)]);
}

}  // namespace spv
