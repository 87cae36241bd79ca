#include "app/criteria.hpp"

#include <fmt/format.h>

#include "base/files.hpp"
#include "charter/parse.hpp"

namespace foresight::app {
namespace {

// FNV-1a, 64 bits: a stable content hash for charter versions.
std::string ContentHash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace

Criteria CriteriaOf(const core::Charter& charter, std::string_view text) {
  Criteria out;
  out.charter_hash = ContentHash(text);
  if (charter.success.metric.has()) out.metric = *charter.success.metric;
  if (charter.success.threshold.has()) out.threshold = *charter.success.threshold;
  if (charter.success.confidence.has()) out.confidence = *charter.success.confidence;
  return out;
}

Result<Criteria> ReadCriteria(const std::string& path) {
  auto text = ReadFile(path, charter::kMaxCharterBytes);
  if (!text) return Fail(text.error());
  const SourceFile file(path, *text);
  diag::DiagnosticSink sink;
  const core::Charter charter = charter::ParseCharter(file, sink);
  if (sink.HasErrors()) {
    size_t errors = 0;
    for (const diag::Diagnostic& d : sink.diagnostics()) errors += d.severity == Severity::kError;
    return Fail(
        ErrorCode::kFailedPrecondition,
        fmt::format("the charter '{}' has {} error{}, so its success criteria are not "
                    "used; `foresight check {}` shows {}",
                    path, errors, errors == 1 ? "" : "s", path, errors == 1 ? "it" : "them"));
  }
  return CriteriaOf(charter, *text);
}

core::CriteriaVersion VersionOf(const Criteria& criteria, std::string seen_at) {
  return core::CriteriaVersion{criteria.charter_hash, criteria.metric, criteria.threshold,
                               criteria.confidence, std::move(seen_at)};
}

Status RecordCriteria(store::Store& store, const std::optional<Criteria>& criteria,
                      const Clock& clock) {
  if (!criteria) return {};
  auto previous = store.RecordCriteria(VersionOf(*criteria, clock.NowIso8601()));
  if (!previous) return Fail(previous.error());
  return {};
}

Result<CriteriaRecording> RecordCriteriaAfterReading(store::Store& store,
                                                     const std::optional<Criteria>& criteria,
                                                     const Clock& clock) {
  using Outcome = CriteriaRecording::Outcome;
  if (store.ReadOnly()) return CriteriaRecording{Outcome::kReadOnly};
  Status recorded = RecordCriteria(store, criteria, clock);
  if (!recorded && recorded.error().code() == ErrorCode::kPermissionDenied) {
    return CriteriaRecording{Outcome::kNotAllowed, recorded.error().message()};
  }
  if (!recorded) return Fail(recorded.error());
  return CriteriaRecording{};
}

}  // namespace foresight::app
