// Keys of the weight-holding connection types (HyPerConn and its kin): patch, initial weights, normalisation and
// learning, declared once for all of them with OpenPV's names and defaults.
#pragma once
#include <string>

#include "connections/conv_connection.hpp"

namespace spv {

// OpenPV's weightInitType values.
enum class WeightInitKind {
  UniformRandom,
  GaussianRandom,
  File,
  OneToOne,
  Ident,
  Gauss2D,
  CoCirc,
  DiscreteUniformRandom,
  Uniform,
  Smart,
  OneToOneWithDelays,
  SpreadOverArbors
};

struct HyPerConnParams : ConvConnectionParams {
  bool sharedWeights;
  int nxp, nyp, nfp;
  WeightInitKind weightInitType;
  std::string initWeightsFile;
  int frameNumber;
  bool useListOfArborFiles, combineWeightFiles;
  double wMinInit, wMaxInit, sparseFraction;
  int minNNZ;
  double wGaussMean, wGaussStdev;
  double weightInit;
  bool connectOnlySameFeatures;
  double wMin, wMax;
  int numValues;
  // Gauss2DWeight (and SpreadOverArborsWeight's orientation keys)
  double aspect, sigma, rMax, rMin;
  int numOrientationsPost, numOrientationsPre;
  double deltaThetaMax, thetaMax;
  int numFlanks;
  double flankShift, rotate;
  bool bowtieFlag;
  double bowtieAngle;
  // CoCircWeight (with the Gauss2DWeight keys above)
  double sigmaCocirc;
  bool cocircSelf;
  std::string normalizeMethod, normalizeGroupName;
  double strength;
  bool normalizeArborsIndividually, normalizeOnInitialize, normalizeOnWeightUpdate, normalizeFromPostPerspective;
  double rMinX, rMinY, normalize_cutoff;
  bool nonnegativeConstraintFlag;
  double minL2NormTolerated, minSumTolerated, minMaxTolerated;
  bool plasticityFlag;
  std::string triggerLayerName;
  double triggerOffset, weightUpdatePeriod, initialWeightUpdateTime;
  bool immediateWeightUpdate;
  double dWMax;
  int dWMaxDecayInterval;
  double dWMaxDecayFactor;
  bool normalizeDw, useMask, combine_dW_with_W_flag;
  bool initializeFromCheckpointFlag, writeCompressedCheckpoints;
};

template <class P>
void declare_hyper_conn_keys(SchemaBuilder<P>& b) {
  using namespace checks;
  declare_conv_connection_keys(b);
  b.key("sharedWeights", &P::sharedWeights, true,
        "true: one kernel per pre feature (and cell position), shared over space; false: a patch per pre neuron (CPU "
        "delivery only)")
      .key("nxp", &P::nxp, 1, "patch width in post neurons (odd for equal sizes, a multiple of the stride one-to-many)",
           {at_least(1)})
      .key("nyp", &P::nyp, 1, "patch height in post neurons", {at_least(1)})
      .key("nfp", &P::nfp, -1, "patch features; must equal the post layer's nf (-1: take it from the post layer)")
      .choice("weightInitType", &P::weightInitType, Required,
              {{"UniformRandomWeight", WeightInitKind::UniformRandom},
               {"GaussianRandomWeight", WeightInitKind::GaussianRandom},
               {"FileWeight", WeightInitKind::File},
               {"OneToOneWeights", WeightInitKind::OneToOne},
               {"IdentWeight", WeightInitKind::Ident},
               {"Gauss2DWeight", WeightInitKind::Gauss2D},
               {"CoCircWeight", WeightInitKind::CoCirc},
               {"DiscreteUniformRandomWeight", WeightInitKind::DiscreteUniformRandom},
               {"UniformWeight", WeightInitKind::Uniform},
               {"SmartWeight", WeightInitKind::Smart},
               {"OneToOneWeightsWithDelays", WeightInitKind::OneToOneWithDelays},
               {"SpreadOverArborsWeight", WeightInitKind::SpreadOverArbors}},
              "how the weights start")
      .key("initWeightsFile", &P::initWeightsFile, Nil,
           "an OpenPV weight PVP file; when given, the weights are read from it whatever weightInitType says (as "
           "OpenPV does)")
      .key("frameNumber", &P::frameNumber, 0,
           "FileWeight: which weight frame of the file to read (negative counts from the end: -1 is the last)")
      .key("useListOfArborFiles", &P::useListOfArborFiles, false, "obsolete in OpenPV; must be false")
      .key("combineWeightFiles", &P::combineWeightFiles, false, "obsolete in OpenPV; must be false")
      .key("wMinInit", &P::wMinInit, 0.0, "UniformRandomWeight: lower bound")
      .key("wMaxInit", &P::wMaxInit, 1.0, "UniformRandomWeight: upper bound")
      .key("sparseFraction", &P::sparseFraction, 0.0, "UniformRandomWeight: probability that a weight starts at zero",
           {in_range(0.0, 1.0)})
      .key("minNNZ", &P::minNNZ, 0, "UniformRandomWeight: at least this many non-zero weights per kernel",
           {non_negative()})
      .key("wGaussMean", &P::wGaussMean, 0.0, "GaussianRandomWeight: mean")
      .key("wGaussStdev", &P::wGaussStdev, 1.0, "GaussianRandomWeight: standard deviation", {non_negative()})
      // OpenPV's defaults differ by initialiser: UniformWeight 0, OneToOneWeights and SpreadOverArborsWeight 1.
      .derived_key(
          "weightInit", &P::weightInit, "0 for UniformWeight, else 1",
          [](const P& p) { return p.weightInitType == WeightInitKind::Uniform ? 0.0 : 1.0; },
          "OneToOneWeights: the weight at the patch centre (IdentWeight: 1); UniformWeight: every weight; "
          "SpreadOverArborsWeight: the weight shared out over the arbors")
      .key("connectOnlySameFeatures", &P::connectOnlySameFeatures, false,
           "UniformWeight: only post feature (kernel index mod nfp) gets weightInit, the others 0")
      .key("wMin", &P::wMin, 0.0, "DiscreteUniformRandomWeight: the lowest value (required)")
      .key("wMax", &P::wMax, 1.0, "DiscreteUniformRandomWeight: the highest value (required)")
      .key("numValues", &P::numValues, 2,
           "DiscreteUniformRandomWeight: how many equally spaced values from wMin to wMax (required, at least 2)")
      .key("aspect", &P::aspect, 1.0, "Gauss2DWeight: the Gaussian is narrower across its axis by this factor")
      .key("sigma", &P::sigma, 0.8, "Gauss2DWeight: standard deviation along the axis, in pre-layer units")
      .key("rMax", &P::rMax, 1.4, "Gauss2DWeight: weights whose scaled squared distance exceeds rMax^2 are zero")
      .key("rMin", &P::rMin, 0.0, "Gauss2DWeight: weights whose scaled squared distance is below rMin^2 are zero")
      .key("numOrientationsPost", &P::numOrientationsPost, -1,
           "Gauss2DWeight: orientations of the post layer (features = colours x orientations; <= 0: its nf)")
      .key("numOrientationsPre", &P::numOrientationsPre, -1,
           "Gauss2DWeight: orientations of the pre layer (<= 0: its nf)")
      .key("deltaThetaMax", &P::deltaThetaMax, 6.2831853071795864,
           "Gauss2DWeight: post features whose orientation differs from the pre feature's by more get no weights")
      .key("thetaMax", &P::thetaMax, 1.0,
           "Gauss2DWeight: orientations span thetaMax * pi (1: orientations, 2: directions)")
      .key("numFlanks", &P::numFlanks, 1, "Gauss2DWeight: 2 adds a second Gaussian shifted by -flankShift")
      .key("flankShift", &P::flankShift, 0.0, "Gauss2DWeight: shift of the Gaussian across its axis")
      .key("rotate", &P::rotate, 0.0,
           "Gauss2DWeight: orientations start at rotate * half the orientation step (0: the first is 0)")
      .key("bowtieFlag", &P::bowtieFlag, false,
           "Gauss2DWeight: zero the weights outside a bowtie of half-angle bowtieAngle around the axis")
      .key("bowtieAngle", &P::bowtieAngle, 6.2831853071795864, "Gauss2DWeight: the bowtie's half-angle in radians")
      .key(
          "sigmaCocirc", &P::sigmaCocirc, 1.5707963267948966,
          "CoCircWeight: width (radians) of the factor exp(-chi^2 / (2 sigmaCocirc^2)), chi the angle between the post "
          "orientation and the circle through both neurons tangent to the pre orientation (<= 0: the factor minus 1)")
      .key("cocircSelf", &P::cocircSelf, false,
           "CoCircWeight: a pre feature also connects to the same feature at its own position")
      .key("normalizeMethod", &P::normalizeMethod, Required,
           "normalizeL2 (each kernel to L2 norm strength), normalizeSum, normalizeMax, none, or normalizeGroup "
           "(normalised together with the connection named by normalizeGroupName)",
           {one_of(
               {"normalizeL2", "normalizeSum", "normalizeMax", "none", "normalizeContrastZeroMean", "normalizeGroup"})})
      .key("normalizeGroupName", &P::normalizeGroupName, Nil,
           "normalizeGroup: the group's head, a connection whose normaliser scales each kernel over the whole group "
           "(the head's and every member's weights for that kernel together), with the head's settings")
      .key("strength", &P::strength, 1.0, "the norm (L2, sum or max) each kernel is scaled to")
      .key("normalizeArborsIndividually", &P::normalizeArborsIndividually, false,
           "normalise each arbor's kernel alone instead of the kernel over all arbors")
      .key("normalizeOnInitialize", &P::normalizeOnInitialize, true, "normalise the initial weights")
      .key("normalizeOnWeightUpdate", &P::normalizeOnWeightUpdate, true, "normalise after every weight update")
      .key("normalizeFromPostPerspective", &P::normalizeFromPostPerspective, false,
           "scale strength by (post neurons / pre neurons)")
      .key("rMinX", &P::rMinX, 0.0, "zero a central region of this half-width before normalising (with rMinY > 0.5)",
           {non_negative()})
      .key("rMinY", &P::rMinY, 0.0, "zero a central region of this half-height before normalising", {non_negative()})
      .key("normalize_cutoff", &P::normalize_cutoff, 0.0,
           "zero weights below this fraction of the largest |weight| before normalising", {non_negative()})
      .key("nonnegativeConstraintFlag", &P::nonnegativeConstraintFlag, false,
           "clip negative weights to zero before normalising")
      .key("minL2NormTolerated", &P::minL2NormTolerated, 0.0,
           "normalizeL2: kernels whose L2 norm is at most this are left unchanged", {non_negative()})
      .key("minSumTolerated", &P::minSumTolerated, 0.0,
           "normalizeSum: kernels whose |sum| is at most this are left unchanged", {non_negative()})
      .key("minMaxTolerated", &P::minMaxTolerated, 0.0,
           "normalizeMax: kernels whose largest weight is at most this are left unchanged")
      .key("plasticityFlag", &P::plasticityFlag, false, "learn the weights")
      .key("triggerLayerName", &P::triggerLayerName, Nil, "learning: update when this layer gets a new frame")
      .key("triggerOffset", &P::triggerOffset, 0.0,
           "learning: update at t when the trigger layer fires at t + triggerOffset", {non_negative()})
      .key("weightUpdatePeriod", &P::weightUpdatePeriod, 0.0,
           "learning without a trigger layer: update every weightUpdatePeriod time units", {non_negative()})
      .key("initialWeightUpdateTime", &P::initialWeightUpdateTime, 0.0,
           "learning without a trigger layer: time of the first update", {non_negative()})
      .key("immediateWeightUpdate", &P::immediateWeightUpdate, true,
           "apply dW in the step it is computed (else one update later)")
      .key("dWMax", &P::dWMax, 1.0, "learning rate (required when plasticityFlag is true)")
      .key("dWMaxDecayInterval", &P::dWMaxDecayInterval, 0,
           "dWMax decays after the first update, then every dWMaxDecayInterval + 1 updates (0: never)",
           {non_negative()})
      .key("dWMaxDecayFactor", &P::dWMaxDecayFactor, 0.0, "dWMax *= (1 - dWMaxDecayFactor) at each decay")
      .key("normalizeDw", &P::normalizeDw, true,
           "divide each weight's dW by the number of (pre neuron, batch element) pairs that contributed to it")
      .key("useMask", &P::useMask, false, "obsolete in OpenPV; must be false")
      .key("combine_dW_with_W_flag", &P::combine_dW_with_W_flag, false,
           "accumulate dW in W's own buffer, so that W += dW adds W + dW (as OpenPV)")
      .key("initializeFromCheckpointFlag", &P::initializeFromCheckpointFlag, false,
           "take the weights from initializeFromCheckpointDir when the column names one")
      .key("writeCompressedCheckpoints", &P::writeCompressedCheckpoints, false, "checkpoint weights as bytes");
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (p.nfp != -1 && p.nfp < 1) return {"nfp", "must be -1 (the post layer's nf) or at least 1"};
    if (p.weightInitType == WeightInitKind::UniformRandom && p.wMaxInit < p.wMinInit)
      return {"wMaxInit", "wMaxInit must be >= wMinInit"};
    if (p.weightInitType == WeightInitKind::File && p.initWeightsFile.empty())
      return {"initWeightsFile", "FileWeight needs initWeightsFile"};
    if (p.useListOfArborFiles) return {"useListOfArborFiles", "is obsolete (as in OpenPV); set it to false"};
    if (p.combineWeightFiles) return {"combineWeightFiles", "is obsolete (as in OpenPV); set it to false"};
    if (p.useMask) return {"useMask", "is obsolete (as in OpenPV); set it to false"};
    if (p.dWMaxDecayFactor < 0.0 || p.dWMaxDecayFactor >= 1.0)
      return {"dWMaxDecayFactor", "must be in [0, 1)"};
    return {"", ""};
  });
  // Rules on whether a key was written at all.
  b.cross_check([](const P& p, const BindResult& given) -> std::pair<std::string, std::string> {
    if (p.weightInitType == WeightInitKind::Ident && given.has("weightInit") && p.weightInit != 1.0)
      return {"weightInit", "IdentWeight always uses weight 1; use OneToOneWeights for another value"};
    if (p.weightInitType == WeightInitKind::OneToOneWithDelays && given.has("weightInit") && p.weightInit != 1.0)
      return {"weightInit", "OneToOneWeightsWithDelays always uses weight 1 (OpenPV does not read weightInit)"};
    if (p.weightInitType == WeightInitKind::DiscreteUniformRandom) {
      for (const char* k : {"wMin", "wMax", "numValues"})
        if (!given.has(k)) return {k, "is required when weightInitType is DiscreteUniformRandomWeight"};
      if (p.wMax < p.wMin) return {"wMax", "wMax must be >= wMin"};
      if (p.numValues < 2) return {"numValues", "must be at least 2"};
    }
    if (!p.plasticityFlag) return {"", ""};
    if (!given.has("dWMax")) return {"dWMax", "is required when plasticityFlag is true"};
    if (p.triggerLayerName.empty() && !given.has("weightUpdatePeriod"))
      return {"weightUpdatePeriod", "is required when plasticityFlag is true and triggerLayerName is not set"};
    if (!p.triggerLayerName.empty() && given.has("weightUpdatePeriod"))
      return {"weightUpdatePeriod", "cannot be set together with triggerLayerName; set only one of them"};
    return {"", ""};
  });
}

}  // namespace spv
