// A params document: groups in file order, each a typed, named list of key = value entries with source locations.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "params/error.hpp"
#include "params/param_value.hpp"

namespace spv {

struct ParamEntry {
  std::string key;
  ParamValue value;
  SourceLocation where;
};

class ParamGroup {
 public:
  std::string type;  // groupType, e.g. "HyPerLCALayer"
  std::string name;
  SourceLocation where;
  std::vector<ParamEntry> entries;

  const ParamEntry* find(std::string_view key) const;
  // Replaces an existing entry or appends a new one.
  void set(const std::string& key, ParamValue value, SourceLocation where = {});
  // Location of a key if present, else of the group.
  SourceLocation location_of(std::string_view key) const;
};

class ParamDocument {
 public:
  std::string path;  // the file it was read from
  std::vector<ParamGroup> groups;

  const ParamGroup* find(std::string_view name) const;
  ParamGroup* find(std::string_view name);
};

// OpenPV's ParameterSweep and BatchSweep groups: named "<group>:<key>", their entries keyed "1", "2", ... hold the
// values in order.
bool is_sweep_type(std::string_view type);

// OpenPV's -shuffle: the column first, the other groups in an order drawn from seed, the same on every rank
// and platform. A run's results must not depend on it.
void shuffle_groups(ParamDocument& doc, std::uint32_t seed);

}  // namespace spv
