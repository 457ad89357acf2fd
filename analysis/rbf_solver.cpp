#include <svm.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "analysis/solvers.hpp"
#include "params/error.hpp"

namespace spv {

namespace {

bool libsvm_verbose = false;

void quiet(const char*) {}
void to_stderr(const char* text) { std::fputs(text, stderr); }

// Rows as libsvm nodes: 1-based indices, then index -1.
struct SvmRows {
  std::vector<svm_node> nodes;
  std::vector<svm_node*> rows;

  explicit SvmRows(const ExampleSet& set) {
    nodes.reserve(set.entries() + set.size());
    std::vector<std::size_t> starts;
    for (std::size_t r = 0; r < set.size(); ++r) {
      starts.push_back(nodes.size());
      for (std::size_t e = set.row_start[r]; e < set.row_start[r + 1]; ++e) {
        nodes.push_back({set.index[e] + 1, set.value[e]});
      }
      nodes.push_back({-1, 0.0});
    }
    for (std::size_t s : starts) rows.push_back(nodes.data() + s);
  }
};

struct SvmModelDeleter {
  void operator()(svm_model* m) const { svm_free_and_destroy_model(&m); }
};

}  // namespace

void set_libsvm_output(bool verbose) { libsvm_verbose = verbose; }

std::vector<int> rbf_svm_predict(const ExampleSet& train, const ExampleSet& test, double c, double gamma) {
  svm_set_print_string_function(libsvm_verbose ? to_stderr : quiet);
  // The model points into these nodes (its support vectors), so they outlive it.
  SvmRows train_rows(train);
  std::vector<double> y(train.labels.begin(), train.labels.end());
  svm_problem prob{};
  prob.l = static_cast<int>(train.size());
  prob.y = y.data();
  prob.x = train_rows.rows.data();

  svm_parameter param{};
  param.svm_type = C_SVC;
  param.kernel_type = RBF;
  param.degree = 3;
  param.gamma = gamma;
  param.coef0 = 0.0;
  param.cache_size = 200.0;
  param.eps = 1e-3;
  param.C = c;
  param.nu = 0.5;
  param.p = 0.1;
  param.shrinking = 1;
  param.probability = 0;
  if (const char* error = svm_check_parameter(&prob, &param)) throw Error(std::string("libsvm: ") + error);

  std::unique_ptr<svm_model, SvmModelDeleter> trained(svm_train(&prob, &param));
  if (!trained) throw Error("libsvm: training failed");

  SvmRows test_rows(test);
  std::vector<int> predicted(test.size());
  for (std::size_t r = 0; r < test.size(); ++r) {
    predicted[r] = static_cast<int>(std::lround(svm_predict(trained.get(), test_rows.rows[r])));
  }
  return predicted;
}

}  // namespace spv
