// The built-in metrics, one list: each family adds its definitions (src/stats/metrics/).
#include "stats/metric.hpp"
#include "stats/metrics/families.hpp"

namespace foresight::stats {

const MetricRegistry& BuiltinMetrics() {
  static const MetricRegistry registry = [] {
    std::vector<MetricDef> defs;
    metrics::AddBinaryScoreMetrics(defs);
    metrics::AddBinaryThresholdMetrics(defs);
    metrics::AddMulticlassMetrics(defs);
    metrics::AddRegressionMetrics(defs);
    return MetricRegistry(std::move(defs));
  }();
  return registry;
}

}  // namespace foresight::stats
