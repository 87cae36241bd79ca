// Test-only: small evaluation sets and runs for the store's tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/evidence.hpp"
#include "store/store.hpp"

namespace foresight::store::testing {

// A binary set of n examples "ex-0", "ex-1", ... (every third a "yes"), with a 'region'
// slice alternating south and north.
inline core::EvalSet SmallSet(const std::string& name, size_t n) {
  core::EvalSet e;
  e.name = name;
  e.task = core::EvalTask::kBinary;
  e.classes = {"no", "yes"};
  core::SliceColumn region{"region", {"north", "south"}, {}};
  for (size_t i = 0; i < n; ++i) {
    e.ids.push_back("ex-" + std::to_string(i));
    e.labels.push_back(static_cast<int32_t>(i % 3 == 0));
    region.codes.push_back(static_cast<int32_t>(i % 2));
  }
  e.slices.push_back(region);
  e.source = "eval.csv";
  e.created_at = "2026-11-28T10:00:00Z";
  return e;
}

// A run of n scores i / 8 on `evalset`, method gbm, train size 500, a param and a tag.
inline core::Run SmallRun(const std::string& name, const std::string& evalset, size_t n) {
  core::Run r;
  r.name = name;
  r.evalset = evalset;
  r.method = "gbm";
  r.train_size = 500;
  r.params = {{"depth", "6"}};
  r.tags = {{"owner", "ana"}};
  for (size_t i = 0; i < n; ++i) r.predictions.push_back(static_cast<double>(i) / 8.0);
  r.created_at = "2026-11-28T11:00:00Z";
  return r;
}

// A Store that passes every call to `inner`: a test overrides the calls it needs to watch or
// to interleave with another writer.
class ForwardingStore : public Store {
 public:
  explicit ForwardingStore(Store& inner) : inner_(inner) {}
  using Store::GetEvalSet;
  Status AddEvalSet(const core::EvalSet& evalset) override { return inner_.AddEvalSet(evalset); }
  Result<core::EvalSet> GetEvalSet(std::string_view name, bool with_ids) override {
    return inner_.GetEvalSet(name, with_ids);
  }
  Result<SetForRun> GetEvalSetForRun(std::string_view name) override {
    return inner_.GetEvalSetForRun(name);
  }
  Result<std::vector<core::EvalSetInfo>> ListEvalSets() override { return inner_.ListEvalSets(); }
  Status AddRun(const core::Run& run) override { return inner_.AddRun(run); }
  Result<core::Run> GetRun(std::string_view name) override { return inner_.GetRun(name); }
  Status AddEvalSetWithRuns(const core::EvalSet& evalset,
                            const std::vector<core::Run>& runs) override {
    return inner_.AddEvalSetWithRuns(evalset, runs);
  }
  Result<std::vector<core::RunInfo>> ListRuns(const RunFilter& filter) override {
    return inner_.ListRuns(filter);
  }
  Status DeleteRun(std::string_view name) override { return inner_.DeleteRun(name); }
  Status RenameRun(std::string_view name, std::string_view new_name) override {
    return inner_.RenameRun(name, new_name);
  }
  Status DeleteEvalSet(std::string_view name, bool with_runs) override {
    return inner_.DeleteEvalSet(name, with_runs);
  }
  Status RenameEvalSet(std::string_view name, std::string_view new_name) override {
    return inner_.RenameEvalSet(name, new_name);
  }
  Result<std::optional<core::CriteriaVersion>> RecordCriteria(
      const core::CriteriaVersion& criteria) override {
    return inner_.RecordCriteria(criteria);
  }
  Result<std::vector<core::CriteriaVersion>> ListCriteria() override {
    return inner_.ListCriteria();
  }
  Status AddPlanEvents(const std::vector<core::PlanEvent>& events) override {
    return inner_.AddPlanEvents(events);
  }
  Result<std::vector<core::PlanEvent>> ListPlanEvents() override { return inner_.ListPlanEvents(); }
  Result<std::vector<std::optional<std::string>>> GetCachedResults(
      std::string_view key, const std::vector<std::string>& runs) override {
    return inner_.GetCachedResults(key, runs);
  }
  Status PutCachedResults(const std::vector<core::CachedResult>& entries) override {
    return inner_.PutCachedResults(entries);
  }
  Result<std::vector<std::string>> ListProjects() override { return inner_.ListProjects(); }
  Status CreateProject(std::string_view name) override { return inner_.CreateProject(name); }
  void AuditWrites(core::AuditEntry entry, bool* written) override {
    inner_.AuditWrites(std::move(entry), written);
  }
  bool ReadOnly() const override { return inner_.ReadOnly(); }

 protected:
  Store& inner() { return inner_; }

 private:
  Store& inner_;
};

}  // namespace foresight::store::testing
