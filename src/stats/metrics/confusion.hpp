// The confusion matrix of a classification evaluation set: a table, not a scalar metric.
#pragma once

#include <cstdint>
#include <vector>

#include "base/result.hpp"
#include "stats/metric.hpp"
#include "stats/resample.hpp"

namespace foresight::stats {

// Weighted counts by (true class, predicted class), row-major.
struct ConfusionCounts {
  size_t classes = 0;
  std::vector<uint64_t> counts;  // classes * classes
  uint64_t at(size_t true_class, size_t predicted) const {
    return counts[true_class * classes + predicted];
  }
};

// sklearn.metrics.confusion_matrix(y, y_pred, labels=range(classes)) with example i counted
// resample.Count(i) times. Multiclass: y_pred is the argmax of proba (ties to the lowest
// class). Binary: y_pred = score >= threshold, classes 0 and 1. Regression data and
// malformed inputs fail with kInvalidArgument.
Result<ConfusionCounts> ConfusionMatrix(const MetricData& data,
                                        const Resample& resample = Resample::All(),
                                        double threshold = 0.5);

}  // namespace foresight::stats
