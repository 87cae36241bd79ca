// R005: the target implies a large relative cut in errors.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace r005 {
namespace {

// Halving the errors of the best existing solution is where targets stop being incremental.
constexpr double kLargeCut = 0.5;

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Success& s = c.success;
  if (!s.threshold.has()) return;
  // The leap is measured from the solution the project must beat: a human or published result
  // better than the target is a ceiling, not a solution the target improves on.
  const std::optional<BestBaseline> best = FindBaselineToBeat(c);
  if (!best) return;
  const std::optional<BestBaseline> overall = FindBestBaseline(c);
  const std::string which =
      overall && overall->index != best->index ? "the baseline it must beat" : "the best baseline";
  const double t = *s.threshold;
  const double b = best->value;
  const bool lower = LowerIsBetter(c);
  double cut = 0;
  std::string detail;
  if (lower) {
    // A loss or error: the value itself is what must shrink.
    if (b <= 0 || t < 0) return;
    cut = 1 - t / b;
    detail = fmt::format("from {} to {}", FormatValue(b), FormatValue(t));
  } else {
    // A score on a 0..1 scale: the errors are what is left to 1.
    if (t < 0 || t > 1 || b < 0 || b >= 1) return;
    cut = 1 - (1 - t) / (1 - b);
    detail = fmt::format("from {} errors to {}", FormatPercent(1 - b), FormatPercent(1 - t));
  }
  if (cut < kLargeCut) return;

  const std::string index = std::to_string(best->index);
  Finding f;
  f.span = s.threshold.span;
  f.fields = {"success.threshold", "baselines[" + index + "].value"};
  f.message = fmt::format(
      "the target {} cuts the errors of {} ({}) by {:.0f}%, {}: a large leap, not an increment",
      FormatValue(t), which, FormatValue(b), cut * 100, detail);
  f.related.push_back({c.baselines[best->index].value.span, which + " is declared here"});
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace r005

RuleDef MakeR005() {
  return RuleDef{
      .meta =
          {
              .id = "R005",
              .factor = core::Factor::kResearch,
              .severity = Severity::kWarning,
              .title = "The target implies a large relative error reduction",
              .rationale =
                  "Going from 70% to 90% accuracy sounds like 20 points, but it removes two "
                  "errors out of three. Each further cut in errors costs more data, more effort "
                  "and more time than the last, so targets like this are routinely missed or "
                  "reached only after the budget is gone.",
              .fix = "set an intermediate target (for example a quarter fewer errors than the "
                     "baseline) and plan the larger cut as a later, separately funded stage",
              .references =
                  {
                      {"Full Stack Deep Learning 2021, Lecture 5: ML Projects (feasibility: cost "
                       "grows steeply with the accuracy requirement)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                  },
          },
      .check = r005::Check,
  };
}

}  // namespace foresight::rules
