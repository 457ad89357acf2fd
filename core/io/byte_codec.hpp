// Little-endian encoding of the fixed-width scalars in PVP files, independent of host byte order and struct padding.
#pragma once
#include <bit>
#include <cstdint>
#include <vector>

namespace spv::le {

inline void put_u16(unsigned char* p, std::uint16_t v) {
  p[0] = static_cast<unsigned char>(v);
  p[1] = static_cast<unsigned char>(v >> 8);
}
inline void put_u32(unsigned char* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
inline void put_u64(unsigned char* p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
inline void put_i32(unsigned char* p, std::int32_t v) { put_u32(p, static_cast<std::uint32_t>(v)); }
inline void put_f32(unsigned char* p, float v) { put_u32(p, std::bit_cast<std::uint32_t>(v)); }
inline void put_f64(unsigned char* p, double v) { put_u64(p, std::bit_cast<std::uint64_t>(v)); }

inline std::uint16_t get_u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
inline std::uint32_t get_u32(const unsigned char* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
inline std::uint64_t get_u64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
inline std::int32_t get_i32(const unsigned char* p) { return static_cast<std::int32_t>(get_u32(p)); }
inline float get_f32(const unsigned char* p) { return std::bit_cast<float>(get_u32(p)); }
inline double get_f64(const unsigned char* p) { return std::bit_cast<double>(get_u64(p)); }

// Appends to a growing buffer; the buffer is resized once per value, which is cheap next to the file write.
inline void append_u16(std::vector<unsigned char>& out, std::uint16_t v) {
  out.resize(out.size() + 2);
  put_u16(out.data() + out.size() - 2, v);
}
inline void append_u32(std::vector<unsigned char>& out, std::uint32_t v) {
  out.resize(out.size() + 4);
  put_u32(out.data() + out.size() - 4, v);
}
inline void append_i32(std::vector<unsigned char>& out, std::int32_t v) {
  append_u32(out, static_cast<std::uint32_t>(v));
}
inline void append_f32(std::vector<unsigned char>& out, float v) { append_u32(out, std::bit_cast<std::uint32_t>(v)); }
inline void append_f64(std::vector<unsigned char>& out, double v) {
  out.resize(out.size() + 8);
  put_f64(out.data() + out.size() - 8, v);
}

}  // namespace spv::le
