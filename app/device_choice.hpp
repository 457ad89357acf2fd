// -d LIST: which GPU this rank uses. One GPU per MPI rank: the rank's index on its node picks from the list.
#pragma once
#include <string>

namespace spv {

// The device for the rank with this node-local index, from a comma-separated list ("0", "0,1"); throws
// UsageError for a malformed list or one shorter than the ranks on the node.
int device_for_rank(const std::string& list, int local_rank);

}  // namespace spv
