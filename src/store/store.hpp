// Store: where evaluation sets, runs and charter versions are kept.
//
// Use-case methods only; no SQL (or any backend detail) crosses this interface, so SQLite
// (the embedded default) and PostgreSQL (the team server, later) implement the same
// contract, and one contract test suite runs against each. Every method that writes is one
// transaction: it writes everything or nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "core/evidence.hpp"

namespace foresight::store {

class Store {
 public:
  virtual ~Store() = default;

  // Fails with kAlreadyExists when the name is taken.
  virtual Status AddEvalSet(const core::EvalSet& evalset) = 0;
  // Fails with kNotFound when there is no such set.
  virtual Result<core::EvalSet> GetEvalSet(std::string_view name) = 0;
  virtual Result<std::vector<core::EvalSetInfo>> ListEvalSets() = 0;

  // Fails with kNotFound when the run's evaluation set does not exist, kAlreadyExists when
  // the run name is taken, kInvalidArgument when the predictions do not fit the set.
  virtual Status AddRun(const core::Run& run) = 0;
  virtual Result<core::Run> GetRun(std::string_view name) = 0;
  // An evaluation set and runs on it, all in one transaction (as AddEvalSet, then AddRun for
  // each): either everything is stored or nothing.
  virtual Status AddEvalSetWithRuns(const core::EvalSet& evalset,
                                    const std::vector<core::Run>& runs) = 0;
  // In the order they were added.
  virtual Result<std::vector<core::RunInfo>> ListRuns() = 0;

  // Records a charter version's success criteria unless its charter hash equals the last
  // one recorded. Returns the last version recorded before this call (nullopt if none), so
  // the caller can tell whether the metric or threshold changed.
  virtual Result<std::optional<core::CriteriaVersion>> RecordCriteria(
      const core::CriteriaVersion& criteria) = 0;
  // Oldest first.
  virtual Result<std::vector<core::CriteriaVersion>> ListCriteria() = 0;
};

// Opens a store by URL: "sqlite:PATH" or a plain path (SQLite). Creates the database and
// migrates it to the current schema. Fails with kInvalidArgument for an unknown scheme,
// kFailedPrecondition for a database made by a newer foresight.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

}  // namespace foresight::store
