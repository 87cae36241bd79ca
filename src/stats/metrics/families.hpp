// The built-in metric families; builtin_metrics.cpp gathers them into the registry.
#pragma once

#include <vector>

#include "stats/metric.hpp"

namespace foresight::stats::metrics {

// roc_auc, average_precision, log_loss, brier, ece: binary labels against a score.
void AddBinaryScoreMetrics(std::vector<MetricDef>& defs);
// accuracy, precision, recall, f1, fbeta, mcc, balanced_accuracy at `score >= threshold`,
// and the ranking cut-offs recall_at_precision and precision_at_k.
void AddBinaryThresholdMetrics(std::vector<MetricDef>& defs);
// accuracy, top_k_accuracy, f1_macro/micro/weighted, log_loss, cohen_kappa on n x k proba.
void AddMulticlassMetrics(std::vector<MetricDef>& defs);
// mae, rmse, r2, mape, pinball.
void AddRegressionMetrics(std::vector<MetricDef>& defs);

}  // namespace foresight::stats::metrics
