#include "connections/clone_conn.hpp"

#include "core/errors.hpp"

namespace spv {

const char* const CloneConn::kDoc =
    "Delivers with originalConnName's weights, in the same direction, between layers of the same sizes "
    "as the original's.";

void CloneConn::declare(SchemaBuilder<Params>& b) { declare_dependent_conn_keys(b); }

void CloneConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  DependentConn::resolve(objects, ctx);
  const ConvGeometry& g = original().conv_geometry();
  const LayerGeometry& pre_g = pre().geometry();
  const LayerGeometry& post_g = post().geometry();
  if (g.x.n_pre != pre_g.nx_global || g.y.n_pre != pre_g.ny_global || g.nf_pre != pre_g.nf ||
      g.x.n_post != post_g.nx_global || g.y.n_post != post_g.ny_global || g.nfp != post_g.nf)
    throw GeometryError(describe_layers() + ": a clone of \"" + original().name() + "\" needs layers of its sizes: pre " +
                        std::to_string(g.x.n_pre) + "x" + std::to_string(g.y.n_pre) + "x" + std::to_string(g.nf_pre) +
                        ", post " + std::to_string(g.x.n_post) + "x" + std::to_string(g.y.n_post) + "x" +
                        std::to_string(g.nfp) + " (nx x ny x nf)");
  set_geometry(g);
}

}  // namespace spv
