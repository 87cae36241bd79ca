// Fuzz target: bytes -> table (CSV or ARFF) -> the probe's data preparation (typing, target,
// ids, dropped columns) -> folds and nested subsamples -> the floor, the tree and the
// linear model fitted and predicting. Byte 0 picks the format, byte 1 the target column,
// byte 2 the task (inferred, binary, multiclass, regression). Nothing may crash, hang or
// trip a sanitizer; every prediction must be finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/probe.hpp"
#include "app/probe_data.hpp"
#include "learners/learner.hpp"
#include "table/table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace foresight;
  if (size < 3 || size > (1U << 16U)) return 0;
  const table::TableFormat format =
      data[0] % 2U == 0 ? table::TableFormat::kCsv : table::TableFormat::kArff;
  const SourceFile file("fuzz", std::string(reinterpret_cast<const char*>(data) + 3, size - 3));
  diag::DiagnosticSink sink;
  const std::optional<table::Table> t = table::ReadTable(file, format, sink);
  if (!t || t->columns().empty() || t->rows() > 2000) return 0;
  app::ProbeOptions options;
  options.target = t->columns()[data[1] % t->columns().size()];
  const char* tasks[] = {nullptr, "binary", "multiclass", "regression"};
  if (tasks[data[2] % 4U] != nullptr) options.task = tasks[data[2] % 4U];
  options.folds = 3;
  std::vector<diag::Diagnostic> problems;
  std::optional<app::ProbeData> prepared = app::PrepareProbeData(*t, file, options, problems);
  if (!prepared) {
    if (problems.empty()) std::abort();  // refused without saying why
    return 0;
  }
  learners::Dataset& d = prepared->dataset;
  if (d.rows() != prepared->evalset.size()) std::abort();
  learners::SortFeatures(d);
  const std::vector<uint32_t> folds = app::AssignFolds(d, 3, 1);
  const size_t width = d.task == learners::Task::kMulticlass ? d.classes : 1;
  for (size_t k = 0; k < 3; ++k) {
    std::vector<size_t> train;
    std::vector<size_t> test;
    for (size_t r = 0; r < d.rows(); ++r) (folds[r] == k ? test : train).push_back(r);
    const std::vector<size_t> order = app::SubsampleOrder(d, train, 1, k);
    if (order.size() != train.size()) std::abort();
    const std::span<const size_t> rows(order.data(), std::min<size_t>(order.size(), 64));
    for (const char* name : {"majority", "tree", "linear"}) {
      auto model = learners::FindLearner(name)->Fit(d, rows, {.seed = 1, .threads = 1});
      if (!model) continue;  // e.g. one class in the subsample: refused with a message
      const std::vector<double> p = (*model)->Predict(d, test);
      if (p.size() != test.size() * width) std::abort();
      for (const double v : p) {
        if (!std::isfinite(v)) std::abort();
      }
    }
  }
  return 0;
}
