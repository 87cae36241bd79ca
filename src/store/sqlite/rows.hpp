// The rows of the SQLite store's tables as domain values: decoding them (a row that cannot
// be decoded is kDataLoss naming the item, never a default value), and the checks that
// refuse, before writing, what could not be read back whole. Private to the SQLite store.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "core/evidence.hpp"
#include "store/sqlite/db.hpp"

namespace foresight::store::sqlite {

using Pairs = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kSlicePrefix = "slice:";

// How messages name items: "evaluation set 'x'", "run 'x'".
std::string SetItem(std::string_view name);
std::string RunItem(std::string_view name);

// An evaluation set's row, decoded and checked (info.slices not filled).
struct SetRow {
  int64_t id = 0;
  core::EvalSetInfo info;
  std::string source;
};

// Selects what DecodeSetRow reads, from `evalsets e`.
inline constexpr std::string_view kSetColumns =
    "e.id, e.name, e.task, e.rows, e.classes, e.source, e.created_at";
// Reads kSetColumns from `stmt`'s columns `first`, `first` + 1, ... Fails with kDataLoss for
// an unknown task, a negative row count, classes that are not a JSON list of strings.
Result<SetRow> DecodeSetRow(const Statement& stmt, int first);

// How many prediction values a run on this set has per row (multiclass: one per class).
size_t PredictionWidth(const core::EvalSetInfo& set);

// Fails with kInvalidArgument when the set could not be read back whole: labels or targets
// or a slice column of another length than the ids, a slice code outside its levels, a
// slice name given twice.
Status CheckEvalSet(const core::EvalSet& evalset);
// Fails with kInvalidArgument when a run's params or tags repeat a key.
Status CheckAttributes(const core::Run& run);

// Reads (kind, key, value) from `stmt`'s columns `first`... into params or tags. Fails with
// kDataLoss for a kind other than "param" or "tag".
Status DecodeAttribute(const Statement& stmt, int first, std::string_view item, Pairs& params,
                       Pairs& tags);

// Selects what DecodeRunInfo reads (from column 0), from `runs r` joined with `evalsets e`.
inline constexpr std::string_view kRunColumns =
    "r.id, r.name, e.name, r.method, r.train_size, r.effort_hours, r.created_at";
core::RunInfo DecodeRunInfo(const Statement& stmt);

// Selects what DecodeCriteria reads (from column 0), from `criteria`.
inline constexpr std::string_view kCriteriaColumns =
    "charter_hash, metric, threshold, confidence, seen_at";
core::CriteriaVersion DecodeCriteria(const Statement& stmt);

}  // namespace foresight::store::sqlite
