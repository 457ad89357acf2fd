// Base of the norm probes (L0, L1, L2): a sum of a per-neuron cost of the target's activity over the whole layer,
// optionally masked, reduced exactly across ranks; writes OpenPV's norm line.
#pragma once
#include "probes/binned_sum.hpp"
#include "probes/grid_sum.hpp"
#include "probes/layer_probe.hpp"
#include "core/kernels/parallel.hpp"

namespace spv {

class NormProbe : public LayerProbe {
 public:
  NormProbe(const ParamGroup& group, const NormProbeParams& p);
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  // Sum of the costs over this tile's interior for local batch element b (sum_of does the walking).
  virtual GridSum local_sum(int b) const = 0;
  // The probe's value from the layer-wide sum (L2 raises it to exponent / 2).
  virtual double norm_from_sum(double sum) const { return sum; }

  // The sum that add(sum, a) builds from each a of the interior (never the halo) of local batch element b, where the
  // mask, if any, is non-zero (add calls sum.add, add_square or add_count).
  template <class Add>
  GridSum sum_of(int b, Add add) const;

  // The target's VThresh, for the LCA probes that derive their coefficient from it; a target without a finite one
  // is an error at targetLayer.
  double target_vthresh() const;

  void compute(const StepInfo& s, const RunContext& ctx) override;
  void write(const StepInfo& s) override;
  // Names the columns of write's lines: time, batch element, neurons counted, the norm.
  std::string header() const override { return "time,index,neurons,norm"; }

 private:
  std::string mask_name_;
  const Layer* mask_ = nullptr;
  // Scratch of compute, reused every step.
  std::vector<GridSum> sums_;
  std::vector<double> words_, norms_;
};

template <class Add>
GridSum NormProbe::sum_of(int b, Add add) const {
  const LayerGeometry& g = target().geometry();
  const float* a = target().A().data() + std::size_t(b) * g.neurons_ext();
  const LayerGeometry* mg = mask_ ? &mask_->geometry() : nullptr;
  const float* m = mask_ ? mask_->A().data() + std::size_t(b) * mg->neurons_ext() : nullptr;
  const int row_len = g.nx * g.nf;
  BinnedSum total;
  // The sum is exact, so splitting rows among threads cannot change it.
#pragma omp parallel if (long(g.ny) * row_len >= kParallelMinElements)
  {
    BinnedSum part;
#pragma omp for schedule(static) nowait
    for (int y = 0; y < g.ny; ++y) {
      const float* row = a + g.ext_index(0, y, 0);
      if (!m) {
        for (int i = 0; i < row_len; ++i) add(part, row[i]);
        continue;
      }
      const float* mrow = m + mg->ext_index(0, y, 0);
      for (int i = 0; i < row_len; ++i)
        if (mrow[mg->nf == 1 ? i / g.nf : i] != 0.0f) add(part, row[i]);
    }
#pragma omp critical
    total += part;
  }
  return total.total();
}

}  // namespace spv
