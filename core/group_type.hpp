// The per-type boilerplate, written once. A concrete group type derives from Typed<Self, Params, Base> and provides
// `static constexpr const char* kType`, `kDoc` and `static void declare(SchemaBuilder<Params>&)`. Typed owns the one
// Params object (bound from the group before Base is built, so Base can keep a view of its part), and gives the
// schema, the effective params and which keys the file gave.
#pragma once
#include "params/param_group.hpp"
#include "params/param_schema.hpp"

namespace spv {

namespace detail {
// Constructed before Base (it is the first base), so the params Base sees are already bound and validated.
template <class P>
struct BoundParams {
  BoundParams(const ParamGroup& group, const ParamSchema& schema) : given(schema.bind(group, &params)) {}
  P params{};
  BindResult given;
};
}  // namespace detail

template <class Self, class P, class Base>
class Typed : private detail::BoundParams<P>, public Base {
 public:
  using Params = P;
  explicit Typed(const ParamGroup& group)
      : detail::BoundParams<P>(group, param_schema()), Base(group, detail::BoundParams<P>::params) {}

  static const ParamSchema& param_schema() {
    static const ParamSchema schema = [] {
      ParamSchema s(Self::kType, Self::kDoc);
      SchemaBuilder<P> builder(s);
      Self::declare(builder);
      return s;
    }();
    return schema;
  }
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params(); }
  const P& params() const { return bound().params; }
  // The keys the file wrote (legacy spellings included under their current name) and the binder's warnings.
  const BindResult& bind_result() const { return bound().given; }
  const BindResult* binding() const override { return &bound().given; }

 private:
  const detail::BoundParams<P>& bound() const { return *this; }
};

}  // namespace spv
