#include "core/io/binary_input.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/errors.hpp"

namespace spv {

BinaryInput::BinaryInput(const std::filesystem::path& path) : path_(path.string()) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw IoError(path_, "no such file");
  if (std::filesystem::is_directory(status)) throw IoError(path_, "is a directory, not a file");
  in_.open(path, std::ios::binary);
  if (!in_) throw IoError(path_, std::string("cannot open: ") + std::strerror(errno));
  in_.seekg(0, std::ios::end);
  size_ = static_cast<std::int64_t>(in_.tellg());
  if (size_ < 0) throw IoError(path_, "cannot determine the file size");
}

std::vector<unsigned char> BinaryInput::read(std::int64_t offset, std::int64_t count, const std::string& what) {
  if (offset < 0 || count < 0 || offset + count > size_) {
    throw IoError(path_,
                  "truncated: " + what + " needs " + std::to_string(count) + " bytes at offset " +
                      std::to_string(offset) + " but the file ends at " + std::to_string(size_),
                  offset);
  }
  std::vector<unsigned char> bytes(static_cast<std::size_t>(count));
  in_.clear();
  in_.seekg(offset);
  in_.read(reinterpret_cast<char*>(bytes.data()), count);
  if (in_.gcount() != count) throw IoError(path_, "read error", offset + in_.gcount());
  return bytes;
}

std::vector<unsigned char> BinaryInput::read_all() { return read(0, size_, "the file"); }

}  // namespace spv
