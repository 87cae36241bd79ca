// The forecasting use case: `foresight forecast`, from a points file or from the runs of a
// method in the workspace.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/evaluate.hpp"
#include "base/result.hpp"
#include "base/source_file.hpp"
#include "core/forecast.hpp"
#include "diag/diagnostic.hpp"
#include "store/store.hpp"
#include "table/table.hpp"

namespace foresight::app {

struct ForecastSettings {
  std::optional<bool> higher_is_better;  // unset: from the metric, or inferred from the points
  std::vector<double> at;                // default: 2x and 10x the largest size
  std::optional<double> target;          // default (workspace): the charter's threshold
  double band = 0.8;
};

// Either a forecast, or the problems of the points file (diagnostics into `file`; exit 2).
struct ForecastOutcome {
  std::unique_ptr<SourceFile> file;
  std::vector<diag::Diagnostic> diagnostics;
  std::optional<core::Forecast> forecast;
};

// From a CSV or JSON Lines file with columns size, value and optionally stderr (several
// rows per size allowed). Fails (Result) for a missing file and for curves no forecast can
// come from (fewer than 3 sizes, ...), with a message saying why.
Result<ForecastOutcome> ForecastFromFile(const std::string& path, const ForecastSettings& settings);

// The same, from a file already read (the fuzz target's entry point).
Result<ForecastOutcome> ForecastFromSource(std::unique_ptr<SourceFile> file,
                                           table::TableFormat format,
                                           const ForecastSettings& settings);

// From a method's measured curve (the probe measures its learners once, then forecasts).
Result<core::Forecast> ForecastFromCurve(const MethodCurve& curve,
                                         const ForecastSettings& settings);

// From the runs of `method` in the workspace (see MeasureMethod).
Result<ForecastOutcome> ForecastFromMethod(store::Store& store, const std::string& method,
                                           const std::optional<std::string>& metric,
                                           const CurveRuns& runs, const ForecastSettings& settings,
                                           const EvidenceOptions& evidence,
                                           const std::optional<Criteria>& criteria);

}  // namespace foresight::app
