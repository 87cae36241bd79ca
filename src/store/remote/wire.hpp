// The store protocol's documents: what the server's data routes
// (/api/v1/projects/{project}/data/...) send and receive, so that a Store over HTTP
// (remote_store.hpp) moves the same values a local Store keeps, exactly.
//
// Each value is one JSON document. The long columns (ids, labels, targets, slice codes,
// predictions) travel packed, as base64 of their little-endian bytes ({"f64": ...},
// {"i32": ...}, {"str": ...}: every double arrives with the same bits), and are also read as
// plain JSON lists; other numbers are written in the shortest form that reads back to the same
// double. Pairs (params, tags) are lists of [key, value] so their order is kept. A decoder checks
// the document's shape and types, and fails with kInvalidArgument naming the field ("labels[3] must
// be a whole number ..."), never a default value; what the document means (lengths that fit, codes
// within their levels) is the Store's to check, as for any other caller.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "core/evidence.hpp"
#include "core/plan_ledger.hpp"
#include "store/store.hpp"

namespace foresight::store::wire {

std::string EncodeEvalSet(const core::EvalSet& evalset);
Result<core::EvalSet> DecodeEvalSet(std::string_view text);

std::string EncodeRun(const core::Run& run);
Result<core::Run> DecodeRun(std::string_view text);

// An evaluation set and runs on it, stored together (Store::AddEvalSetWithRuns).
struct Bundle {
  core::EvalSet evalset;
  std::vector<core::Run> runs;
};
std::string EncodeBundle(const core::EvalSet& evalset, const std::vector<core::Run>& runs);
Result<Bundle> DecodeBundle(std::string_view text);

std::string EncodeEvalSetInfos(const std::vector<core::EvalSetInfo>& sets);
Result<std::vector<core::EvalSetInfo>> DecodeEvalSetInfos(std::string_view text);

// A page of runs (ListRuns' answer), with the offset of the next page when there are more.
std::string EncodeRunPage(const RunPage& page);
Result<RunPage> DecodeRunPage(std::string_view text);

std::string EncodeCriteria(const std::vector<core::CriteriaVersion>& versions);
Result<std::vector<core::CriteriaVersion>> DecodeCriteria(std::string_view text);
// One version (RecordCriteria's argument), or none (its answer when nothing changed): a list
// of at most one.
std::string EncodeCriteriaVersion(const std::optional<core::CriteriaVersion>& version);
Result<std::optional<core::CriteriaVersion>> DecodeCriteriaVersion(std::string_view text);

std::string EncodePlanEvents(const std::vector<core::PlanEvent>& events);
Result<std::vector<core::PlanEvent>> DecodePlanEvents(std::string_view text);

// The result cache's values for the runs asked about, in their order (null: none there).
std::string EncodeCacheValues(const std::vector<std::optional<std::string>>& values);
Result<std::vector<std::optional<std::string>>> DecodeCacheValues(std::string_view text);

}  // namespace foresight::store::wire
