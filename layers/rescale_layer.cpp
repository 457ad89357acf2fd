#include "layers/rescale_layer.hpp"

#include <cfloat>
#include <cmath>
#include <vector>

#include "core/object_table.hpp"
#include "layers/exact_batch_sums.hpp"
#include "layers/same_size.hpp"

namespace spv {

void RescaleLayer::declare(SchemaBuilder<Params>& b) {
  declare_from_original_keys(b, "the layer whose activity is rescaled");
  b.choice("rescaleMethod", &Params::rescaleMethod, Required,
           {{"maxmin", RescaleMethod::MaxMin},
            {"meanstd", RescaleMethod::MeanStd},
            {"pointmeanstd", RescaleMethod::PointMeanStd},
            {"l2", RescaleMethod::L2},
            {"l2NoMean", RescaleMethod::L2NoMean},
            {"pointResponseNormalization", RescaleMethod::PointResponseNormalization},
            {"zerotonegative", RescaleMethod::ZeroToNegative},
            {"softmax", RescaleMethod::Softmax},
            {"logreg", RescaleMethod::LogReg}},
           "maxmin: (a - min)/(max - min) (targetMax - targetMin) + targetMin over the layer (0 if constant); "
           "meanstd: (a - mean) targetStd/std + targetMean over the layer (a if std = 0); pointmeanstd: the same "
           "over the features at each position; l2: (a - mean)/(std sqrt(patchSize)); l2NoMean: a/(rms "
           "sqrt(patchSize)) (both a if 0); pointResponseNormalization: a/||a|| over the features at each position "
           "(a if 0); softmax over the features at each position; zerotonegative: 0 becomes -1; logreg: "
           "1/(1 + e^a)")
      .key("targetMax", &Params::targetMax, 1.0, "(maxmin) the largest value after rescaling")
      .key("targetMin", &Params::targetMin, -1.0, "(maxmin) the smallest value after rescaling")
      .key("targetMean", &Params::targetMean, 0.0, "(meanstd, pointmeanstd) the mean after rescaling")
      .key("targetStd", &Params::targetStd, 1.0, "(meanstd, pointmeanstd) the standard deviation after rescaling")
      .key("patchSize", &Params::patchSize, 1,
           "(l2, l2NoMean) the standard deviation after rescaling is "
           "1/sqrt(patchSize)");
  // OpenPV reads each target key only for the methods that use it; a key given for another method would be ignored.
  b.cross_check([](const Params& p, const BindResult& given) -> std::pair<std::string, std::string> {
    const RescaleMethod m = p.rescaleMethod;
    const bool maxmin = m == RescaleMethod::MaxMin;
    const bool meanstd = m == RescaleMethod::MeanStd || m == RescaleMethod::PointMeanStd;
    const bool l2 = m == RescaleMethod::L2 || m == RescaleMethod::L2NoMean;
    for (const char* key : {"targetMax", "targetMin"})
      if (!maxmin && given.has(key)) return {key, "is read only with rescaleMethod = \"maxmin\""};
    for (const char* key : {"targetMean", "targetStd"})
      if (!meanstd && given.has(key)) return {key, "is read only with rescaleMethod = \"meanstd\" or \"pointmeanstd\""};
    if (!l2 && given.has("patchSize")) return {"patchSize", "is read only with rescaleMethod = \"l2\" or \"l2NoMean\""};
    return {"", ""};
  });
}

void RescaleLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  comm_ = ctx.comm;
  FromOriginalLayer::resolve(objects, ctx);
}

LayerGeometry RescaleLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  require_same_size(name(), own, original());
  return own;
}

float RescaleLayer::original_at(int b, int x, int y, int f) const {
  const LayerGeometry& og = original().geometry();
  return original_a_[std::size_t(b) * og.neurons_ext() + og.ext_index(x, y, f)];
}

void RescaleLayer::update_state(const StepInfo&) {
  original_a_ = original().A().data();
  switch (params().rescaleMethod) {
    case RescaleMethod::MaxMin:
    case RescaleMethod::MeanStd:
    case RescaleMethod::L2:
    case RescaleMethod::L2NoMean: rescale_by_layer_statistics(); break;
    case RescaleMethod::PointMeanStd:
    case RescaleMethod::PointResponseNormalization:
    case RescaleMethod::Softmax: rescale_by_position(); break;
    case RescaleMethod::ZeroToNegative:
    case RescaleMethod::LogReg: rescale_by_neuron(); break;
  }
}

// OpenPV's equations in its float order; only the reductions differ (exact, so every split agrees).
void RescaleLayer::rescale_by_layer_statistics() {
  const LayerGeometry& g = geometry_;
  const RescaleMethod method = params().rescaleMethod;
  const float count = float(g.global_neurons());
  auto for_each_local = [&](auto fn) {
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = 0; y < g.ny; ++y)
        for (int x = 0; x < g.nx; ++x)
          for (int f = 0; f < g.nf; ++f) fn(b, x, y, f);
  };
  // Per local batch element: A = map(b, a).
  std::vector<float> p0(std::size_t(g.nbatch)), p1(std::size_t(g.nbatch));
  if (method == RescaleMethod::MaxMin) {
    // OpenPV's starting bounds, +-1e9, are the values every rank not holding a batch element passes.
    std::vector<double> max_a(std::size_t(g.nbatch_global), -1e9), neg_min_a(std::size_t(g.nbatch_global), -1e9);
    for_each_local([&](int b, int x, int y, int f) {
      const float a = original_at(b, x, y, f);
      double& mx = max_a[std::size_t(g.batch0 + b)];
      double& mn = neg_min_a[std::size_t(g.batch0 + b)];
      if (a > mx) mx = a;
      if (-a > mn) mn = -double(a);
    });
    max_a = batch_maximum(*comm_, max_a);
    neg_min_a = batch_maximum(*comm_, neg_min_a);
    for (int b = 0; b < g.nbatch; ++b) {
      p0[std::size_t(b)] = -float(neg_min_a[std::size_t(g.batch0 + b)]);                  // min
      p1[std::size_t(b)] = float(max_a[std::size_t(g.batch0 + b)]) - p0[std::size_t(b)];  // range
    }
  } else {
    std::vector<float> mean(std::size_t(g.nbatch), 0.0f);
    if (method != RescaleMethod::L2NoMean) {
      ExactBatchSums sums(g.nbatch_global);
      for_each_local([&](int b, int x, int y, int f) { sums.add(g.batch0 + b, original_at(b, x, y, f)); });
      sums.reduce(*comm_);
      for (int b = 0; b < g.nbatch; ++b) mean[std::size_t(b)] = float(sums.value(g.batch0 + b)) / count;
    }
    ExactBatchSums squares(g.nbatch_global);
    for_each_local([&](int b, int x, int y, int f) {
      const float d = original_at(b, x, y, f) - mean[std::size_t(b)];
      squares.add(g.batch0 + b, d * d);
    });
    squares.reduce(*comm_);
    for (int b = 0; b < g.nbatch; ++b) {
      p0[std::size_t(b)] = mean[std::size_t(b)];
      p1[std::size_t(b)] = std::sqrt(float(squares.value(g.batch0 + b)) / count);  // std (rms for l2NoMean)
    }
  }
  const float target_max = float(params().targetMax), target_min = float(params().targetMin);
  const float target_mean = float(params().targetMean), target_std = float(params().targetStd);
  const float root_patch = std::sqrt(float(params().patchSize));
  for_each_local([&](int b, int x, int y, int f) {
    const float a = original_at(b, x, y, f), s0 = p0[std::size_t(b)], s1 = p1[std::size_t(b)];
    float out = a;  // meanstd, l2 and l2NoMean leave a layer of zero spread unchanged
    switch (method) {
      case RescaleMethod::MaxMin:
        out = s1 != 0.0f ? ((a - s0) / s1) * (target_max - target_min) + target_min : 0.0f;
        break;
      case RescaleMethod::MeanStd: out = s1 != 0.0f ? (a - s0) * (target_std / s1) + target_mean : a; break;
      case RescaleMethod::L2: out = s1 != 0.0f ? (a - s0) * (1.0f / (s1 * root_patch)) : a; break;
      case RescaleMethod::L2NoMean: out = s1 != 0.0f ? a * (1.0f / (s1 * root_patch)) : a; break;
      default: break;
    }
    activity_ptr(b)[g.ext_index(x, y, f)] = out;
  });
}

void RescaleLayer::rescale_by_position() {
  const LayerGeometry& g = geometry_;
  const RescaleMethod method = params().rescaleMethod;
  const float nf = float(g.nf);
  const float target_mean = float(params().targetMean), target_std = float(params().targetStd);
  std::vector<float> v(std::size_t(g.nf));
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x) {
        for (int f = 0; f < g.nf; ++f) v[std::size_t(f)] = original_at(b, x, y, f);
        float* out = a + g.ext_index(x, y, 0);
        if (method == RescaleMethod::PointMeanStd) {
          float sum = 0.0f, sumsq = 0.0f;
          for (float e : v) sum += e;
          const float mean = sum / nf;
          for (float e : v) sumsq += (e - mean) * (e - mean);
          const float std_dev = std::sqrt(sumsq / nf);
          for (int f = 0; f < g.nf; ++f) {
            const float e = v[std::size_t(f)];
            out[f] = std_dev != 0.0f ? (e - mean) * (target_std / std_dev) + target_mean : e;
          }
        } else if (method == RescaleMethod::PointResponseNormalization) {
          float sumsq = 0.0f;
          for (float e : v) sumsq += e * e;
          const float divisor = std::sqrt(sumsq);
          for (int f = 0; f < g.nf; ++f) out[f] = divisor != 0.0f ? v[std::size_t(f)] / divisor : v[std::size_t(f)];
        } else {
          // Softmax, shifted by the largest value for range; OpenPV starts that search at FLT_MIN (the smallest
          // positive float), so an all-negative position is not shifted.
          float largest = FLT_MIN, sum_exp = 0.0f;
          for (float e : v) largest = std::max(largest, e);
          for (float e : v) sum_exp += std::exp(e - largest);
          const bool usable = sum_exp != 0.0f && sum_exp == sum_exp;  // neither zero nor NaN
          for (int f = 0; f < g.nf; ++f) out[f] = usable ? std::exp(v[std::size_t(f)] - largest) / sum_exp : 0.0f;
        }
      }
  }
}

void RescaleLayer::rescale_by_neuron() {
  const LayerGeometry& g = geometry_;
  const bool logreg = params().rescaleMethod == RescaleMethod::LogReg;
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f) {
          const float e = original_at(b, x, y, f);
          a[g.ext_index(x, y, f)] = logreg ? 1.0f / (1.0f + std::exp(e)) : e == 0.0f ? -1.0f : e;
        }
  }
}

}  // namespace spv
