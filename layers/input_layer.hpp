// Base of the input layers (ImageLayer, PvpLayer): which entry of the input each batch element shows in each frame,
// how an entry is placed on the layer and normalised, and the frame schedule that triggers other objects.
#pragma once
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "core/layer.hpp"

namespace spv {

enum class BatchMethod { ByFile, ByList, BySpecified, Random };
enum class Interpolation { Bicubic, NearestNeighbor, Bilinear };
enum class AspectRatio { Crop, Pad };

struct InputParams : LayerParams {
  std::string inputPath;
  double displayPeriod;
  BatchMethod batchMethod;
  std::vector<int> start_frame_index, skip_frame_index;
  bool resetToStartOnLoop;
  int randomSeed;
  bool writeFrameToTimestamp;
  std::string offsetAnchor;
  int offsetX, offsetY;
  bool autoResizeFlag;
  AspectRatio aspectRatioAdjustment;
  Interpolation interpolationMethod;
  bool inverseFlag, normalizeLuminanceFlag, normalizeStdDev;
  double padValue;
  bool useInputBCflag;
  int jitterChangeInterval;
};

// Horizontal (0 left, 1 centre, 2 right) and vertical (0 top, 1 centre, 2 bottom) parts of an offsetAnchor such as
// "tl" or OpenPV's reversed "lt" (case-insensitive); false when the text is not an anchor.
bool parse_offset_anchor(const std::string& text, int& horizontal, int& vertical);

template <class P>
void declare_input_keys(SchemaBuilder<P>& b) {
  using namespace checks;
  b.key("inputPath", &P::inputPath, Required, "the input file (see the type's description)", {non_empty_path()})
      .key("displayPeriod", &P::displayPeriod, 0.0,
           "frame k is shown while k*displayPeriod < t <= (k+1)*displayPeriod (frame 0 also at t = 0); the layer "
           "fires (triggers others) at t = k*displayPeriod + dt, k >= 0; 0: frame 0 for ever. A whole number of dt",
           {non_negative()})
      .choice("batchMethod", &P::batchMethod, BatchMethod::ByFile,
              {{"byFile", BatchMethod::ByFile},
               {"byImage", BatchMethod::ByFile},
               {"byList", BatchMethod::ByList},
               {"byMovie", BatchMethod::ByList},
               {"bySpecified", BatchMethod::BySpecified},
               {"random", BatchMethod::Random}},
              "entry of batch element b (of B) in frame k, over N entries, s_b = start_frame_index: byFile (byImage): "
              "(s_b + b + k B) mod N; byList (byMovie): (s_b + b floor(N/B) + k) mod N; bySpecified: (s_b + k "
              "skip_frame_index_b) mod N; random: as byFile through a permutation of the entries redrawn on every "
              "pass")
      .key("start_frame_index", &P::start_frame_index, std::vector<int>{},
           "per global batch element, added to the first entry (empty: zeros)", {integer(), non_negative()})
      .key("skip_frame_index", &P::skip_frame_index, std::vector<int>{},
           "bySpecified: per global batch element, entries advanced per frame (values below 1 count as 1)",
           {integer(), non_negative()})
      .key("resetToStartOnLoop", &P::resetToStartOnLoop, false,
           "bySpecified: after the last entry, go back to start_frame_index instead of wrapping modulo N")
      .key("randomSeed", &P::randomSeed, 123456789,
           "random: added to the column's randomSeed to draw the permutations of the entries (layers with the "
           "same randomSeed and entry count share them)")
      .key("writeFrameToTimestamp", &P::writeFrameToTimestamp, true,
           "write timestamps/<layer>.txt: at each firing, the entry index (and file) of every batch element")
      .key("offsetAnchor", &P::offsetAnchor, std::string("tl"),
           "which point of the input meets the same point of the layer: t/c/b then l/c/r, e.g. \"tl\", \"cc\"",
           {[](const ParamValue& v) {
             int h = 0, vv = 0;
             if (v.kind() != ParamValue::Kind::String || parse_offset_anchor(v.as_string(), h, vv))
               return std::string();
             return std::string(
                 "must be two letters, one of t, c, b (top, centre, bottom) and one of l, c, r (left, "
                 "centre, right), e.g. \"tl\" or \"cc\"");
           }})
      .key("offsetX", &P::offsetX, 0, "layer column x shows input column x + offsetX (after anchoring)")
      .key("offsetY", &P::offsetY, 0, "layer row y shows input row y + offsetY (after anchoring)")
      .key("autoResizeFlag", &P::autoResizeFlag, false,
           "rescale the input to the layer's size before anchoring and offsets")
      .choice("aspectRatioAdjustment", &P::aspectRatioAdjustment, AspectRatio::Crop,
              {{"crop", AspectRatio::Crop}, {"pad", AspectRatio::Pad}},
              "autoResizeFlag: crop (cover the layer, crop the excess) or pad (fit inside, pad with padValue)")
      .choice("interpolationMethod", &P::interpolationMethod, Interpolation::Bicubic,
              {{"bicubic", Interpolation::Bicubic},
               {"nearestNeighbor", Interpolation::NearestNeighbor},
               {"bilinear", Interpolation::Bilinear}},
              "autoResizeFlag: bicubic (OpenPV's, a = -1), nearestNeighbor or bilinear")
      .key("inverseFlag", &P::inverseFlag, false,
           "after normalising: v -> -v with normalizeLuminanceFlag, else v -> max + min - v (OpenPV's order)")
      .key("normalizeLuminanceFlag", &P::normalizeLuminanceFlag, false,
           "normalise each frame over the pixels the input covers (all features, the whole layer, per batch element)")
      .key("normalizeStdDev", &P::normalizeStdDev, true,
           "normalizeLuminanceFlag: true: subtract the mean, divide by the population standard deviation (a flat "
           "frame becomes 0); false: rescale min..max to 0..1 (a flat frame becomes 0)")
      .key("padValue", &P::padValue, 0.0, "value of layer pixels the input does not cover (not normalised)")
      .key("useInputBCflag", &P::useInputBCflag, false,
           "place the input on the layer grown by its halo (anchor and offsets count from the halo's corner, "
           "normalisation covers it), so that the halo shows the input instead of the boundary condition")
      .alias("useInputBCflag", "useImageBCflag")
      .key("jitterChangeInterval", &P::jitterChangeInterval, 0,
           "OpenPV's random shifts and flips of the input (not supported yet: must be 0)");
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (!p.triggerLayerName.empty())
      return {"triggerLayerName", "input layers are not triggered: they change frame every displayPeriod"};
    if (p.jitterChangeInterval != 0)
      return {"jitterChangeInterval", "jitter (jitterChangeInterval other than 0) is not supported yet"};
    return {"", ""};
  });
  for (const char* key : {"skip_frame_index", "resetToStartOnLoop"})
    b.used_only_if(
        key, [](const P& p) { return p.batchMethod == BatchMethod::BySpecified; },
        "with batchMethod = \"bySpecified\"");
}

class InputLayer : public Layer {
 public:
  InputLayer(const ParamGroup& group, const InputParams& p);
  ~InputLayer() override;

  // True in the steps that begin a frame (t = k*displayPeriod + dt, k >= 0), within dt/2, as OpenPV's input layers.
  bool fires_at(double t, double dt) const override;
  // The frame shown in the step ending at t (frame 0 also at t = 0).
  long frame_at(double t, double dt) const;
  // The entry (list line, file frame) global batch element b shows in frame k.
  int entry_index(int global_batch, long frame) const;
  int entry_count() const { return entry_count_; }
  // What every entry came from, on every rank: its file (a list's line), else inputPath itself, as OpenPV's
  // getCurrentFilename names it. Collective: every rank calls it, after this layer's resolve.
  std::vector<std::string> entry_names();

  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  // Takes the halo of the InputRegionLayers that show this input's region (OpenPV synchronises their margins).
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;
  // An InputRegionLayer of the same size: each new frame writes into its A where the input covers the layer (1) or
  // not (0), over the interior, or with useInputBCflag the whole halo too. Call during resolve.
  void add_region_reader(Layer& reader) { region_readers_.push_back(&reader); }
  bool uses_input_bc() const { return input_.useInputBCflag; }
  // The layer's PVP file and, with writeFrameToTimestamp, timestamps/NAME.txt.
  std::vector<OutputFile> output_files(const RunContext& ctx) const override;
  void open_outputs(const RunContext& ctx) override;
  void finish(const RunContext& ctx) override;
  // Adds the timestamp file's position to the layer's state.
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;

 protected:
  bool has_v() const override { return false; }
  bool fills_own_boundary() const override { return input_.useInputBCflag; }
  void initialize_state(const RunContext& ctx) override;
  void update_state(const StepInfo& s) override;

  // Opens the input during resolve and returns the number of entries (at least 1). Called only on the rank that
  // reads this layer's input for its batch slice (the slice's row 0, column 0); the others never touch the files.
  virtual int open_input(const RunContext& ctx) = 0;
  // Entry `index` with nf features and any width and height; valid until the next call. Reading ranks only.
  virtual const Image& entry(int index) = 0;
  // How the timestamp file names an entry (the image file of a list; empty otherwise).
  virtual std::string describe_entry(int) const { return {}; }
  // An IoError about a file this layer reads, rethrown naming the layer and what named the file.
  [[noreturn]] void rethrow_io(const IoError& e, const std::string& named_by) const;
  // "inputPath of layer "X" (file:line)", for messages.
  std::string input_path_context() const;

 private:
  bool input_missing_ = false;  // a dry run without its input file (see RunContext::missing_files)
  struct CachedFrame {
    int index = -1;
    long last_use = 0;
    std::vector<float> values;  // the canvas [y][x][f], after placement, normalisation and padding
    std::vector<float> region;  // the canvas [y][x][f]: 1 where the input covers it, else 0 (for region readers)
  };
  // The halo around the layer that the canvas covers: the layer's with useInputBCflag, else none.
  Halo margin() const;
  void show_frame(long frame);
  // writeFrameToTimestamp, for an input that changes frames.
  bool writes_timestamps() const;
  const CachedFrame& prepared(int index);
  void prepare(const Image& source, CachedFrame& out) const;
  // Canvases of the local batch elements (`whole`, on the reader), scattered to the tiles; those that changed are
  // written into each target's A (this layer's or the region readers'), over the interior and the margin.
  void scatter_frame(const float* whole, const std::vector<char>& changed, const std::vector<Layer*>& targets);
  const std::vector<int>& permutation(long pass) const;
  void write_timestamps(double t, long frame);

  const InputParams& input_;  // a view of the concrete type's params
  // Each batch slice's root reads and prepares whole frames and scatters the tiles to its slice (the I/O group).
  Communicator* comm_ = nullptr;
  bool reads_ = true;
  std::vector<float> whole_;  // the reader's prepared frames of its local batch elements, [b][y][x][f] global
  std::vector<float> whole_region_;  // the same for the region canvases, when region readers exist
  std::vector<float> tiles_;         // this rank's tiles of them, [b][y][x][f] restricted, or windows with the margin
  std::vector<Layer*> region_readers_;
  int entry_count_ = 0;
  int anchor_x_ = 0, anchor_y_ = 0;
  std::uint64_t seed_ = 0;
  long shown_frame_ = -1;
  std::vector<int> shown_entry_;  // per local batch element
  std::vector<CachedFrame> cache_;
  long uses_ = 0;
  mutable long permutation_pass_ = -1;
  mutable std::vector<int> permutation_;
  std::unique_ptr<std::ofstream> timestamps_;
};

}  // namespace spv
