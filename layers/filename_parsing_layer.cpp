#include "layers/filename_parsing_layer.hpp"

#include <fstream>
#include <sstream>

#include "core/comm/communicator.hpp"
#include "core/object_table.hpp"
#include "layers/input_layer.hpp"

namespace spv {

void FilenameParsingLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  b.key("inputLayerName", &Params::inputLayerName, Required,
        "the input layer (ImageLayer, PvpLayer, PvpListLayer) whose file names give the classes")
      .key("classList", &Params::classList, Required,
           "a text file, one class per line (every line counts, a blank one too); line f labels feature f, and the "
           "layer's nf must equal the number of lines (OpenPV's fallback to classes.txt in the output directory "
           "is not supported: name the file)",
           {checks::non_empty_path()})
      .key("gtClassTrueValue", &Params::gtClassTrueValue, 1.0, "a feature's value when its class occurs in the name")
      .key("gtClassFalseValue", &Params::gtClassFalseValue, -1.0,
           "a feature's value when its class does not occur in the name");
}

std::vector<std::string> FilenameParsingLayer::dependencies() const {
  auto deps = Layer::dependencies();
  deps.push_back(params().inputLayerName);
  return deps;
}

std::vector<std::string> FilenameParsingLayer::read_classes(const RunContext& ctx) const {
  const std::string& path = params().classList;
  std::string text;
  ctx.comm->collective_try([&] {
    if (!ctx.comm->is_root()) return;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, "cannot open the class list (classList of layer \"" + name() + "\")");
    std::ostringstream all;
    all << in.rdbuf();
    if (in.bad()) throw IoError(path, "cannot read the class list (classList of layer \"" + name() + "\")");
    text = all.str();
  });
  ctx.comm->broadcast(text);
  // OpenPV's getline loop: every line is a class, a final newline ends the last one.
  std::vector<std::string> classes;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) classes.push_back(line);
  return classes;
}

void FilenameParsingLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  Layer* layer = objects.require<Layer>(params().inputLayerName, *this, "inputLayerName", "a layer");
  input_ = dynamic_cast<InputLayer*>(layer);
  if (!input_)
    fail("inputLayerName", "\"" + layer->name() + "\" is a " + layer->type() +
                               "; a FilenameParsingLayer reads the file names of an input layer (ImageLayer, "
                               "PvpLayer, PvpListLayer)");
  Layer::resolve(objects, ctx);
  const std::vector<std::string> classes = read_classes(ctx);
  const std::vector<std::string> names = input_->entry_names();
  if (int(classes.size()) != params().nf)
    fail("nf", "is " + std::to_string(params().nf) + " but classList \"" + params().classList + "\" has " +
                   std::to_string(classes.size()) + " lines (one class per feature)");
  labels_.assign(names.size() * classes.size(), float(params().gtClassFalseValue));
  for (std::size_t e = 0; e < names.size(); ++e)
    for (std::size_t c = 0; c < classes.size(); ++c)
      if (names[e].find(classes[c]) != std::string::npos)
        labels_[e * classes.size() + c] = float(params().gtClassTrueValue);
}

bool FilenameParsingLayer::fires_at(double t, double dt) const { return input_->fires_at(t, dt); }

void FilenameParsingLayer::update_state(const StepInfo& s) {
  if (!input_->fires_at(s.time, s.dt)) return;
  const LayerGeometry& g = geometry_;
  const long frame = input_->frame_at(s.time, s.dt);
  for (int b = 0; b < g.nbatch; ++b) {
    const float* label = labels_.data() + std::size_t(input_->entry_index(g.batch0 + b, frame)) * std::size_t(g.nf);
    float* a = activity_ptr(b);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x) std::copy(label, label + g.nf, a + g.ext_index(x, y, 0));
  }
}

}  // namespace spv
