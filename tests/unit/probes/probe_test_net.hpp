// Probe tests without a Column: groups built in C++ and added in dependency order, the build passes run in that
// order, layer buffers set directly, probes stepped by hand; plus a layer whose trigger fires on a fixed period
// and a communicator that lets threads play MPI ranks.
#pragma once
#include "core/group_type.hpp"
#include <barrier>
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "app/default_registry.hpp"
#include "core/comm/communicator.hpp"
#include "core/io/output_directory.hpp"
#include "core/layer.hpp"
#include "core/object_table.hpp"
#include "core/probe.hpp"
#include "core/registry.hpp"
#include "tests/support/temp_dir.hpp"

namespace spv::test {

// Net is also used on threads playing ranks, where Catch2's assertions must not run: it throws instead.
inline void expect(bool ok, const std::string& what) {
  if (!ok) throw std::logic_error("test setup: " + what);
}

inline ParamValue num(double v) { return ParamValue::number(v); }
inline ParamValue str(const std::string& s) { return ParamValue::string(s); }
inline ParamValue boolean(bool b) { return ParamValue::boolean(b); }

using Entries = std::vector<std::pair<std::string, ParamValue>>;

// A group as a params file would give it, each key on its own line of "test.params".
inline ParamGroup group(const std::string& type, const std::string& name, const Entries& entries) {
  ParamGroup g;
  g.type = type;
  g.name = name;
  g.where = {"test.params", 1};
  int line = 2;
  for (const auto& [key, value] : entries) g.entries.push_back(ParamEntry{key, value, {"test.params", line++}});
  return g;
}

// A layer that never changes by itself and fires (as an input would) at t = period, 2 period, ...
struct PeriodicParams : LayerParams {
  double period;
};

class PeriodicLayer : public Typed<PeriodicLayer, PeriodicParams, Layer> {
 public:
  static constexpr const char* kType = "TestPeriodicLayer";
  static constexpr const char* kDoc = "test layer firing every `period`";
  static void declare(SchemaBuilder<Params>& b) {
    declare_layer_keys(b);
    b.key("period", &Params::period, 1.0, "time between firings");
  }
  using Typed::Typed;
  bool fires_at(double t, double dt) const override {
    const double n = t / params().period;
    return std::fabs(n - std::nearbyint(n)) * params().period < 0.5 * dt && t > 0.5 * dt;
  }

 protected:
  void update_state(const StepInfo&) override {}
};

inline Registry test_registry() {
  Registry r = default_registry();
  register_type<PeriodicLayer>(r);
  return r;
}

class Net {
 public:
  Net(int nx, int ny, int nbatch = 1, Communicator* comm = nullptr) {
    ctx_.nx = nx;
    ctx_.ny = ny;
    ctx_.nbatch = nbatch;
    ctx_.dt = 1.0;
    ctx_.comm = comm ? comm : &local_;
  }

  Object& add(const ParamGroup& g) {
    const TypeInfo* info = registry_.find(g.type);
    expect(info != nullptr, "no type " + g.type);
    objects_.add(info->make(g));
    return *objects_.objects().back();
  }
  // A layer of constant activity (set it with set_a); nf features, optional halo to show probes skip it.
  Layer& layer(const std::string& name, int nf, Halo halo = {}) {
    auto& l = dynamic_cast<Layer&>(add(group("ConstantLayer", name, {{"nf", num(nf)}})));
    l.require_halo(halo);
    return l;
  }
  // Runs resolve, allocate, initialize and open_outputs over the objects in the order they were added.
  void build(OutputDirectory* output = nullptr) {
    ctx_.output = output;
    for (auto& o : objects_.objects()) o->resolve(objects_, ctx_);
    for (auto& o : objects_.objects()) o->allocate(ctx_);
    for (auto& o : objects_.objects()) o->initialize(ctx_);
    for (auto& o : objects_.objects()) o->open_outputs(ctx_);
  }
  template <class T>
  T& get(const std::string& name) {
    T* t = dynamic_cast<T*>(objects_.find(name));
    expect(t != nullptr, "no object " + name + " of that kind");
    return *t;
  }
  // Sets the interior activity of global batch element b (where this rank holds it) from a global [y][x][f] array,
  // and fills the halo with a value no probe may read.
  void set_a(const std::string& name, int b, const std::vector<float>& global) {
    Layer& l = get<Layer>(name);
    const LayerGeometry& g = l.geometry();
    expect(global.size() == g.global_neurons(), "wrong size for " + name);
    const int lb = b - g.batch0;
    if (lb < 0 || lb >= g.nbatch) return;
    float* a = l.A().data() + std::size_t(lb) * g.neurons_ext();
    std::fill(a, a + g.neurons_ext(), 1000.0f);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f)
          a[g.ext_index(x, y, f)] = global[(std::size_t(g.ky0 + y) * g.nx_global + g.kx0 + x) * g.nf + f];
  }
  void set_v(const std::string& name, int b, const std::vector<float>& global) {
    Layer& l = get<Layer>(name);
    const LayerGeometry& g = l.geometry();
    const int lb = b - g.batch0;
    if (lb < 0 || lb >= g.nbatch) return;
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f)
          l.V()[std::size_t(lb) * g.neurons() + g.index(x, y, f)] =
              global[(std::size_t(g.ky0 + y) * g.nx_global + g.kx0 + x) * g.nf + f];
  }
  // One step as the column runs it: every probe's prepare_step, then every probe's sample, in `order` (default:
  // the order added).
  StepInfo step(long n, const std::vector<std::string>& order = {}) {
    const StepInfo s{n, double(n) * ctx_.dt, ctx_.dt};
    for (Probe* p : probes()) p->prepare_step(s, ctx_);
    if (order.empty()) {
      for (Probe* p : probes()) p->sample(s, ctx_);
    } else {
      for (const auto& name : order) get<Probe>(name).sample(s, ctx_);
    }
    return s;
  }
  void finish() {
    for (auto& o : objects_.objects()) o->finish(ctx_);
  }
  RunContext& ctx() { return ctx_; }
  ObjectTable& objects() { return objects_; }

 private:
  std::vector<Probe*> probes() {
    std::vector<Probe*> ps;
    for (auto& o : objects_.objects())
      if (auto* p = dynamic_cast<Probe*>(o.get())) ps.push_back(p);
    return ps;
  }
  Registry registry_ = test_registry();
  LocalCommunicator local_;
  RunContext ctx_;
  ObjectTable objects_;
};

// Where the ranks of a ThreadCommunicator meet: each deposits its vector, then all add them in rank order.
class ThreadHub {
 public:
  explicit ThreadHub(int ranks) : ranks_(ranks), sync_(ranks), slots_(std::size_t(ranks)) {}
  void ordered_sum(int rank, std::vector<double>& values) {
    slots_[std::size_t(rank)] = values;
    sync_.arrive_and_wait();
    std::vector<double> total(values.size(), 0.0);
    for (const auto& s : slots_)
      for (std::size_t i = 0; i < total.size(); ++i) total[i] += s[i];
    sync_.arrive_and_wait();
    values = std::move(total);
  }
  int ranks() const { return ranks_; }

 private:
  int ranks_;
  std::barrier<> sync_;
  std::vector<std::vector<double>> slots_;
};

// One rank of a run split over threads; halos are left alone (probes never read them).
class ThreadCommunicator final : public Communicator {
 public:
  ThreadCommunicator(ThreadHub& hub, int rows, int columns, int batch_width, int rank) : hub_(hub) {
    decomposition_ = Decomposition{rows, columns, batch_width, rank};
  }
  void exchange_halo(const LayerGeometry&, float*) override {}
  void ordered_sum(std::vector<double>& values) override { hub_.ordered_sum(rank(), values); }
  void gather_layer(const LayerGeometry&, const float*, std::vector<float>&) override {
    throw std::logic_error("probes never gather layers");
  }
  void broadcast(std::string&) override {}
  bool all_agree(bool ok, std::string&) override { return ok; }

 private:
  ThreadHub& hub_;
};

}  // namespace spv::test
