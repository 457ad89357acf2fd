#include "probes/column_energy_probe.hpp"

#include <algorithm>
#include <set>

#include "core/errors.hpp"
#include "core/object_table.hpp"

namespace spv {

const char* const ColumnEnergyProbe::kDoc =
    "sum of the values (each times its coefficient) of the probes whose energyProbe names this one.";

void ColumnEnergyProbe::declare(SchemaBuilder<Params>& b) { declare_probe_keys(b); }

std::string ColumnEnergyProbe::target_description() const {
  std::string names;
  for (const BaseProbe* m : members_) names += (names.empty() ? "" : ", ") + m->name();
  return "the sum of " + (names.empty() ? std::string("no probes") : names);
}

void ColumnEnergyProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  BaseProbe::resolve(objects, ctx);
  // An energy probe may itself join another; a loop of them would have no value to start from.
  std::set<std::string> seen{name()};
  for (std::string next = params().energyProbe; !next.empty();) {
    if (!seen.insert(next).second)
      fail("energyProbe", "energy probes add into each other in a cycle (through \"" + next + "\")");
    const auto* p = dynamic_cast<const Probe*>(objects.find(next));
    next = p ? p->energy_probe_name() : std::string();
  }
  members_.clear();
  for (const auto& o : objects.objects()) {
    auto* p = dynamic_cast<BaseProbe*>(o.get());
    if (!p || p == this || p->energy_probe_name() != name()) continue;
    if (!p->has_batch_values())
      throw ParamError(
          p->location_of("energyProbe"), p->name(), "energyProbe",
          "a " + p->type() + " has no value per batch element, so it cannot join energy probe \"" + name() + "\"");
    members_.push_back(p);
  }
  std::sort(members_.begin(), members_.end(),
            [](const BaseProbe* a, const BaseProbe* b) { return a->name() < b->name(); });
}

void ColumnEnergyProbe::compute(const StepInfo& s, const RunContext& ctx) {
  std::vector<double>& energy = energy_;
  energy.assign(std::size_t(ctx.nbatch), 0.0);
  for (BaseProbe* m : members_) {
    m->refresh(s, ctx);
    const std::vector<double>& v = m->values();
    if (v.size() != energy.size())
      throw Error("probe \"" + m->name() + "\" has " + std::to_string(v.size()) + " values, but energy probe \"" +
                  name() + "\" sums " + std::to_string(energy.size()) + " batch elements");
    for (std::size_t b = 0; b < energy.size(); ++b) energy[b] += v[b];
  }
  set_raw_values(energy);
}

void ColumnEnergyProbe::write(const StepInfo& s) {
  if (!output().is_open()) return;
  for (std::size_t b = 0; b < raw_values().size(); ++b)
    output().print(int(b), "%10f, %d, %10.9f\n", s.time, int(b), raw_values()[b]);
}

}  // namespace spv
