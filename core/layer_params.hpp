// Keys every layer type shares (size, phase, boundary, initial V, trigger, output), declared once for all types.
#pragma once
#include <limits>
#include <string>
#include <vector>

#include "params/param_schema.hpp"

namespace spv {

enum class InitVKind { Zero, Constant, UniformRandom, GaussianRandom, DiscreteUniformRandom, FromFile };
enum class TriggerBehavior { UpdateOnlyOnTrigger, ResetStateOnTrigger };

struct LayerParams {
  double nxScale, nyScale;
  int nf;
  int phase;
  bool mirrorBCflag;
  double valueBC;
  InitVKind InitVType;
  double valueV, minV, maxV, meanV, sigmaV;
  int numValues;
  int frameNumber;  // InitVFromFile
  std::string Vfilename;
  std::string triggerLayerName;
  double triggerOffset;
  TriggerBehavior triggerBehavior;
  std::string triggerResetLayerName;
  double writeStep, initialWriteTime;
  bool sparseLayer, writeSparseValues;
  bool updateGpu;
  bool initializeFromCheckpointFlag;
  std::string dataType;
  // OpenPV's GSynAccumulator (declared only by the types that have one, with declare_channel_keys): the input is
  // sum_c coefficient[c] GSyn[c], coefficients {1, -1} with coefficient[channelIndices[i]] = channelCoefficients[i].
  std::vector<int> channelIndices;
  std::vector<double> channelCoefficients;
};

template <class P>
void declare_layer_keys(SchemaBuilder<P>& b) {
  using namespace checks;
  b.key("nxScale", &P::nxScale, 1.0, "layer width = column nx * nxScale (a whole number)", {positive()})
      .key("nyScale", &P::nyScale, 1.0, "layer height = column ny * nyScale (a whole number)", {positive()})
      .key("nf", &P::nf, 1, "number of features per position", {at_least(1)})
      .key("phase", &P::phase, 0, "update order within a timestep; later phases see this step's earlier phases",
           {non_negative()})
      .key("mirrorBCflag", &P::mirrorBCflag, false, "halo beyond the global edge mirrors the layer (else valueBC)")
      .key("valueBC", &P::valueBC, 0.0, "halo value beyond the global edge when mirrorBCflag is false")
      .choice("InitVType", &P::InitVType, InitVKind::Zero,
              {{"ZeroV", InitVKind::Zero},
               {"ConstantV", InitVKind::Constant},
               {"UniformRandomV", InitVKind::UniformRandom},
               {"GaussianRandomV", InitVKind::GaussianRandom},
               {"DiscreteUniformRandomV", InitVKind::DiscreteUniformRandom},
               {"InitVFromFile", InitVKind::FromFile}},
              "initial membrane potential")
      .key("valueV", &P::valueV, 0.0, "ConstantV: the value")
      .key("minV", &P::minV, 0.0, "UniformRandomV, DiscreteUniformRandomV: lower bound")
      .derived_key(
          "maxV", &P::maxV, "minV + 1", [](const P& p) { return p.minV + 1.0; },
          "UniformRandomV, DiscreteUniformRandomV: upper bound")
      .key("numValues", &P::numValues, 2, "DiscreteUniformRandomV: equally spaced values from minV to maxV",
           {at_least(2)})
      .key("meanV", &P::meanV, 0.0, "GaussianRandomV: mean")
      .key("sigmaV", &P::sigmaV, 1.0, "GaussianRandomV: standard deviation", {non_negative()})
      .key("Vfilename", &P::Vfilename, Nil, "InitVFromFile: PVP file holding V (dense, or sparse with values)")
      .key("frameNumber", &P::frameNumber, 0,
           "InitVFromFile: the batch of frames to read (frames frameNumber * nbatch + b, wrapping around the file; "
           "negative counts from the end), as in OpenPV")
      .key("triggerLayerName", &P::triggerLayerName, Nil, "update only when this layer gets a new frame")
      .key("triggerOffset", &P::triggerOffset, 0.0, "fire this long before the trigger layer's update",
           {non_negative()})
      .choice("triggerBehavior", &P::triggerBehavior, TriggerBehavior::UpdateOnlyOnTrigger,
              {{"updateOnlyOnTrigger", TriggerBehavior::UpdateOnlyOnTrigger},
               {"resetStateOnTrigger", TriggerBehavior::ResetStateOnTrigger}},
              "what a trigger does")
      .key("triggerResetLayerName", &P::triggerResetLayerName, Nil,
           "resetStateOnTrigger: copy V from this layer (default: this layer's initial V)")
      .key("writeStep", &P::writeStep, -1.0,
           "write activity every writeStep time units; 0: every step; negative: never")
      .key("initialWriteTime", &P::initialWriteTime, 0.0,
           "time of the first activity write (a negative one moves forward by whole writeSteps)", {finite()})
      .key("sparseLayer", &P::sparseLayer, false, "write activity as sparse PVP (the layer is mostly zero)")
      .key("writeSparseValues", &P::writeSparseValues, true,
           "sparse output keeps values (PVP type 6), else indices (2)")
      .key("updateGpu", &P::updateGpu, false,
           "update this layer on the GPU selected with -d (without -d: on the CPU, with a warning)")
      .key("initializeFromCheckpointFlag", &P::initializeFromCheckpointFlag, true,
           "take this layer's state from initializeFromCheckpointDir when the column names one")
      .key("dataType", &P::dataType, Nil, "OpenPV's activity data type; only float (NULL) is supported",
           {[](const ParamValue& v) {
             return v.is_nil() || v.as_string().empty() || v.as_string() == "float" ? std::string()
                                                                                   : std::string("only float is supported");
           }});
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (p.InitVType == InitVKind::FromFile && p.Vfilename.empty())
      return {"Vfilename", "InitVFromFile needs Vfilename"};
    if ((p.InitVType == InitVKind::UniformRandom || p.InitVType == InitVKind::DiscreteUniformRandom) &&
        !(p.maxV >= p.minV))
      return {"maxV", "maxV must be >= minV"};
    return {"", ""};
  });
}

// channelIndices / channelCoefficients, for the types whose input is OpenPV's GSynAccumulator (sum over channels).
template <class P>
void declare_channel_keys(SchemaBuilder<P>& b) {
  using namespace checks;
  b.key("channelIndices", &P::channelIndices, std::vector<int>{},
        "input channels whose coefficient channelCoefficients sets (a negative index is ignored); the input is "
        "sum_c coefficient[c] GSyn[c], the coefficients starting as {1, -1} and growing with zeros",
        {integer(), in_range(-1e9, 255)})
      .key("channelCoefficients", &P::channelCoefficients, std::vector<double>{},
           "the coefficients of the channels in channelIndices, one each", {finite()});
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (p.channelIndices.size() != p.channelCoefficients.size())
      return {"channelCoefficients", "has " + std::to_string(p.channelCoefficients.size()) +
                                         " values but channelIndices has " + std::to_string(p.channelIndices.size()) +
                                         "; the two arrays must have the same length"};
    return {"", ""};
  });
}

// The channel coefficients the keys give: empty when they are the default {1, -1} (V = GSyn[0] - GSyn[1]), else the
// vector, one per input channel used, as OpenPV builds it.
inline std::vector<float> channel_coefficients(const LayerParams& p) {
  std::vector<float> c{1.0f, -1.0f};
  for (std::size_t i = 0; i < p.channelIndices.size() && i < p.channelCoefficients.size(); ++i) {
    const int index = p.channelIndices[i];
    if (index < 0) continue;
    if (std::size_t(index) >= c.size()) c.resize(std::size_t(index) + 1, 0.0f);
    c[std::size_t(index)] = float(p.channelCoefficients[i]);
  }
  if (c.size() == 2 && c[0] == 1.0f && c[1] == -1.0f) return {};
  return c;
}

}  // namespace spv
