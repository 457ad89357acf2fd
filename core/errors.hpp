// Typed errors of the runtime, each carrying the names a user needs (layers and sizes, path and offset, step and index).
#pragma once
#include <cstdint>
#include <string>

#include "params/error.hpp"

namespace spv {

// Two objects whose sizes do not fit together (a connection's layers, a patch, a scale).
class GeometryError : public Error {
 public:
  explicit GeometryError(const std::string& message) : Error(message) {}
};

// A file that is missing, unreadable, truncated or malformed; names the path and, where known, the byte offset.
class IoError : public Error {
 public:
  IoError(std::string path, std::string message, std::int64_t offset = -1);
  const std::string& path() const { return path_; }
  std::int64_t offset() const { return offset_; }

 private:
  std::string path_;
  std::int64_t offset_;
};

// A non-finite value appeared in a layer (errorOnNotANumber).
class NumericError : public Error {
 public:
  NumericError(std::string layer, long step, double time, long index, std::string what);
};

}  // namespace spv
