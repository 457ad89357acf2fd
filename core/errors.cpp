#include "core/errors.hpp"

namespace spv {

IoError::IoError(std::string path, std::string message, std::int64_t offset)
    : Error(path + (offset >= 0 ? " (byte offset " + std::to_string(offset) + ")" : std::string()) + ": " + message),
      path_(std::move(path)),
      offset_(offset) {}

NumericError::NumericError(std::string layer, long step, double time, long index, std::string what)
    : Error("layer \"" + layer + "\": " + what + " at step " + std::to_string(step) + " (t = " + std::to_string(time) +
            "), neuron index " + std::to_string(index) + " (errorOnNotANumber is set)") {}

}  // namespace spv
