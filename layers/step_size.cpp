#include "layers/step_size.hpp"

#include "core/object_table.hpp"
#include "params/error.hpp"

namespace spv {

void StepSize::resolve(const Object& owner, ObjectTable& objects, const std::string& probe_name) {
  timescales_ = nullptr;
  if (probe_name.empty()) return;
  Object* o = objects.require<Object>(probe_name, owner, "adaptiveTimeScaleProbe", "a probe");
  timescales_ = dynamic_cast<const TimeScaleSource*>(o);
  if (!timescales_)
    throw ParamError(
        owner.location_of("adaptiveTimeScaleProbe"), owner.name(), "adaptiveTimeScaleProbe",
        "names \"" + o->name() + "\", a " + o->type() + "; it must be an AdaptiveTimeScaleProbe or KneeTimeScaleProbe");
}

}  // namespace spv
