// R002: evaluation set too small to resolve the margin over the baseline.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"
#include "stats/distributions.hpp"
#include "stats/score_interval.hpp"

namespace foresight::rules {
namespace r002 {
namespace {

constexpr double kDefaultConfidence = 0.95;
// A target equal to the baseline has no margin to resolve; that is another rule's concern.
constexpr double kNoMargin = 1e-12;

// A difference of proportions in percentage points: 0.0261 -> "2.6".
std::string Points(double fraction) {
  const double points = fraction * 100;
  return points >= 0.1 ? fmt::format("{:.1f}", points) : fmt::format("{:.2g}", points);
}

// Whether the metric is not a share of examples: losses, errors and fit statistics (an RMSE
// of 0.3, an R² of 0.8, an MCC of 0.5) have no binomial interval. The metric registry knows
// each metric foresight computes: a share lies in [0, 1] and is higher-is-better. Of the
// others, common loss names are not shares (an error rate is: one minus accuracy).
bool IsNotAProportion(const core::Charter& c) {
  if (c.task.type.has() && *c.task.type == core::TaskType::kRegression) return true;
  if (!c.success.metric.has()) return false;
  if (const stats::MetricDef* def = KnownMetric(c, *c.success.metric)) {
    return !def->higher_is_better || !def->InUnitInterval();
  }
  static constexpr std::array<std::string_view, 4> kLosses = {"logloss", "mse", "rmsle",
                                                              "perplexity"};
  const std::string name = ToLowerAscii(*c.success.metric);
  const std::string base = name.substr(0, name.find('{'));
  return std::find(kLosses.begin(), kLosses.end(), base) != kLosses.end();
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Success& s = c.success;
  if (s.evaluation.positives.has() && s.evaluation.size.has() &&
      *s.evaluation.positives >= *s.evaluation.size) {
    Finding f;
    f.span = s.evaluation.positives.span;
    f.fields = {"success.evaluation.positives", "success.evaluation.size"};
    f.message = fmt::format(
        "success.evaluation.positives ({}) must be fewer than the evaluation set's {} examples",
        *s.evaluation.positives, *s.evaluation.size);
    f.help.push_back("give the number of positive examples in the evaluation set");
    f.related.push_back({s.evaluation.size.span, "the evaluation set's size is declared here"});
    out.push_back(std::move(f));
  }
  if (!s.threshold.has() || !s.evaluation.size.has() || s.confidence.placeholder()) return;
  const double p = *s.threshold;
  // Only metrics on a 0..1 scale behave like a proportion of examples.
  if (!(p > 0 && p < 1) || IsNotAProportion(c)) return;
  // The margin that matters is over the solution the project must beat; a human or published
  // result better than the target is a ceiling, not that solution.
  const std::optional<BestBaseline> overall = FindBestBaseline(c);
  std::optional<BestBaseline> best = FindBaselineToBeat(c);
  if (!best) best = overall;
  if (!best || best->value < 0 || best->value > 1) return;
  const std::string which =
      overall && overall->index != best->index ? "the baseline it must beat" : "the best baseline";
  const double b = best->value;
  const double margin = std::fabs(p - b);
  if (margin <= kNoMargin) return;

  const double confidence = s.confidence.value_or(kDefaultConfidence);
  const double z = stats::NormalQuantile(0.5 + confidence / 2);  // two-sided: 0.95 -> 1.96
  const int64_t n = *s.evaluation.size;
  // The metric's own sampling model, from the registry: ROC AUC's uncertainty comes from the
  // counts of each class (Hanley and McNeil's variance), not from all n as a proportion's.
  const stats::MetricDef* def = s.metric.has() ? KnownMetric(c, *s.metric) : nullptr;
  const bool auc = def != nullptr && def->score_model == stats::ScoreModel::Kind::kAuc;
  const bool positives_declared = s.evaluation.positives.has() && *s.evaluation.positives < n;
  // The positive share; half when not declared, the most favourable split (any other split
  // gives a wider interval), so a finding without it holds whatever the split.
  const double share = positives_declared
                           ? static_cast<double>(*s.evaluation.positives) / static_cast<double>(n)
                           : 0.5;
  // The half-width of the interval with which a model that just meets the target would be
  // measured on `size` examples: the normal approximation at the target itself.
  const auto half_width_at = [&](double size) {
    if (!auc) return z * std::sqrt(p * (1 - p) / size);
    const stats::ScoreModel model{stats::ScoreModel::Kind::kAuc, 0, size * share,
                                  size * (1 - share)};
    return z * std::sqrt(stats::ScoreVariance(model, p));
  };
  const double half_width = half_width_at(static_cast<double>(n));
  if (half_width < margin) return;
  // The smallest size whose half-width is below the margin (the half-width falls as the size
  // grows): doubling, then halving the bracket.
  auto needed = static_cast<double>(n);
  while (half_width_at(needed) >= margin && needed < 1e15) needed *= 2;
  double below = needed / 2;
  while (needed - below > 1) {
    const double mid = std::floor((below + needed) / 2);
    (half_width_at(mid) >= margin ? below : needed) = mid;
  }

  const bool lower = LowerIsBetter(c);
  const bool better = lower ? p < b : p > b;
  const char* side = !better ? "away from" : (lower ? "below" : "above");
  const std::string level = FormatPercent(confidence);
  Finding f;
  f.span = s.evaluation.size.span;
  f.fields = {"success.evaluation.size", "success.threshold",
              "baselines[" + std::to_string(best->index) + "].value"};
  if (s.confidence.has()) f.fields.push_back("success.confidence");
  if (auc && positives_declared) f.fields.push_back("success.evaluation.positives");
  f.message = fmt::format(
      "the evaluation set of {} examples gives ±{} points at {} confidence, but the target {} "
      "is only {} points {} {} ({})",
      n, Points(half_width), level, FormatValue(p), Points(margin), side, which, FormatValue(b));
  f.help.push_back(
      fmt::format("about {:.0f} examples would resolve a {}-point margin at {} "
                  "confidence",
                  needed, Points(margin), level));
  if (auc) {
    f.help.push_back(
        positives_declared
            ? fmt::format("for {} the uncertainty comes from the examples of each class: {} "
                          "positive and {} negative (Hanley and McNeil's variance)",
                          *s.metric, *s.evaluation.positives, n - *s.evaluation.positives)
            : fmt::format("for {} the uncertainty comes from the examples of each class "
                          "(Hanley and McNeil's variance); this assumes half are positive, the "
                          "most favourable split: declare success.evaluation.positives for the "
                          "exact figure",
                          *s.metric));
  }
  f.related.push_back({s.threshold.span, "the target is declared here"});
  f.related.push_back({c.baselines[best->index].value.span, which + " is declared here"});
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace r002

RuleDef MakeR002() {
  return RuleDef{
      .meta =
          {
              .id = "R002",
              .factor = core::Factor::kResearch,
              .severity = Severity::kError,
              .title = "Evaluation set too small to resolve the margin over the baseline",
              .rationale =
                  "A score measured on a few hundred examples is only known to within a few "
                  "points. When that uncertainty is as large as the improvement the project "
                  "promises over the existing solution, the evaluation cannot tell success from "
                  "luck: the go/no-go decision will rest on noise.",
              .fix = "enlarge the evaluation set to the size shown, or aim for a larger "
                     "improvement over the baseline",
              .references =
                  {
                      {"Agresti & Coull 1998, 'Approximate is better than \"exact\" for interval "
                       "estimation of binomial proportions', The American Statistician 52(2)",
                       "https://doi.org/10.1080/00031305.1998.10480550"},
                      {"Wilson 1927, 'Probable inference, the law of succession, and statistical "
                       "inference', Journal of the American Statistical Association 22(158)",
                       "https://doi.org/10.1080/01621459.1927.10502953"},
                      {"Hanley & McNeil 1982, 'The meaning and use of the area under a "
                       "receiver operating characteristic (ROC) curve', Radiology 143(1)",
                       "https://doi.org/10.1148/radiology.143.1.7063747"},
                      {"Bouthillier et al. 2021, 'Accounting for Variance in Machine Learning "
                       "Benchmarks', MLSys",
                       "https://arxiv.org/abs/2103.03098"},
                  },
          },
      .check = r002::Check,
  };
}

}  // namespace foresight::rules
