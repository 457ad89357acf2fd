// The checkpoint the checkpoint fuzz target reads and make_seeds writes: a registry holding one entry of each kind a
// restart reads (the column's timeinfo, as Column registers it, and nextCheckpointTime; a layer's activity PVP; float
// and double arrays; a raw vector). The target's input is the manifest and these files, in entry order, each
// followed by the separator.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/checkpoint/time_info.hpp"

namespace spv::fuzz {

namespace fs = std::filesystem;

inline constexpr std::string_view checkpoint_file_separator = "\n--next file--\n";

// The state a restart would load into; sizes are fixed, as a run's objects fix them before reading.
struct CheckpointState {
  double time = 0, next_checkpoint = 0;
  long step = 0;
  std::vector<float> activity = std::vector<float>(std::size_t(6) * 5 * 2);  // 4x3x2 extended by a halo of 1
  std::vector<float> v = std::vector<float>(24);
  std::vector<double> d = std::vector<double>(5);
  std::vector<std::int64_t> counts = std::vector<std::int64_t>(3);
  spv::CheckpointRegistry registry;

  CheckpointState(const CheckpointState&) = delete;  // the entries point into this object
  CheckpointState& operator=(const CheckpointState&) = delete;
  CheckpointState() {
    registry.begin_object("");
    registry.add_custom(
        "timeinfo", spv::EntryKind::Run,
        [this](const fs::path& p) {
          const std::string text = spv::format_time_info({time, step});
          spv::write_checkpoint_file(p, text.data(), text.size());
        },
        [this](const fs::path& p) {
          const auto bytes = spv::read_checkpoint_file(p);
          const spv::TimeInfo info = spv::parse_time_info(std::string(bytes.begin(), bytes.end()), p.string());
          time = info.time;
          step = info.step;
        });
    registry.add_value("nextCheckpointTime", next_checkpoint, spv::EntryKind::Run);
    registry.begin_object("L");
    spv::LayerGeometry g;
    g.nx_global = g.nx = 4;
    g.ny_global = g.ny = 3;
    g.nf = 2;
    g.halo = {1, 1, 1, 1};
    registry.add_layer_pvp(
        "A", [this] { return std::vector<std::vector<float>*>{&activity}; }, g, g.halo, spv::EntryKind::Warm);
    registry.add_floats("V", v, spv::EntryKind::Warm);
    registry.add_doubles("D", d, spv::EntryKind::Warm);
    registry.begin_object("C");
    registry.add_pod_vector("counts", counts, spv::EntryKind::Run);
  }
};

}  // namespace spv::fuzz
