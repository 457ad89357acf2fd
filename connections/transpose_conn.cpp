#include "connections/transpose_conn.hpp"

#include "core/errors.hpp"

namespace spv {

const char* const TransposeConn::kDoc =
    "Delivers with the transpose of originalConnName's weights (its pre is the original's post and its "
    "post the original's pre): the adjoint of the original.";

void TransposeConn::declare(SchemaBuilder<Params>& b) { declare_dependent_conn_keys(b); }

void TransposeConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  DependentConn::resolve(objects, ctx);
  const Layer& orig_pre = original().pre();
  const Layer& orig_post = original().post();
  auto same_size = [](const Layer& a, const Layer& b) {
    const LayerGeometry &ga = a.geometry(), &gb = b.geometry();
    return ga.nx_global == gb.nx_global && ga.ny_global == gb.ny_global && ga.nf == gb.nf;
  };
  if (!same_size(pre(), orig_post) || !same_size(post(), orig_pre)) {
    auto size = [](const Layer& l) {
      const LayerGeometry& g = l.geometry();
      return "\"" + l.name() + "\" (nx " + std::to_string(g.nx_global) + ", ny " + std::to_string(g.ny_global) +
             ", nf " + std::to_string(g.nf) + ")";
    };
    throw GeometryError(describe_layers() + ": a transpose of \"" + original().name() + "\" (pre " + size(orig_pre) +
                        ", post " + size(orig_post) + ") needs a pre the size of " + size(orig_post) +
                        " and a post the size of " + size(orig_pre));
  }
  set_geometry(original().conv_geometry().transposed());
}

void TransposeConn::allocate(const RunContext& ctx) {
  DependentConn::allocate(ctx);
  transposer_ = WeightTransposer(original().conv_geometry());
  weights_ = transposer_.make_store(common().numAxonalArbors);
  original_version_ = 0;
}

void TransposeConn::initialize(const RunContext& ctx) {
  DependentConn::initialize(ctx);
  refresh_weights();
}

void TransposeConn::refresh_weights() {
  const WeightStore& from = original().current_weights();
  if (from.version() == original_version_) return;
  transposer_.apply(from, weights_);
  original_version_ = from.version();
}

}  // namespace spv
