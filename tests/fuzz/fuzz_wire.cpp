// Fuzz target: bytes -> the store protocol's decoders (store/remote/wire.hpp), which the
// server runs on every document a client sends. The first byte picks the document kind, the
// rest is its text. Nothing may crash, hang or trip a sanitizer; whatever decodes must
// encode to a document that decodes to the same encoding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "store/remote/wire.hpp"

namespace {

template <typename Decode, typename Encode>
void RoundTrip(std::string_view text, Decode decode, Encode encode) {
  auto first = decode(text);
  if (!first) return;
  const std::string encoded = encode(*first);
  auto second = decode(encoded);
  if (!second || encode(*second) != encoded) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace wire = foresight::store::wire;
  if (size < 1 || size > (1U << 20U)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 8) {
    case 0:
      RoundTrip(text, wire::DecodeEvalSet, wire::EncodeEvalSet);
      break;
    case 1:
      RoundTrip(text, wire::DecodeRun, wire::EncodeRun);
      break;
    case 2:
      RoundTrip(text, wire::DecodeBundle,
                [](const wire::Bundle& b) { return wire::EncodeBundle(b.evalset, b.runs); });
      break;
    case 3:
      RoundTrip(text, wire::DecodeEvalSetInfos, wire::EncodeEvalSetInfos);
      break;
    case 4:
      RoundTrip(text, wire::DecodeRunPage, wire::EncodeRunPage);
      break;
    case 5:
      RoundTrip(text, wire::DecodeCriteria, wire::EncodeCriteria);
      RoundTrip(text, wire::DecodeCriteriaVersion, wire::EncodeCriteriaVersion);
      break;
    case 6:
      RoundTrip(text, wire::DecodePlanEvents, wire::EncodePlanEvents);
      break;
    default:
      RoundTrip(text, wire::DecodeCacheValues, wire::EncodeCacheValues);
      break;
  }
  return 0;
}
