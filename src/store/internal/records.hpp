// The stored rows as domain values, for every backend: how messages name items, the checks
// that refuse (before writing) what could not be read back whole, and the decoders of a row
// (a row that cannot be decoded is kDataLoss naming the item, never a default value).
//
// The decoders are templates over the backend's row type, which offers Int(i), Double(i),
// Text(i) and IsNull(i) for its columns i = 0, 1, ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/result.hpp"
#include "core/evidence.hpp"
#include "core/plan_ledger.hpp"

namespace foresight::store::internal {

using Pairs = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kSlicePrefix = "slice:";
inline constexpr std::string_view kEvalSetOwner = "evalset";
inline constexpr std::string_view kRunOwner = "run";

// How messages name items: "evaluation set 'x'", "run 'x'".
std::string SetItem(std::string_view name);
std::string RunItem(std::string_view name);

// A kDataLoss error: "<where>: <detail> (the stored data is damaged; ...)".
Error Damaged(std::string_view where, std::string_view detail);

// A set's key (core::EvalSet::store_key): its row id and what tells this row from another
// that had the id before it (PostgreSQL's xmin, SQLite's nonce).
std::string SetKey(int64_t id, std::string_view version);
// AddRun's refusal (kFailedPrecondition) of a run lined up with a set that has been replaced
// since (Run::evalset_key); `in_project` is the store's " in project 'x'" or "".
Error SetReplaced(const core::Run& run, std::string_view in_project);

std::string ToJsonList(const std::vector<std::string>& values);
// Fails with kDataLoss (naming `where`) unless `text` is a JSON list of strings.
Result<std::vector<std::string>> ParseJsonList(std::string_view text, std::string_view where);

// How many prediction values a run on this set has per row (multiclass: one per class).
size_t PredictionWidth(const core::EvalSetInfo& set);

// Fails with kInvalidArgument when the set could not be read back whole: labels or targets
// or a slice column of another length than the ids, a slice code outside its levels, a
// slice name given twice.
Status CheckEvalSet(const core::EvalSet& evalset);
// Fails with kInvalidArgument when a run's params or tags repeat a key.
Status CheckAttributes(const core::Run& run);
// Fails with kDataLoss when a decoded set's codes do not fit it: a binary set without two
// classes, a label code outside the classes, a slice code outside its levels. `item` names
// the set in messages.
Status CheckDecodedSet(const core::EvalSet& evalset, std::string_view item);

// The plan event kinds as the stores spell them.
std::optional<std::string_view> PlanEventKindName(core::PlanEventKind kind);
std::optional<core::PlanEventKind> ParsePlanEventKind(std::string_view name);
// Why an event cannot be stored, or "" when it can.
std::string PlanEventProblem(const core::PlanEvent& event);
// AddPlanEvents' refusal of a batch: the first event that cannot be stored, named.
Status CheckPlanEvents(const std::vector<core::PlanEvent>& events);

// An evaluation set's row, decoded and checked (info.slices not filled).
struct SetRow {
  int64_t id = 0;
  core::EvalSetInfo info;
  std::string source;
};

// The columns each decoder reads, in order, from `evalsets e`, `runs r` joined with
// `evalsets e`, `criteria`, and `plan_events` (after its id).
inline constexpr std::string_view kSetColumns =
    "e.id, e.name, e.task, e.rows, e.classes, e.source, e.created_at";
inline constexpr std::string_view kRunColumns =
    "r.id, r.name, e.name, r.method, r.train_size, r.effort_hours, r.created_at";
inline constexpr std::string_view kCriteriaColumns =
    "charter_hash, metric, threshold, confidence, seen_at";
inline constexpr std::string_view kPlanEventColumns =
    "method, kind, happened_on, optimistic, likely, pessimistic, role, effort, note, "
    "recorded_at";

// Reads kSetColumns from columns `first`, `first` + 1, ... Fails with kDataLoss for an
// unknown task, a negative row count, classes that are not a JSON list of strings.
template <typename Row>
Result<SetRow> DecodeSetRow(const Row& row, int first) {
  SetRow out;
  out.id = row.Int(first);
  out.info.name = row.Text(first + 1);
  const std::string item = SetItem(out.info.name);
  const std::string task = row.Text(first + 2);
  const auto parsed = core::ParseEvalTask(task);
  if (!parsed) return Fail(Damaged(item, fmt::format("unknown task '{}'", task)));
  out.info.task = *parsed;
  if (row.Int(first + 3) < 0) return Fail(Damaged(item, "a negative row count"));
  out.info.rows = static_cast<size_t>(row.Int(first + 3));
  auto classes = ParseJsonList(row.Text(first + 4), item + ": classes");
  if (!classes) return Fail(classes.error());
  out.info.classes = std::move(*classes);
  out.source = row.Text(first + 5);
  out.info.created_at = row.Text(first + 6);
  return out;
}

// Reads (kind, key, value) from columns `first`... into params or tags. Fails with kDataLoss
// for a kind other than "param" or "tag".
template <typename Row>
Status DecodeAttribute(const Row& row, int first, std::string_view item, Pairs& params,
                       Pairs& tags) {
  const std::string kind = row.Text(first);
  if (kind != "param" && kind != "tag") {
    return Fail(Damaged(item, fmt::format("an attribute of unknown kind '{}'", kind)));
  }
  (kind == "param" ? params : tags).emplace_back(row.Text(first + 1), row.Text(first + 2));
  return {};
}

// Reads kRunColumns from column 0.
template <typename Row>
core::RunInfo DecodeRunInfo(const Row& row) {
  core::RunInfo info;
  info.name = row.Text(1);
  info.evalset = row.Text(2);
  info.method = row.Text(3);
  if (!row.IsNull(4)) info.train_size = row.Int(4);
  if (!row.IsNull(5)) info.effort_hours = row.Double(5);
  info.created_at = row.Text(6);
  return info;
}

// Reads kCriteriaColumns from column 0.
template <typename Row>
core::CriteriaVersion DecodeCriteria(const Row& row) {
  core::CriteriaVersion v;
  v.charter_hash = row.Text(0);
  v.metric = row.Text(1);
  if (!row.IsNull(2)) v.threshold = row.Double(2);
  if (!row.IsNull(3)) v.confidence = row.Double(3);
  v.seen_at = row.Text(4);
  return v;
}

// Reads `id, kPlanEventColumns` from column 0. Fails with kDataLoss for an unknown kind.
template <typename Row>
Result<core::PlanEvent> DecodePlanEvent(const Row& row) {
  core::PlanEvent e;
  e.id = row.Int(0);
  e.method = row.Text(1);
  const std::string kind = row.Text(2);
  const auto parsed = ParsePlanEventKind(kind);
  if (!parsed) {
    return Fail(
        Damaged(fmt::format("plan event {}", e.id), fmt::format("unknown kind '{}'", kind)));
  }
  e.kind = *parsed;
  e.on = row.Text(3);
  if (!row.IsNull(4)) e.optimistic = row.Double(4);
  if (!row.IsNull(5)) e.likely = row.Double(5);
  if (!row.IsNull(6)) e.pessimistic = row.Double(6);
  e.role = row.Text(7);
  if (!row.IsNull(8)) e.effort = row.Double(8);
  e.note = row.Text(9);
  e.recorded_at = row.Text(10);
  return e;
}

}  // namespace foresight::store::internal
