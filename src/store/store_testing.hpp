// Test-only: small evaluation sets and runs for the store's tests.
#pragma once

#include <string>

#include "core/evidence.hpp"

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

}  // namespace foresight::store::testing
