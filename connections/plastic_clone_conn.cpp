#include "connections/plastic_clone_conn.hpp"

#include "connections/hyper_conn.hpp"

namespace spv {

const char* const PlasticCloneConn::kDoc =
    "Delivers with originalConnName's weights like CloneConn, and its pre and post activity add Hebbian terms to "
    "the original's weight update.";

void PlasticCloneConn::declare(SchemaBuilder<Params>& b) { declare_dependent_conn_keys(b); }

void PlasticCloneConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  DependentConn::resolve(objects, ctx);
  auto* learner = dynamic_cast<HyPerConnBase*>(&original());
  if (!learner)
    fail("originalConnName", "\"" + original().name() + "\" is a " + original().type() +
                                 ", which has no weight updater; name a HyPerConn or MomentumConn");
  set_geometry(original().conv_geometry());
  // The original's updater reads this connection's pre activity at the original's delays.
  for (int arbor = 0; arbor < common().numAxonalArbors; ++arbor) pre().require_delay(original().delay_steps(arbor));
  learner->add_plastic_clone(*this);
}

}  // namespace spv
