// The parameter reference of every group type, generated from the declarations (docs/params.md is this text; a
// test fails when the file is out of date): each type with its purpose, each key with kind, default, allowed values
// and meaning.
#pragma once
#include <string>

namespace spv {

class Registry;

// The first sentence of a type's doc, for one-line listings (sparsepv --describe, the reference's index).
std::string purpose_line(const std::string& doc);
std::string params_reference_markdown(const Registry& registry);

}  // namespace spv
