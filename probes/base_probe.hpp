// What every probe type shares: the trigger, membership of an energy probe with a coefficient, values per global
// batch element computed at most once per step, and per-batch text files written by the root rank.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/probe.hpp"
#include "probes/probe_output.hpp"
#include "probes/probe_params.hpp"

namespace spv {

class BaseProbe : public Probe {
 public:
  BaseProbe(const ParamGroup& group, const ProbeParams& common);

  std::string energy_probe_name() const override { return common_.energyProbe; }
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  // Values start at zero (what a timescale probe reads before the first step).
  void initialize(const RunContext& ctx) override;
  // probeOutputFile per output batch element, as <name>_batchElement_<b><ext> (with textOutputFlag).
  std::vector<OutputFile> output_files(const RunContext& ctx) const override;
  void open_outputs(const RunContext& ctx) override;
  void finish(const RunContext& ctx) override;
  // The latest values and the output files' positions (run state).
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;
  // On steps where the trigger allows: refresh, then write this step's lines.
  void sample(const StepInfo& s, const RunContext& ctx) override;

  // Brings the values up to the state after step s, computing at most once per step whatever the trigger says, so
  // that an energy probe may ask its members in any order and always sees the same numbers. Collective: every rank
  // must call it for the same steps.
  void refresh(const StepInfo& s, const RunContext& ctx);
  // Per global batch element, before the coefficient: what the probe's file shows (OpenPV's getValues()).
  const std::vector<double>& raw_values() const { return raw_; }
  double coefficient() const { return coefficient_; }
  // False for probes whose values are not one number per batch element; those cannot join an energy probe.
  virtual bool has_batch_values() const { return true; }

 protected:
  // Computes the raw value of every global batch element and passes them to set_raw_values (on every rank).
  virtual void compute(const StepInfo& s, const RunContext& ctx) = 0;
  // Writes this step's lines through output(); called on every rank, only the root's files are open.
  virtual void write(const StepInfo& s) = 0;
  // First line of each file: the names of the values of write's lines, comma-separated (docs/probe-format.md).
  // Every probe type names its columns, so every probe file has one format: a header line, then data lines.
  virtual std::string header() const = 0;
  // Global batch elements that get a file (default: all).
  virtual std::vector<int> output_batches(const RunContext& ctx) const;

  // Copies into the values kept since initialize (no allocation while the batch size stays the same).
  void set_raw_values(std::span<const double> raw);
  void set_coefficient(double c) { coefficient_ = c; }
  bool has_trigger() const { return trigger_ != nullptr; }
  // True when there is no trigger layer, or it fires at this step's time plus triggerOffset.
  bool triggered(const StepInfo& s) const;
  const ProbeParams& common() const { return common_; }
  // The message as OpenPV prefixes it to lines: "message:" or nothing.
  const std::string& message_prefix() const { return message_prefix_; }
  ProbeOutput& output() { return output_; }

 private:
  ProbeParams common_;
  std::string message_prefix_;  // built once: probe lines use it every step
  double coefficient_;
  Layer* trigger_ = nullptr;
  std::vector<double> raw_;
  long refreshed_step_ = -1;
  ProbeOutput output_;
};

}  // namespace spv
