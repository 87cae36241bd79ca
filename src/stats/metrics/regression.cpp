// Regression metrics: mean errors (mae, rmse, mape, pinball) and the coefficient of
// determination (r2).
#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/metrics/common.hpp"
#include "stats/metrics/families.hpp"

namespace foresight::stats::metrics {
namespace {

constexpr double kDefaultQuantile = 0.5;

// R^2 = 1 - sum c (y - yhat)^2 / sum c (y - mean)^2 in one pass: the denominator comes from
// sums of y shifted by the full data's mean (close to any resample's mean, so the
// subtraction loses little). A constant target (all counted targets equal, detected exactly
// rather than through a rounded denominator) gives 1 for perfect predictions and 0
// otherwise, as sklearn's r2_score(force_finite=True); fewer than 2 counted examples give
// NaN, as sklearn's (it warns "not well-defined with less than two samples").
class R2Kernel : public Kernel {
 public:
  R2Kernel(std::span<const double> target, std::span<const double> value)
      : target_(target.begin(), target.end()), value_(value.begin(), value.end()) {
    double sum = 0;
    for (double y : target) sum += y;
    shift_ = sum / static_cast<double>(target.size());
  }

  double Evaluate(const Resample& resample) const override {
    return WithCounts(resample, [this](auto count) {
      uint64_t total = 0;
      double residual = 0;
      double shifted = 0;
      double shifted2 = 0;
      double lo = std::numeric_limits<double>::infinity();
      double hi = -lo;
      for (size_t i = 0; i < target_.size(); ++i) {
        const uint32_t c = count(i);
        const auto w = static_cast<double>(c);
        const double y = target_[i];
        const double e = y - value_[i];
        const double s = y - shift_;
        total += c;
        residual += w * e * e;
        shifted += w * s;
        shifted2 += w * s * s;
        lo = c > 0 ? std::min(lo, y) : lo;
        hi = c > 0 ? std::max(hi, y) : hi;
      }
      if (total < 2) return kNaN;
      if (lo == hi) return residual == 0 ? 1.0 : 0.0;
      const double spread = shifted2 - shifted * shifted / static_cast<double>(total);
      return 1 - residual / spread;
    });
  }

 private:
  std::vector<double> target_;
  std::vector<double> value_;
  double shift_ = 0;
};

template <typename Loss>
Result<std::unique_ptr<Kernel>> PrepareMean(const MetricData& data, std::string_view name,
                                            Loss loss, bool take_sqrt = false) {
  if (auto ok = CheckRegression(data, name); !ok) return Fail(ok.error());
  std::vector<double> values(data.target.size());
  for (size_t i = 0; i < values.size(); ++i) values[i] = loss(data.target[i], data.value[i]);
  return MakeKernel<MeanKernel>(std::move(values), take_sqrt);
}

Result<std::unique_ptr<Kernel>> PrepareMae(const MetricData& data, const Params&) {
  return PrepareMean(data, "mae", [](double y, double v) { return std::fabs(v - y); });
}

Result<std::unique_ptr<Kernel>> PrepareRmse(const MetricData& data, const Params&) {
  return PrepareMean(
      data, "rmse", [](double y, double v) { return (y - v) * (y - v); }, true);
}

// sklearn divides by max(|y|, float64 eps), so a zero target gives a huge but finite error.
Result<std::unique_ptr<Kernel>> PrepareMape(const MetricData& data, const Params&) {
  return PrepareMean(data, "mape", [](double y, double v) {
    return std::fabs(v - y) / std::max(std::fabs(y), std::numeric_limits<double>::epsilon());
  });
}

Result<std::unique_ptr<Kernel>> PreparePinball(const MetricData& data, const Params& params) {
  const double q = ParamOr(params, "q", kDefaultQuantile);
  return PrepareMean(data, "pinball", [q](double y, double v) {
    const double diff = y - v;
    return diff >= 0 ? q * diff : -(1 - q) * diff;
  });
}

Result<std::unique_ptr<Kernel>> PrepareR2(const MetricData& data, const Params&) {
  if (auto ok = CheckRegression(data, "r2"); !ok) return Fail(ok.error());
  if (data.target.size() < 2) {
    return Fail(ErrorCode::kInvalidArgument, "r2 needs at least 2 examples");
  }
  return MakeKernel<R2Kernel>(data.target, data.value);
}

MetricDef Regression(std::string name, bool higher_is_better, std::string description,
                     std::string reference) {
  MetricDef def;
  def.name = std::move(name);
  def.family = "regression";
  def.tasks = {TaskKind::kRegression};
  def.higher_is_better = higher_is_better;
  // Errors are at least 0 and unbounded above; R^2 is at most 1 and unbounded below.
  if (higher_is_better) {
    def.min_value = -std::numeric_limits<double>::infinity();
  } else {
    def.max_value = std::numeric_limits<double>::infinity();
  }
  def.description = std::move(description);
  def.reference = std::move(reference);
  return def;
}

}  // namespace

void AddRegressionMetrics(std::vector<MetricDef>& defs) {
  MetricDef mae =
      Regression("mae", false, "Mean absolute error.", "sklearn.metrics.mean_absolute_error");
  mae.prepare = PrepareMae;
  defs.push_back(std::move(mae));

  MetricDef rmse = Regression("rmse", false, "Root mean squared error.",
                              "sklearn.metrics.mean_squared_error(squared=False)");
  rmse.prepare = PrepareRmse;
  defs.push_back(std::move(rmse));

  MetricDef r2 = Regression("r2", true,
                            "Coefficient of determination: share of the target's variance "
                            "explained (constant target: 1 if perfect, else 0).",
                            "sklearn.metrics.r2_score");
  r2.prepare = PrepareR2;
  defs.push_back(std::move(r2));

  MetricDef mape = Regression("mape", false,
                              "Mean absolute percentage error, as a fraction (zero targets "
                              "divide by machine epsilon).",
                              "sklearn.metrics.mean_absolute_percentage_error");
  mape.prepare = PrepareMape;
  defs.push_back(std::move(mape));

  MetricDef pinball = Regression("pinball", false,
                                 "Mean pinball (quantile) loss of a prediction of the q-th "
                                 "quantile.",
                                 "sklearn.metrics.mean_pinball_loss(alpha=q)");
  pinball.params = {{"q", kDefaultQuantile, 0, 1, false, "the quantile predicted"}};
  pinball.prepare = PreparePinball;
  defs.push_back(std::move(pinball));
}

}  // namespace foresight::stats::metrics
