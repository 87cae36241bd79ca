#include "stats/metrics/confusion.hpp"

#include <algorithm>

#include "stats/metrics/common.hpp"

namespace foresight::stats {

Result<ConfusionCounts> ConfusionMatrix(const MetricData& data, const Resample& resample,
                                        double threshold) {
  ConfusionCounts out;
  switch (data.task) {
    case TaskKind::kBinary:
      if (auto ok = metrics::CheckBinary(data, "confusion matrix"); !ok) return Fail(ok.error());
      out.classes = 2;
      break;
    case TaskKind::kMulticlass:
      if (auto ok = metrics::CheckMulticlass(data, "confusion matrix"); !ok) {
        return Fail(ok.error());
      }
      out.classes = data.classes;
      break;
    case TaskKind::kRegression:
      return Fail(ErrorCode::kInvalidArgument, "a confusion matrix needs classification data");
  }
  out.counts.assign(out.classes * out.classes, 0);
  for (size_t i = 0; i < data.label.size(); ++i) {
    size_t predicted = 0;
    if (data.task == TaskKind::kBinary) {
      predicted = data.score[i] >= threshold ? 1 : 0;
    } else {
      const auto row = data.proba.subspan(i * data.classes, data.classes);
      predicted = static_cast<size_t>(std::max_element(row.begin(), row.end()) - row.begin());
    }
    out.counts[static_cast<size_t>(data.label[i]) * out.classes + predicted] += resample.Count(i);
  }
  return out;
}

}  // namespace foresight::stats
