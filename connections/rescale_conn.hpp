// RescaleConn: post input += scale * pre activity, neuron for neuron (the input-to-error connection of the tutorial).
#pragma once
#include "core/group_type.hpp"
#include "connections/ident_conn.hpp"

namespace spv {

struct RescaleConnParams : IdentConnParams {
  double scale;
};

class RescaleConn : public Typed<RescaleConn, RescaleConnParams, OneToOneConn> {
 public:
  static constexpr const char* kType = "RescaleConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  float scale() const override { return float(params().scale); }
};

}  // namespace spv
