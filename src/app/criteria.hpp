// The charter's success criteria, read once where the charter is read and passed, as values,
// to the use cases that judge runs against them (eval, compare, forecast, probe).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "core/charter.hpp"
#include "core/evidence.hpp"
#include "store/store.hpp"

namespace foresight::app {

struct Criteria {
  std::string charter_hash;  // content hash of the charter's bytes: its version
  std::string metric;        // the primary metric as written; empty when not declared
  std::optional<double> threshold;
  std::optional<double> confidence;
};

// The criteria of a parsed charter whose bytes are `text`.
Criteria CriteriaOf(const core::Charter& charter, std::string_view text);

// Reads and parses the charter at `path`. Fails with kNotFound when there is none, and with
// kFailedPrecondition (saying how many errors and to run `foresight check`) when it has
// errors: a criterion is never taken from a charter that does not parse.
Result<Criteria> ReadCriteria(const std::string& path);

// The version of the criteria as the store records it.
core::CriteriaVersion VersionOf(const Criteria& criteria, std::string seen_at);

// Records `criteria` as the workspace's current version, unless the charter's hash equals
// the last one recorded. This is the only use case that writes criteria; `eval` only reads
// them (and reports a change since the last recorded version).
// With no criteria (no charter, or one that does not parse) there is nothing to record.
Status RecordCriteria(store::Store& store, const std::optional<Criteria>& criteria,
                      const Clock& clock);

// What a reading command (eval, probe) made of the charter's criteria version.
struct CriteriaRecording {
  enum class Outcome {
    kRecorded,    // recorded, or no change (or no criteria) to record
    kReadOnly,    // the store can only be read: nothing is kept
    kNotAllowed,  // the caller's role on a server may not change the project's criteria
  };
  Outcome outcome = Outcome::kRecorded;
  std::string why = {};  // kNotAllowed: the server's refusal
};
// RecordCriteria after a reading command, which goes on whatever becomes of the version: a
// read-only store keeps nothing, and a role that may not change the criteria is said, not
// an error. Fails only as RecordCriteria fails otherwise.
Result<CriteriaRecording> RecordCriteriaAfterReading(store::Store& store,
                                                     const std::optional<Criteria>& criteria,
                                                     const Clock& clock);

}  // namespace foresight::app
