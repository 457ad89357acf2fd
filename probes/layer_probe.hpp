// Base of probes that read one layer (targetLayer): orders itself after that layer and looks it up.
#pragma once
#include "probes/base_probe.hpp"

namespace spv {

class LayerProbe : public BaseProbe {
 public:
  LayerProbe(const ParamGroup& group, const LayerProbeParams& p);
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  const Layer& target() const { return *target_; }
  std::string target_description() const override { return "layer " + target_name_; }

 private:
  std::string target_name_;
  Layer* target_ = nullptr;
};

}  // namespace spv
