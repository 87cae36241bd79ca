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

namespace foresight::rules {
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
  // Normal-approximation (Wald) half-width of the binomial interval at the target itself:
  // the precision with which a model that just meets the target would be measured.
  const double half_width = z * std::sqrt(p * (1 - p) / static_cast<double>(n));
  if (half_width < margin) return;
  const double needed = std::ceil(z * z * p * (1 - p) / (margin * margin));

  const bool lower = LowerIsBetter(c);
  const bool better = lower ? p < b : p > b;
  const char* side = !better ? "away from" : (lower ? "below" : "above");
  const std::string level = FormatPercent(confidence);
  Finding f;
  f.span = s.evaluation.size.span;
  f.fields = {"success.evaluation.size", "success.threshold",
              "baselines[" + std::to_string(best->index) + "].value"};
  if (s.confidence.has()) f.fields.push_back("success.confidence");
  f.message = fmt::format(
      "the evaluation set of {} examples gives ±{} points at {} confidence, but the target {} "
      "is only {} points {} {} ({})",
      n, Points(half_width), level, FormatValue(p), Points(margin), side, which, FormatValue(b));
  f.help.push_back(
      fmt::format("about {:.0f} examples would resolve a {}-point margin at {} "
                  "confidence",
                  needed, Points(margin), level));
  f.related.push_back({s.threshold.span, "the target is declared here"});
  f.related.push_back({c.baselines[best->index].value.span, which + " is declared here"});
  out.push_back(std::move(f));
}

}  // namespace

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
                      {"Bouthillier et al. 2021, 'Accounting for Variance in Machine Learning "
                       "Benchmarks', MLSys",
                       "https://arxiv.org/abs/2103.03098"},
                  },
          },
      .check = Check,
  };
}

}  // namespace foresight::rules
