#include <linear.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "analysis/solvers.hpp"
#include "params/error.hpp"

namespace spv {

namespace {

bool liblinear_verbose = false;

void quiet(const char*) {}
void to_stderr(const char* text) { std::fputs(text, stderr); }

// Rows as liblinear nodes: 1-based indices, then the bias feature (index features + 1, value 1), then index -1.
struct LinearRows {
  std::vector<feature_node> nodes;
  std::vector<feature_node*> rows;

  explicit LinearRows(const ExampleSet& set) {
    nodes.reserve(set.entries() + 2 * set.size());
    std::vector<std::size_t> starts;
    for (std::size_t r = 0; r < set.size(); ++r) {
      starts.push_back(nodes.size());
      for (std::size_t e = set.row_start[r]; e < set.row_start[r + 1]; ++e) {
        nodes.push_back({set.index[e] + 1, set.value[e]});
      }
      nodes.push_back({set.num_features + 1, 1.0});
      nodes.push_back({-1, 0.0});
    }
    for (std::size_t s : starts) rows.push_back(nodes.data() + s);
  }
};

struct ModelDeleter {
  void operator()(model* m) const { free_and_destroy_model(&m); }
};

}  // namespace

void set_liblinear_output(bool verbose) { liblinear_verbose = verbose; }

std::vector<int> linear_predict(bool logistic, const ExampleSet& train, const ExampleSet& test, double c,
                                unsigned seed) {
  set_print_string_function(liblinear_verbose ? to_stderr : quiet);
  LinearRows train_rows(train);
  std::vector<double> y(train.labels.begin(), train.labels.end());
  problem prob{};
  prob.l = static_cast<int>(train.size());
  prob.n = train.num_features + 1;
  prob.y = y.data();
  prob.x = train_rows.rows.data();
  prob.bias = 1.0;

  parameter param{};
  param.solver_type = logistic ? L2R_LR : L2R_L2LOSS_SVC_DUAL;
  param.eps = logistic ? 0.01 : 0.1;  // liblinear's own defaults for these solvers
  param.C = c;
  param.p = 0.1;
  if (const char* error = check_parameter(&prob, &param)) throw Error(std::string("liblinear: ") + error);

  std::srand(seed);
  std::unique_ptr<model, ModelDeleter> trained(::train(&prob, &param));
  if (!trained) throw Error("liblinear: training failed");

  LinearRows test_rows(test);
  std::vector<int> predicted(test.size());
  for (std::size_t r = 0; r < test.size(); ++r) {
    predicted[r] = static_cast<int>(std::lround(predict(trained.get(), test_rows.rows[r])));
  }
  return predicted;
}

}  // namespace spv
