// The CPU delivery paths beyond scatter and gather: every ISA variant of the kernels (portable, AVX2, AVX-512, those
// this CPU runs) gives the same bits, for the regular and the generic gather, the scatter and the active count; "auto" picks the scatter for sparse and the gather for dense activity, with the same bits either way;
// oneDNN's dense convolution ("library", where built) agrees with the gather within 1e-6 of the terms' magnitude.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>

#include "connections/delivery_choice.hpp"
#include "connections/conv_isa_kernels.hpp"
#include "tests/unit/connections/conv_reference.hpp"

using namespace spv;
using spv::test::geometry_of;

namespace {

struct Net {
  ConvPlan plan;
  WeightStore weights;
  std::vector<float> activity, gsyn0;
};

// Pre n x n x nf_pre (stride r onto post n/r x n/r x nfp), or the reverse when `reverse`; a fraction `zeros` of the
// activity is zero; nbatch 3; post input starting non-zero.
Net make_net(const test::RefConv& c, double zeros) {
  Net net;
  const ConvGeometry g = geometry_of(c);
  const LayerGeometry pre = test::tile(c.nx_pre, c.ny_pre, c.nf_pre, c.nx_pre, c.ny_pre, 0, 0, g.pre_halo(), 3);
  const LayerGeometry post = test::tile(c.nx_post, c.ny_post, c.nfp, c.nx_post, c.ny_post, 0, 0, Halo{}, 3);
  net.plan = ConvPlan(g, pre, post);
  net.weights = WeightStore(1, g.kernels(), g.nyp(), g.nxp(), g.nfp);
  auto w = net.weights.values();
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = test::test_value(21, i);
  net.activity = test::fill_extended(pre, [&](int b, int x, int y, int f) {
    return test::test_value(22, ((std::uint64_t(b) * 512 + std::uint64_t(y + 64)) * 512 + std::uint64_t(x + 64)) * 256 + f,
                            zeros);
  });
  net.gsyn0.resize(std::size_t(post.nbatch) * post.neurons());
  for (std::size_t i = 0; i < net.gsyn0.size(); ++i) net.gsyn0[i] = test::test_value(23, i);
  return net;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

const test::RefConv kTranspose{16, 16, 3, 8, 8, 40, 4, 4};   // the tutorial's error-to-code shape, nfp not a multiple of 8
const test::RefConv kDictionary{8, 8, 24, 16, 16, 3, 8, 8};  // the tutorial's code-to-reconstruction shape

}  // namespace

TEST_CASE("every ISA variant of the convolution kernels gives the same bits", "[connections][delivery][isa]") {
  std::vector<Isa> runnable;
  for (Isa isa : built_isas())
    if (isa_available(isa)) runnable.push_back(isa);
  REQUIRE(runnable.front() == Isa::portable);
  if (runnable.size() == 1) WARN("only the portable kernels run here (no AVX2, or built with SPV_ISA_VARIANTS=OFF)");
  const test::RefConv upsampling{4, 4, 2, 12, 12, 3, 6, 6};  // pre smaller than post: the generic gather
  for (const test::RefConv& c : {kTranspose, kDictionary, test::RefConv{12, 10, 5, 12, 10, 72, 3, 5}, upsampling}) {
    for (double zeros : {0.1, 0.9}) {
      Net net = make_net(c, zeros);
      INFO("pre " << c.nx_pre << "x" << c.ny_pre << "x" << c.nf_pre << ", zero fraction " << zeros);
      // One variant's gather, scatter (through its own active list) and active count.
      struct Result {
        std::vector<float> gather, scatter;
        long active, listed;
      };
      const auto run = [&](const ConvIsaKernels& k) {
        Result r{net.gsyn0, net.gsyn0, 0, 0};
        ActiveRows rows;
        rows.resize_for(net.plan.pre());
        k.gather(net.plan, net.activity, net.weights.arbor(0), r.gather);
        k.find_active(net.plan, net.activity, rows);
        k.deliver_scatter(net.plan, net.activity, net.weights.arbor(0), r.scatter, rows);
        r.active = k.count_active(net.plan, net.activity);
        r.listed = rows.total;
        return r;
      };
      const Result reference = run(conv_isa_kernels(Isa::portable));
      CHECK(reference.active == reference.listed);
      CHECK(same_bits(reference.gather, reference.scatter));
      for (Isa isa : runnable) {
        INFO("ISA " << isa_name(isa));
        const Result got = run(conv_isa_kernels(isa));
        CHECK(got.active == reference.active);
        CHECK(same_bits(got.gather, reference.gather));
        CHECK(same_bits(got.scatter, reference.gather));
      }
    }
  }
}

TEST_CASE("auto delivery scatters sparse activity and gathers dense activity, with the same bits", "[connections][delivery]") {
  for (const test::RefConv& c : {kTranspose, kDictionary}) {
    for (double zeros : {0.0, 0.97}) {
      INFO("pre " << c.nx_pre << "x" << c.ny_pre << "x" << c.nf_pre << ", zero fraction " << zeros);
      Net net = make_net(c, zeros);
      DeliveryChoice automatic, scatter, gather;
      automatic.setup(net.plan, DeliveryMethod::Auto, false, 1);
      scatter.setup(net.plan, DeliveryMethod::Perspective, false, 1);
      gather.setup(net.plan, DeliveryMethod::Perspective, true, 1);
      std::vector<float> a = net.gsyn0, s = net.gsyn0, g = net.gsyn0;
      automatic.deliver(0, net.activity, net.weights, a);
      scatter.deliver(0, net.activity, net.weights, s);
      gather.deliver(0, net.activity, net.weights, g);
      CHECK(scatter.last_path() == DeliveryPath::Scatter);
      CHECK(gather.last_path() == DeliveryPath::Gather);
      CHECK(automatic.last_path() == (zeros > 0.5 ? DeliveryPath::Scatter : DeliveryPath::Gather));
      CHECK(same_bits(a, s));
      CHECK(same_bits(s, g));
    }
  }
}

TEST_CASE("library delivery agrees with the gather within 1e-6, or says how to get it", "[connections][delivery]") {
  Net net = make_net(kTranspose, 0.2);
  DeliveryChoice library, gather;
  if (!DenseConvLibrary::available()) {
    CHECK_THROWS_WITH(library.setup(net.plan, DeliveryMethod::Library, false, 1), Catch::Contains("libdnnl-dev"));
    return;
  }
  library.setup(net.plan, DeliveryMethod::Library, false, 1);
  gather.setup(net.plan, DeliveryMethod::Perspective, true, 1);
  std::vector<float> l = net.gsyn0, g = net.gsyn0, magnitude(net.gsyn0.size(), 0.0f);
  library.deliver(0, net.activity, net.weights, l);
  gather.deliver(0, net.activity, net.weights, g);
  CHECK(library.last_path() == DeliveryPath::Library);
  // The scale of each element's rounding: |gsyn0| plus the gather of |activity| through |weights|.
  WeightStore abs_w = net.weights;
  for (float& w : abs_w.values()) w = std::fabs(w);
  std::vector<float> abs_a = net.activity;
  for (float& a : abs_a) a = std::fabs(a);
  for (std::size_t i = 0; i < magnitude.size(); ++i) magnitude[i] = std::fabs(net.gsyn0[i]);
  deliver_post_perspective(net.plan, abs_a, abs_w.arbor(0), magnitude);
  for (std::size_t i = 0; i < l.size(); ++i) {
    INFO("element " << i);
    REQUIRE(std::fabs(l[i] - g[i]) <= 1e-6 * magnitude[i]);
  }
  // New weights are taken up (the store's version changes).
  for (float& w : net.weights.values()) w = -w;
  net.weights.touch();
  std::vector<float> l2 = net.gsyn0, g2 = net.gsyn0;
  library.deliver(0, net.activity, net.weights, l2);
  gather.deliver(0, net.activity, net.weights, g2);
  for (std::size_t i = 0; i < l2.size(); ++i) REQUIRE(std::fabs(l2[i] - g2[i]) <= 1e-6 * magnitude[i]);
  // A one-to-many connection (a transposed convolution) is refused with the reason.
  Net reverse = make_net(kDictionary, 0.5);
  DeliveryChoice refused;
  CHECK_THROWS_WITH(refused.setup(reverse.plan, DeliveryMethod::Library, false, 1), Catch::Contains("denser"));
}
