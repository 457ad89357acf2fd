// Keys every probe type shares (output, trigger, energy-probe membership), and those of layer and norm probes,
// each declared once for all types.
#pragma once
#include <string>

#include "core/io/output_safety.hpp"
#include "params/param_schema.hpp"

namespace spv {

struct ProbeParams {
  std::string message;
  bool textOutputFlag;
  std::string probeOutputFile;
  std::string triggerLayerName;
  double triggerOffset;
  std::string energyProbe;
  double coefficient;
};

struct LayerProbeParams : ProbeParams {
  std::string targetLayer;
};

struct NormProbeParams : LayerProbeParams {
  std::string maskLayerName;
};

// `with_coefficient` is false for types whose coefficient comes from elsewhere (L1NormLCAProbe: the layer's VThresh).
template <class P>
void declare_probe_keys(SchemaBuilder<P>& b, bool with_coefficient = true) {
  using namespace checks;
  // The output-safety rule for file names (an empty name writes nothing), checked here to point at the key early.
  auto relative_path = [](const ParamValue& v) {
    const std::string& file = v.as_string();
    return file.empty() ? std::string() : output_file_problem(file);
  };
  b.key("message", &P::message, Nil, "text before each line of the layouts that have one (StatsProbe, PointProbe)")
      .key("textOutputFlag", &P::textOutputFlag, true, "write the probe's text files")
      .key("probeOutputFile", &P::probeOutputFile, Nil,
           "file in the output directory, one per batch element as <name>_batchElement_<b>.txt; NULL writes "
           "nothing (OpenPV would print to the console)",
           {relative_path})
      .key("triggerLayerName", &P::triggerLayerName, Nil,
           "sample only on steps when this layer gets new data (timescale probes: reset the timescale then)")
      .key("triggerOffset", &P::triggerOffset, 0.0, "act this long before the trigger layer's update", {non_negative()})
      .key("energyProbe", &P::energyProbe, Nil, "the ColumnEnergyProbe whose sum this probe's value joins");
  if (with_coefficient)
    b.key("coefficient", &P::coefficient, 1.0, "multiplies this probe's value in its energyProbe's sum");
}

template <class P>
void declare_layer_probe_keys(SchemaBuilder<P>& b, bool with_coefficient = true) {
  declare_probe_keys(b, with_coefficient);
  b.key("targetLayer", &P::targetLayer, Required, "the layer this probe reads")
      .alias("targetLayer", "targetName");  // OpenPV's older spelling, still read by OpenPV
}

template <class P>
void declare_norm_probe_keys(SchemaBuilder<P>& b, bool with_coefficient = true) {
  declare_layer_probe_keys(b, with_coefficient);
  b.key("maskLayerName", &P::maskLayerName, Nil,
        "count only neurons where this layer's activity is non-zero (same x, y size; nf 1 or the target's)");
}

}  // namespace spv
