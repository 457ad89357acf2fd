#include "app/device_choice.hpp"

#include <algorithm>
#include <vector>

#include "app/command_line.hpp"

namespace spv {

int device_for_rank(const std::string& list, int local_rank) {
  std::vector<int> devices;
  std::size_t at = 0;
  while (at <= list.size()) {
    const std::size_t comma = std::min(list.find(',', at), list.size());
    const std::string item = list.substr(at, comma - at);
    char* end = nullptr;
    const long d = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || d < 0)
      throw UsageError("-d \"" + list + "\": expected GPU numbers separated by commas, e.g. -d 0 or -d 0,1");
    devices.push_back(int(d));
    at = comma + 1;
  }
  if (local_rank >= int(devices.size()))
    throw UsageError("-d \"" + list + "\" names " + std::to_string(devices.size()) +
                     " GPU(s) but this node runs rank index " + std::to_string(local_rank) +
                     "; give one GPU per rank on the node");
  return devices[std::size_t(local_rank)];
}

}  // namespace spv
