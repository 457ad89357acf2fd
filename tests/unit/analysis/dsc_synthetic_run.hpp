// A tiny deep-sparse-coding run written as the analysis reads it, with planted answers: 40 test inputs of 4
// classes (label i % 4), a 1x1x6 joint layer where neuron 2 is the concept neuron of class 1 (vision and text each
// miss one class-1 input: balanced accuracy 0.95 both ways), neuron 4 a vision-only neuron of class 1 (1.0 from
// vision, never active from text) and neuron 5 silent without both inputs; generated text illegible for inputs 2,
// 6 and 10; two flip cases, the first flipping both layers, the second only the joint layer.
#pragma once
#include <filesystem>
#include <vector>

#include "core/io/pvp_format.hpp"

namespace spv::test {

inline constexpr int dsc_inputs = 40, dsc_classes = 4, dsc_joint = 6;
inline constexpr int dsc_text_nx = 16, dsc_text_ny = 4, dsc_vision_nx = 4, dsc_vision_ny = 4;
// Non-zero entries of the planted vision-only and text-only joint codes.
inline constexpr int dsc_active_vision = 61, dsc_active_text = 42;

inline int dsc_label(int i) { return i % dsc_classes; }

inline std::vector<float> dsc_joint_vision(int i) {
  const int l = dsc_label(i);
  return {i % 3 == 0 ? 0.3f : 0.0f, i % 5 == 0 ? 0.2f : 0.0f, l == 1 && i != 1 ? 1.0f : 0.0f, 0.1f * float(i % 2),
          l == 1 ? 2.0f : 0.0f, 0.0f};
}

inline std::vector<float> dsc_joint_text(int i) {
  const int l = dsc_label(i);
  return {i % 3 == 1 ? 0.3f : 0.0f, 0.0f, l == 1 && i != 5 ? 0.5f : 0.0f, 0.1f * float(i % 2), 0.0f, 0.0f};
}

// With both inputs: the sum, and neuron 5 = 10 x label, which makes the classes separable and far apart.
inline std::vector<float> dsc_joint_both(int i) {
  auto v = dsc_joint_vision(i), t = dsc_joint_text(i);
  for (std::size_t k = 0; k < v.size(); ++k) v[k] += t[k];
  v[5] = 10.0f * float(dsc_label(i));
  return v;
}

// Class c's name: a bright 4-column bar at columns 4c .. 4c + 3.
inline std::vector<float> dsc_clean_text(int c) {
  std::vector<float> img(dsc_text_nx * dsc_text_ny, 0.0f);
  for (int y = 0; y < dsc_text_ny; ++y)
    for (int x = 4 * c; x < 4 * c + 4; ++x) img[std::size_t(y * dsc_text_nx + x)] = 1.0f;
  return img;
}

inline bool dsc_illegible(int i) { return i == 2 || i == 6 || i == 10; }

inline std::vector<float> dsc_generated_text(int i) {
  auto img = dsc_clean_text(dsc_illegible(i) ? 3 : dsc_label(i));
  for (std::size_t k = 0; k < img.size(); ++k) img[k] = 0.8f * img[k] + 0.05f * float((k + std::size_t(i)) % 3);
  return img;
}

// A 4x4 digit: a vertical bar at column = label.
inline std::vector<float> dsc_digit(int i) {
  std::vector<float> img(dsc_vision_nx * dsc_vision_ny, 0.0f);
  for (int y = 0; y < dsc_vision_ny; ++y) img[std::size_t(y * dsc_vision_nx + dsc_label(i))] = 1.0f;
  return img;
}

inline std::vector<float> dsc_vision1(int i) {
  std::vector<float> v(4, 0.0f);
  v[std::size_t(dsc_label(i))] = 10.0f;
  return v;
}

inline void write_frames(const std::filesystem::path& path, PvpType type, int nx, int ny, int nf,
                         const std::vector<std::vector<float>>& frames) {
  std::filesystem::create_directories(path.parent_path());
  PvpActivityFileWriter w(path, type, nx, ny, nf, 1);
  for (std::size_t i = 0; i < frames.size(); ++i) w.write_frame(double(i + 1), frames[i]);
  w.close();
}

template <class F>
std::vector<std::vector<float>> dsc_all(F f) {
  std::vector<std::vector<float>> out;
  for (int i = 0; i < dsc_inputs; ++i) out.push_back(f(i));
  return out;
}

// Writes the run into run/ and the test inputs into data/.
inline void write_dsc_run(const std::filesystem::path& run, const std::filesystem::path& data) {
  namespace fs = std::filesystem;
  fs::create_directories(run);
  {
    std::FILE* f = std::fopen((run / "labels_test.txt").c_str(), "w");
    for (int i = 0; i < dsc_inputs; ++i) std::fprintf(f, "%d\n", dsc_label(i));
    std::fclose(f);
  }
  {
    std::FILE* f = std::fopen((run / "timing.txt").c_str(), "w");
    std::fprintf(f, "learn           1234.5 s     154.31 ms per pair     0.386 ms per step (400 steps)\n");
    std::fclose(f);
  }
  std::vector<std::vector<float>> clean;
  for (int c = 0; c < dsc_classes; ++c) clean.push_back(dsc_clean_text(c));
  write_frames(run / "text_clean.pvp", PvpType::Dense, dsc_text_nx, dsc_text_ny, 1, clean);
  write_frames(run / "infer_vision" / "Joint.pvp", PvpType::Dense, 1, 1, dsc_joint, dsc_all(dsc_joint_vision));
  // Sparse with values, as LCA layers are written.
  write_frames(run / "infer_text" / "Joint.pvp", PvpType::SparseValues, 1, 1, dsc_joint, dsc_all(dsc_joint_text));
  write_frames(run / "infer_both" / "Joint.pvp", PvpType::SparseValues, 1, 1, dsc_joint, dsc_all(dsc_joint_both));
  write_frames(run / "infer_both" / "Vision1.pvp", PvpType::Dense, 1, 1, 4, dsc_all(dsc_vision1));
  write_frames(run / "infer_vision" / "TextRecon.pvp", PvpType::Dense, dsc_text_nx, dsc_text_ny, 1,
               dsc_all(dsc_generated_text));
  write_frames(run / "infer_both" / "TextRecon.pvp", PvpType::Dense, dsc_text_nx, dsc_text_ny, 1,
               dsc_all([](int i) { return dsc_clean_text(dsc_label(i)); }));
  write_frames(data / "vision_test.pvp", PvpType::Dense, dsc_vision_nx, dsc_vision_ny, 1, dsc_all(dsc_digit));
  write_frames(data / "text_test.pvp", PvpType::Dense, dsc_text_nx, dsc_text_ny, 1,
               dsc_all([](int i) { return dsc_clean_text(dsc_label(i)); }));
  // Flip: case 0 (digit 0, text 1) moves both layers to class 1; case 1 (digit 2, text 3) moves only the joint.
  fs::create_directories(run / "flip");
  {
    std::FILE* f = std::fopen((run / "flip" / "cases.txt").c_str(), "w");
    std::fprintf(f, "0 1\n2 3\n");
    std::fclose(f);
  }
  auto joint_state = [](int label) {
    std::vector<float> v(dsc_joint, 0.0f);
    v[5] = 10.0f * float(label);
    return v;
  };
  write_frames(run / "flip" / "Joint.pvp", PvpType::SparseValues, 1, 1, dsc_joint,
               {joint_state(0), joint_state(1), joint_state(2), joint_state(3)});
  write_frames(run / "flip" / "Vision1.pvp", PvpType::Dense, 1, 1, 4,
               {{6, 4, 0, 0}, {4, 6, 0, 0}, {0, 0, 6, 4}, {0, 0, 6, 4}});
  // A dictionary onto pixels (drawn) and one onto a feature layer (listed).
  SharedWeights w;
  w.nxp = w.nyp = 3;
  w.nfp = 1;
  w.nf_kernel = 4;
  w.values.resize(4 * 9);
  for (std::size_t k = 0; k < w.values.size(); ++k) w.values[k] = float(int(k % 7) - 3);
  fs::create_directories(run / "learn");
  write_shared_weights(run / "learn" / "V1ToVisionError.pvp", w, false);
  w.nfp = 4;
  w.values.assign(4 * 9 * 4, 0.5f);
  write_shared_weights(run / "learn" / "JointToV1Error.pvp", w, false);
}

}  // namespace spv::test
