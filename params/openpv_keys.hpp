// OpenPV's vocabulary, held as data (params/openpv_keys.tsv): the keys OpenPV reads or its own params files use, and
// the OpenPV group types sparsepv does not build. A key that a sparsepv type does not declare is looked up here: an
// OpenPV key without effect on that type is accepted with a warning; one that would change the result of a type
// OpenPV reads it for is accepted only at its neutral values; anything else stays an unknown-key error.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "params/param_value.hpp"

namespace spv {

struct OpenPvKeyRule {
  std::vector<std::string> types;    // OpenPV types whose result the key changes (and sparsepv lacks it for)
  std::vector<std::string> neutral;  // the values that leave that result as sparsepv computes it ("" none)
};

struct OpenPvKey {
  std::string key;
  std::vector<OpenPvKeyRule> rules;
  std::string why;  // what the key does in OpenPV, printed with the warning or the error
};

struct OpenPvType {
  std::string type, why;
  std::string successor;  // a type OpenPV removed: the sparsepv type that builds it (empty: refused with `why`)
};

const OpenPvKey* find_openpv_key(std::string_view key);
const OpenPvType* find_openpv_type(std::string_view type);
// Whether `value` is one of a rule's neutral spellings (numbers and booleans compare as numbers).
bool is_neutral_value(const ParamValue& value, const std::vector<std::string>& neutral);

}  // namespace spv
