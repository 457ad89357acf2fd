// ColumnEnergyProbe: per batch element, the sum of the values (coefficient times value) of every probe whose
// energyProbe names it.
//
// Order without dependencies: the members cannot depend on the energy probe (it must come after them), and the energy
// probe cannot list its members in dependencies() (those are called before any look-up, and only the members' groups
// say whom they join). So resolve() finds the members by scanning the objects, and compute() first asks each member to
// refresh() itself for this step (a member computes at most once per step), then adds their values in name order.
// The sum is then the same whatever order the column samples probes in and whatever order the groups were written in.
#pragma once
#include "core/group_type.hpp"
#include "probes/base_probe.hpp"

namespace spv {

class ColumnEnergyProbe : public Typed<ColumnEnergyProbe, ProbeParams, BaseProbe> {
 public:
  static constexpr const char* kType = "ColumnEnergyProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

  // The probes whose energyProbe names this one, by name.
  const std::vector<BaseProbe*>& members() const { return members_; }
  std::string target_description() const override;

 protected:
  void compute(const StepInfo& s, const RunContext& ctx) override;
  void write(const StepInfo& s) override;
  std::string header() const override { return "time,index,energy"; }

 private:
  std::vector<BaseProbe*> members_;
  std::vector<double> energy_;  // scratch of compute, reused every step
};

}  // namespace spv
