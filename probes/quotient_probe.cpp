#include "probes/quotient_probe.hpp"

#include "core/errors.hpp"
#include "core/object_table.hpp"

namespace spv {

const char* const QuotientProbe::kDoc =
    "numerator probe's value / denominator probe's value, per batch element (values before their coefficients).";

void QuotientProbe::declare(SchemaBuilder<Params>& b) {
  declare_probe_keys(b);
  b.key("numerator", &Params::numerator, Required, "the probe whose value is divided")
      .key("denominator", &Params::denominator, Required, "the probe whose value divides");
}

std::vector<std::string> QuotientProbe::dependencies() const {
  auto deps = BaseProbe::dependencies();
  deps.push_back(params().numerator);
  deps.push_back(params().denominator);
  return deps;
}

void QuotientProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  BaseProbe::resolve(objects, ctx);
  auto operand = [&](const std::string& probe, const char* key) {
    auto* p = objects.require<BaseProbe>(probe, *this, key, "a probe");
    if (!p->has_batch_values())
      fail(key, "names \"" + p->name() + "\", a " + p->type() + ", which has no value per batch element");
    return p;
  };
  numerator_ = operand(params().numerator, "numerator");
  denominator_ = operand(params().denominator, "denominator");
}

std::string QuotientProbe::target_description() const {
  return "probe " + params().numerator + " / probe " + params().denominator;
}

void QuotientProbe::compute(const StepInfo& s, const RunContext& ctx) {
  numerator_->refresh(s, ctx);
  denominator_->refresh(s, ctx);
  const std::vector<double>& n = numerator_->raw_values();
  const std::vector<double>& d = denominator_->raw_values();
  if (n.size() != d.size())
    throw Error("QuotientProbe \"" + name() + "\": numerator \"" + numerator_->name() + "\" has " +
                std::to_string(n.size()) + " values but denominator \"" + denominator_->name() + "\" has " +
                std::to_string(d.size()));
  quotient_.resize(n.size());
  for (std::size_t b = 0; b < n.size(); ++b) quotient_[b] = n[b] / d[b];  // IEEE: x/0 is inf or NaN, as in OpenPV
  set_raw_values(quotient_);
}

void QuotientProbe::write(const StepInfo& s) {
  if (!output().is_open()) return;
  // OpenPV's layout, written through a C++ stream's default (%g) formatting.
  for (std::size_t b = 0; b < raw_values().size(); ++b)
    output().print(int(b), "\"%s\",%g,%d,%g\n", common().message.c_str(), s.time, int(b), raw_values()[b]);
}

}  // namespace spv
