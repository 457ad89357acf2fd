#include "probes/base_probe.hpp"

#include "core/checkpoint/checkpoint_registry.hpp"

#include "core/io/output_directory.hpp"
#include "core/object_table.hpp"
#include "probes/column_energy_probe.hpp"

namespace spv {

BaseProbe::BaseProbe(const ParamGroup& group, const ProbeParams& common)
    : Probe(group),
      common_(common),
      message_prefix_(common.message.empty() ? std::string() : common.message + ":"),
      coefficient_(common.coefficient) {}

std::vector<std::string> BaseProbe::dependencies() const {
  // Not the energy probe: it comes after its members (ColumnEnergyProbe explains why).
  if (common_.triggerLayerName.empty()) return {};
  return {common_.triggerLayerName};
}

void BaseProbe::resolve(ObjectTable& objects, const RunContext&) {
  if (!common_.triggerLayerName.empty())
    trigger_ = objects.require<Layer>(common_.triggerLayerName, *this, "triggerLayerName", "a layer");
  if (!common_.energyProbe.empty())
    objects.require<ColumnEnergyProbe>(common_.energyProbe, *this, "energyProbe", "a ColumnEnergyProbe");
}

std::vector<int> BaseProbe::output_batches(const RunContext& ctx) const {
  std::vector<int> all(std::size_t(ctx.nbatch));
  for (int b = 0; b < ctx.nbatch; ++b) all[std::size_t(b)] = b;
  return all;
}

void BaseProbe::initialize(const RunContext& ctx) {
  raw_.assign(std::size_t(ctx.nbatch), 0.0);
  values_.assign(std::size_t(ctx.nbatch), 0.0);
  refreshed_step_ = -1;
}

std::vector<OutputFile> BaseProbe::output_files(const RunContext& ctx) const {
  std::vector<OutputFile> files;
  if (!common_.textOutputFlag || common_.probeOutputFile.empty()) return files;
  for (int b : output_batches(ctx)) files.push_back({batch_element_file_name(common_.probeOutputFile, b), "probeOutputFile"});
  return files;
}

void BaseProbe::open_outputs(const RunContext& ctx) {
  if (ctx.output && ctx.comm->is_root() && common_.textOutputFlag && !common_.probeOutputFile.empty())
    output_.open(*ctx.output, common_.probeOutputFile, output_batches(ctx), header());
}

void BaseProbe::finish(const RunContext&) { output_.close(); }

void BaseProbe::sample(const StepInfo& s, const RunContext& ctx) {
  if (!triggered(s)) return;
  refresh(s, ctx);
  write(s);
}

void BaseProbe::refresh(const StepInfo& s, const RunContext& ctx) {
  if (refreshed_step_ == s.step) return;
  refreshed_step_ = s.step;
  compute(s, ctx);
}

void BaseProbe::set_raw_values(std::span<const double> raw) {
  raw_.assign(raw.begin(), raw.end());
  values_.resize(raw_.size());
  for (std::size_t b = 0; b < raw_.size(); ++b) values_[b] = coefficient_ * raw_[b];
}

bool BaseProbe::triggered(const StepInfo& s) const {
  return !trigger_ || trigger_->fires_at(s.time + common_.triggerOffset, s.dt);
}

}  // namespace spv

namespace spv {

void BaseProbe::register_state(CheckpointRegistry& r, const RunContext&) {
  r.add_doubles("raw", raw_, EntryKind::Run);
  r.add_doubles("values", values_, EntryKind::Run);
  r.add_value("refreshedStep", refreshed_step_, EntryKind::Run);
  if (!output_.is_open()) return;
  r.add_custom(
      "outputPositions", EntryKind::Run,
      [this](const std::filesystem::path& p) {
        const auto pos = output_.positions();
        write_raw_array(p, pos.data(), sizeof(std::int64_t), pos.size());
      },
      [this](const std::filesystem::path& p) {
        std::vector<std::int64_t> pos = output_.positions();
        read_raw_array(p, pos.data(), sizeof(std::int64_t), pos.size());
        output_.resume(pos);
      });
}

}  // namespace spv
