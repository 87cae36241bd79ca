#include "store/internal/column_codec.hpp"

#include <atomic>
#include <cstring>

#include <fmt/format.h>
#include <xxhash.h>
#include <zstd.h>

namespace foresight::store::internal {
namespace {

constexpr int kZstdLevel = 3;

std::atomic<bool> collide_for_testing{false};

std::string HashOf(ColumnType type, std::string_view raw) {
  if (collide_for_testing.load(std::memory_order_relaxed)) return std::string(16, '0');
  XXH64_hash_t seed = static_cast<XXH64_hash_t>(type) + 1;
  return fmt::format("{:016x}", XXH3_64bits_withSeed(raw.data(), raw.size(), seed));
}

// One compression and one decompression context per thread, made on first use and kept: a
// context made per call costs more than compressing a small chunk.
struct ZstdContexts {
  ZstdContexts() = default;
  ZstdContexts(const ZstdContexts&) = delete;
  ZstdContexts& operator=(const ZstdContexts&) = delete;
  ~ZstdContexts() {
    ZSTD_freeCCtx(compress);
    ZSTD_freeDCtx(decompress);
  }
  ZSTD_CCtx* compress = ZSTD_createCCtx();
  ZSTD_DCtx* decompress = ZSTD_createDCtx();
};

ZstdContexts& Contexts() {
  thread_local ZstdContexts contexts;
  return contexts;
}

Chunk MakeChunk(ColumnType type, std::string raw, size_t rows) {
  Chunk chunk;
  chunk.hash = HashOf(type, raw);
  chunk.raw_bytes = raw.size();
  chunk.rows = rows;
  chunk.compressed.resize(ZSTD_compressBound(raw.size()));
  ZSTD_CCtx* context = Contexts().compress;
  const size_t size =
      context != nullptr
          ? ZSTD_compressCCtx(context, chunk.compressed.data(), chunk.compressed.size(), raw.data(),
                              raw.size(), kZstdLevel)
          : ZSTD_compress(chunk.compressed.data(), chunk.compressed.size(), raw.data(), raw.size(),
                          kZstdLevel);
  // Compressing into a buffer of ZSTD_compressBound bytes cannot fail.
  chunk.compressed.resize(ZSTD_isError(size) != 0U ? 0 : size);
  return chunk;
}

template <typename T>
std::vector<Chunk> EncodeFixed(ColumnType type, std::span<const T> values) {
  std::vector<Chunk> chunks;
  for (size_t start = 0; start < values.size(); start += kChunkRows) {
    const size_t rows = std::min(kChunkRows, values.size() - start);
    std::string raw(rows * sizeof(T), '\0');
    std::memcpy(raw.data(), values.data() + start, raw.size());
    chunks.push_back(MakeChunk(type, std::move(raw), rows));
  }
  return chunks;
}

// No chunk we write is near this (65,536 values; strings would need 16 KiB each on
// average); a larger claim is damage, refused before allocating for it.
constexpr size_t kMaxRawBytes = size_t{1} << 30;

Result<std::string> Decompress(ColumnType type, const Chunk& chunk) {
  const unsigned long long framed =
      ZSTD_getFrameContentSize(chunk.compressed.data(), chunk.compressed.size());
  if (chunk.raw_bytes > kMaxRawBytes || framed != chunk.raw_bytes) {
    return Fail(ErrorCode::kDataLoss,
                fmt::format("chunk {} is corrupt (its size is {} bytes, its frame says {})",
                            chunk.hash, chunk.raw_bytes, static_cast<int64_t>(framed)));
  }
  std::string raw(chunk.raw_bytes, '\0');
  ZSTD_DCtx* context = Contexts().decompress;
  const size_t size = context != nullptr
                          ? ZSTD_decompressDCtx(context, raw.data(), raw.size(),
                                                chunk.compressed.data(), chunk.compressed.size())
                          : ZSTD_decompress(raw.data(), raw.size(), chunk.compressed.data(),
                                            chunk.compressed.size());
  if (ZSTD_isError(size) != 0U || size != chunk.raw_bytes) {
    return Fail(ErrorCode::kDataLoss,
                fmt::format("chunk {} is corrupt (cannot decompress)", chunk.hash));
  }
  // The key is the content hash, with "-N" after it for the Nth other content of that hash.
  if (HashOf(type, raw) != std::string_view(chunk.hash).substr(0, chunk.hash.find('-'))) {
    return Fail(ErrorCode::kDataLoss,
                fmt::format("chunk {} is corrupt (hash mismatch)", chunk.hash));
  }
  return raw;
}

template <typename T>
Status DecodeFixed(ColumnType type, const Chunk& chunk, std::vector<T>& out) {
  Result<std::string> raw = Decompress(type, chunk);
  if (!raw) return Fail(raw.error());
  if (raw->size() % sizeof(T) != 0) {
    return Fail(ErrorCode::kDataLoss, fmt::format("chunk {} has a partial value", chunk.hash));
  }
  const size_t old = out.size();
  out.resize(old + raw->size() / sizeof(T));
  std::memcpy(out.data() + old, raw->data(), raw->size());
  return {};
}

}  // namespace

void CollideHashesForTesting(bool collide) { collide_for_testing.store(collide); }

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kFloat64:
      return "f64";
    case ColumnType::kInt32:
      return "i32";
    case ColumnType::kString:
      return "str";
  }
  return "f64";
}

std::vector<Chunk> EncodeFloat64(std::span<const double> values) {
  return EncodeFixed(ColumnType::kFloat64, values);
}

std::vector<Chunk> EncodeInt32(std::span<const int32_t> values) {
  return EncodeFixed(ColumnType::kInt32, values);
}

std::vector<Chunk> EncodeStrings(std::span<const std::string> values) {
  std::vector<Chunk> chunks;
  for (size_t start = 0; start < values.size(); start += kChunkRows) {
    const size_t rows = std::min(kChunkRows, values.size() - start);
    std::string raw;
    for (size_t i = start; i < start + rows; ++i) {
      const auto length = static_cast<uint32_t>(values[i].size());
      for (int b = 0; b < 4; ++b) {
        raw += static_cast<char>((length >> (8U * static_cast<unsigned>(b))) & 0xFFU);
      }
      raw += values[i];
    }
    chunks.push_back(MakeChunk(ColumnType::kString, std::move(raw), rows));
  }
  return chunks;
}

Status DecodeFloat64(const Chunk& chunk, std::vector<double>& out) {
  return DecodeFixed(ColumnType::kFloat64, chunk, out);
}

Status DecodeInt32(const Chunk& chunk, std::vector<int32_t>& out) {
  return DecodeFixed(ColumnType::kInt32, chunk, out);
}

Status DecodeStrings(const Chunk& chunk, std::vector<std::string>& out) {
  Result<std::string> raw = Decompress(ColumnType::kString, chunk);
  if (!raw) return Fail(raw.error());
  size_t pos = 0;
  while (pos < raw->size()) {
    if (pos + 4 > raw->size()) return Fail(ErrorCode::kDataLoss, "string chunk is truncated");
    uint32_t length = 0;
    for (unsigned b = 0; b < 4; ++b) {
      length |= static_cast<uint32_t>(static_cast<unsigned char>((*raw)[pos + b])) << (8U * b);
    }
    pos += 4;
    if (pos + length > raw->size()) return Fail(ErrorCode::kDataLoss, "string chunk is truncated");
    out.emplace_back(raw->substr(pos, length));
    pos += length;
  }
  return {};
}

}  // namespace foresight::store::internal
