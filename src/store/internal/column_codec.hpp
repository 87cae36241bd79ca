// Columnar chunks: typed columns cut into chunks of kChunkRows values, each compressed with
// zstd and named by the XXH3 hash of its uncompressed bytes (content addressing: identical
// chunks, e.g. the same ids in two places, are stored once). Backend-neutral.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace foresight::store::internal {

inline constexpr size_t kChunkRows = 65536;

enum class ColumnType { kFloat64, kInt32, kString };

std::string_view ColumnTypeName(ColumnType type);

// A chunk's key. The hash names its content, but a 64-bit hash can be made to collide: the
// store compares the bytes of a chunk with the same key before sharing it, and keys a
// different content with the same hash "HASH-1", "HASH-2", ... (decoding checks the hash
// before the '-').
struct Chunk {
  std::string hash;        // 16 hex digits of XXH3-64 over the type tag and the raw bytes
  std::string compressed;  // zstd frame
  size_t raw_bytes = 0;
  size_t rows = 0;
};

// Encodes a column into chunks (empty column: no chunks).
std::vector<Chunk> EncodeFloat64(std::span<const double> values);
std::vector<Chunk> EncodeInt32(std::span<const int32_t> values);
// Strings are stored as a little-endian uint32 length followed by the bytes.
std::vector<Chunk> EncodeStrings(std::span<const std::string> values);

// Decodes one chunk's compressed bytes and appends its values. Fails with kDataLoss when the
// bytes are corrupt (bad frame, wrong size, hash mismatch).
Status DecodeFloat64(const Chunk& chunk, std::vector<double>& out);
Status DecodeInt32(const Chunk& chunk, std::vector<int32_t>& out);
Status DecodeStrings(const Chunk& chunk, std::vector<std::string>& out);

// Tests only: every chunk gets the same hash (true), to exercise the collision path.
void CollideHashesForTesting(bool collide);

}  // namespace foresight::store::internal
