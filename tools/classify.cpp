// spv-classify: test accuracy of logistic regression and linear / RBF SVMs trained on activity PVP files.
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/classifiers.hpp"
#include "analysis/example_set.hpp"
#include "analysis/model_selection.hpp"
#include "analysis/normalization.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-classify --train-features TRAIN.pvp --train-labels TRAIN.txt\n"
    "                    --test-features TEST.pvp --test-labels TEST.txt [options]\n"
    "\n"
    "Trains classifiers on the training features and prints their accuracy on the test features (share of test\n"
    "examples whose predicted label is the true one, 4 decimals), one row per feature set, one column per method.\n"
    "Features are activity PVP files (dense or sparse); each chosen frame is one example's feature vector (all\n"
    "nx*ny*nf values). Labels are text files with one integer per line, in example order.\n"
    "\n"
    "Frames to examples (frames count in file order, batch elements included):\n"
    "  --skip N                drop the first N frames (e.g. a t = 0 write before the first image)\n"
    "  --frame-every K         K frames per example (a layer written every step of a K-step display period); the\n"
    "                          last of each K, the settled code, is the example (default 1: frame i is example i)\n"
    "  --train-limit N, --test-limit N   use only the first N examples and labels\n"
    "  The frames left after --skip must be exactly (labels x K), or at least (limit x K) with a limit.\n"
    "\n"
    "Rows of the table:\n"
    "  --name TEXT             title of the features' row in the table (default \"features\")\n"
    "  --raw-baseline          also classify raw pixels, given as PVP files by --train-pixels and --test-pixels\n"
    "                          (same labels); --pixels-skip N and --pixels-frame-every K map their frames\n"
    "                          (defaults 0 and 1)\n"
    "\n"
    "Methods and parameters:\n"
    "  --methods LIST          comma-separated from lr (logistic regression, liblinear L2R_LR), linsvm (linear\n"
    "                          SVM, liblinear L2R_L2LOSS_SVC_DUAL), rbf (RBF SVM, libsvm C_SVC); default all three\n"
    "  --C LIST                regularisation C, one value or a comma-separated list (default 1)\n"
    "  --gamma LIST            RBF width: numbers and/or \"scale\" = 1 / (features x variance of the normalised\n"
    "                          training values) (default scale)\n"
    "  With more than one candidate, each method trains on 4/5 of the training set (every 5th example held out;\n"
    "  --validation-every V changes 5), keeps the (C, gamma) with the best held-out accuracy (first on ties) and\n"
    "  retrains on the whole training set with it.\n"
    "  --normalize none|l2|standardize|maxabs   feature scaling fitted on the training set (default maxabs: each\n"
    "                          feature divided by its largest training |value|; keeps zeros, so sparse stays fast)\n"
    "  --seed S                seed of liblinear's dual solver ordering (default 1; results repeat exactly)\n"
    "  --verbose               let the solvers print their progress to stderr\n"
    "  --help                  print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments, files or label/frame counts.\n";

struct FeatureSource {
  std::string title, train, test;
  spv::FrameMapping train_mapping, test_mapping;
};

struct Options {
  std::string name = "features";
  std::string train_features, train_labels, test_features, test_labels, train_pixels, test_pixels;
  spv::FrameMapping mapping, pixel_mapping;
  long train_limit = 0, test_limit = 0;
  bool raw_baseline = false, verbose = false, help = false;
  std::vector<spv::Method> methods{spv::Method::LogisticRegression, spv::Method::LinearSvm, spv::Method::RbfSvm};
  std::vector<double> cs{1.0};
  std::vector<double> gammas;  // <= 0 stands for "scale"
  spv::Normalization normalization = spv::Normalization::MaxAbs;
  int validation_every = 5;
  unsigned seed = 1;
};

// Positive numbers separated by commas; "scale" (when allowed) becomes 0.
std::vector<double> parse_list(const std::string& option, const std::string& text, bool allow_scale) {
  std::vector<double> values;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (allow_scale && item == "scale") {
      values.push_back(0.0);
      continue;
    }
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !(v > 0.0) || v > 1e300) {
      throw std::runtime_error(option + " needs positive numbers" + (allow_scale ? " or scale" : "") + ", not \"" +
                               item + "\"");
    }
    values.push_back(v);
  }
  if (values.empty()) throw std::runtime_error(option + " needs at least one value");
  return values;
}

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  auto parse_long = [&](long minimum) {
    return long(spv::tool::integer(args.arg(), args.value(), minimum, 2000000000L));
  };
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--train-features") {
      o.train_features = args.value();
    } else if (arg == "--train-labels") {
      o.train_labels = args.value();
    } else if (arg == "--test-features") {
      o.test_features = args.value();
    } else if (arg == "--test-labels") {
      o.test_labels = args.value();
    } else if (arg == "--train-pixels") {
      o.train_pixels = args.value();
    } else if (arg == "--test-pixels") {
      o.test_pixels = args.value();
    } else if (arg == "--name") {
      o.name = args.value();
    } else if (arg == "--raw-baseline") {
      o.raw_baseline = true;
    } else if (arg == "--skip") {
      o.mapping.skip = static_cast<int>(parse_long(0));
    } else if (arg == "--frame-every") {
      o.mapping.frames_per_example = static_cast<int>(parse_long(1));
    } else if (arg == "--pixels-skip") {
      o.pixel_mapping.skip = static_cast<int>(parse_long(0));
    } else if (arg == "--pixels-frame-every") {
      o.pixel_mapping.frames_per_example = static_cast<int>(parse_long(1));
    } else if (arg == "--train-limit") {
      o.train_limit = parse_long(1);
    } else if (arg == "--test-limit") {
      o.test_limit = parse_long(1);
    } else if (arg == "--methods") {
      o.methods = spv::parse_methods(args.value());
    } else if (arg == "--C") {
      o.cs = parse_list(arg, args.value(), false);
    } else if (arg == "--gamma") {
      o.gammas = parse_list(arg, args.value(), true);
    } else if (arg == "--normalize") {
      o.normalization = spv::parse_normalization(args.value());
    } else if (arg == "--validation-every") {
      o.validation_every = static_cast<int>(parse_long(2));
    } else if (arg == "--seed") {
      o.seed = static_cast<unsigned>(parse_long(0));
    } else if (arg == "--verbose") {
      o.verbose = true;
    } else {
      spv::tool::unknown_option(arg);
    }
  });
  if (o.help) return o;
  if (o.train_features.empty() || o.train_labels.empty() || o.test_features.empty() || o.test_labels.empty()) {
    throw std::runtime_error("--train-features, --train-labels, --test-features and --test-labels are required");
  }
  if (o.raw_baseline != (!o.train_pixels.empty() || !o.test_pixels.empty()) ||
      (o.raw_baseline && (o.train_pixels.empty() || o.test_pixels.empty()))) {
    throw std::runtime_error("--raw-baseline goes with both --train-pixels and --test-pixels");
  }
  if (o.gammas.empty()) o.gammas = {0.0};
  return o;
}

std::string format_number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", v);
  return text;
}

// One row of the table: the test accuracy of each method on one feature set, and the parameter lines behind it.
std::vector<double> classify(const Options& o, const FeatureSource& source, std::vector<std::string>& notes) {
  const std::vector<int> train_labels = spv::read_labels(o.train_labels);
  const std::vector<int> test_labels = spv::read_labels(o.test_labels);
  const spv::ExampleSet raw_train = spv::examples_from_activity(spv::read_activity_file(source.train), train_labels,
                                                                source.train_mapping, source.train, o.train_labels);
  const spv::ExampleSet raw_test = spv::examples_from_activity(spv::read_activity_file(source.test), test_labels,
                                                               source.test_mapping, source.test, o.test_labels);
  if (raw_train.num_features != raw_test.num_features) {
    throw std::runtime_error(source.train + " has " + std::to_string(raw_train.num_features) + " features but " +
                             source.test + " has " + std::to_string(raw_test.num_features));
  }
  const spv::Normalizer normalizer = spv::fit_normalizer(raw_train, o.normalization);
  const spv::ExampleSet train = spv::normalize(normalizer, raw_train);
  const spv::ExampleSet test = spv::normalize(normalizer, raw_test);
  const double density = double(train.entries()) / (double(train.size()) * double(train.num_features));
  notes.push_back(source.title + ": train " + std::to_string(train.size()) + " x " +
                  std::to_string(train.num_features) + " features (" + format_number(100.0 * density) +
                  "% non-zero after normalizing), test " + std::to_string(test.size()));

  const double scale = spv::scale_gamma(train);
  std::vector<double> gammas;
  for (double g : o.gammas) gammas.push_back(g > 0.0 ? g : scale);

  std::vector<double> row;
  for (spv::Method method : o.methods) {
    const spv::Selection chosen = spv::select_params(method, train, o.cs, gammas, o.validation_every, o.seed);
    const std::vector<int> predicted = spv::train_and_predict(method, train, test, chosen.params, o.seed);
    row.push_back(spv::accuracy(predicted, test.labels));
    std::string note = "  " + spv::method_name(method) + ": C = " + format_number(chosen.params.c);
    if (method == spv::Method::RbfSvm) {
      note += ", gamma = " + format_number(chosen.params.gamma) +
              (chosen.params.gamma == scale ? " (scale)" : std::string());
    }
    if (chosen.validation_accuracy >= 0.0) {
      char text[64];
      std::snprintf(text, sizeof text, ", validation accuracy %.4f", chosen.validation_accuracy);
      note += text;
    }
    notes.push_back(note);
  }
  return row;
}

void print_trimmed(std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  std::printf("%s\n", line.c_str());
}

int run(const Options& o) {
  spv::set_solver_output(o.verbose);
  std::vector<FeatureSource> sources;
  if (o.raw_baseline) {
    FeatureSource pixels{"raw pixels", o.train_pixels, o.test_pixels, o.pixel_mapping, o.pixel_mapping};
    pixels.train_mapping.limit = o.train_limit;
    pixels.test_mapping.limit = o.test_limit;
    sources.push_back(pixels);
  }
  FeatureSource codes{o.name, o.train_features, o.test_features, o.mapping, o.mapping};
  codes.train_mapping.limit = o.train_limit;
  codes.test_mapping.limit = o.test_limit;
  sources.push_back(codes);

  std::vector<std::string> notes;
  std::vector<std::vector<double>> rows;
  for (const FeatureSource& source : sources) rows.push_back(classify(o, source, notes));

  std::printf("test accuracy (normalize %s)\n", spv::normalization_name(o.normalization).c_str());
  int width = 10;
  for (const FeatureSource& s : sources) width = std::max(width, static_cast<int>(s.title.size()));
  char cell[64];
  std::string line = std::string(static_cast<std::size_t>(width), ' ');
  for (spv::Method m : o.methods) {
    std::snprintf(cell, sizeof cell, "  %-10s", spv::method_title(m).c_str());
    line += cell;
  }
  print_trimmed(line);
  for (std::size_t r = 0; r < sources.size(); ++r) {
    line = sources[r].title + std::string(static_cast<std::size_t>(width) - sources[r].title.size(), ' ');
    for (double a : rows[r]) {
      std::snprintf(cell, sizeof cell, "  %-10.4f", a);
      line += cell;
    }
    print_trimmed(line);
  }
  std::printf("\n");
  for (const std::string& note : notes) std::printf("%s\n", note.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-classify", usage_text, argc, argv, parse, run);
}
