// Fuzz target: bytes -> the result cache's decoders (a cached measurement, a cached point
// estimate), as read back from a store that may hold anything. Nothing may crash, hang or
// trip a sanitizer; whatever decodes must encode back to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/result_cache.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace foresight::app;
  if (size > (1U << 20U)) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (auto m = DecodeMeasurement(bytes)) {
    if (EncodeMeasurement(*m) != bytes) std::abort();
  }
  if (auto p = DecodePoint(bytes)) {
    if (EncodePoint(*p) != bytes) std::abort();
  }
  // Also the encodings of well-formed values built from the bytes, so the fuzzer reaches
  // past the checksum: the first 8 bytes are the point estimate, the rest replicates.
  Measurement m;
  for (size_t i = 0; i + 8 <= size; i += 8) {
    double v = 0;
    __builtin_memcpy(&v, data + i, 8);
    if (i == 0) {
      m.replicates.estimate = v;
    } else {
      m.replicates.sorted.push_back(v);
    }
  }
  if (!m.replicates.sorted.empty()) {
    const std::string encoded = EncodeMeasurement(m);
    auto back = DecodeMeasurement(encoded);
    if (!back || EncodeMeasurement(*back) != encoded) std::abort();
  }
  return 0;
}
