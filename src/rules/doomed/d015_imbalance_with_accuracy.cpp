// D015: heavy class imbalance judged by accuracy.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d015 {
namespace {

constexpr double kMaxMinority = 0.1;

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const auto& fraction = c.data.minority_class_fraction;
  const auto& metric = c.success.metric;
  if (!fraction.has() || *fraction >= kMaxMinority) return;
  if (!metric.has() || !IsAccuracyMetric(*metric)) return;
  const bool binary = (c.task.type.has() && *c.task.type == core::TaskType::kBinary) ||
                      (c.task.classes.has() && *c.task.classes == 2);
  Finding f;
  f.span = metric.span;
  f.fields = {"success.metric", "data.minority_class_fraction"};
  f.related.push_back({fraction.span, "the minority class fraction is declared here"});
  // With more than two classes the majority class is not 1 - minority: only the cost of
  // ignoring the rare class is known.
  const std::string consequence =
      binary ? fmt::format("with {} positives, predicting the majority class scores {} accuracy",
                           FormatPercent(*fraction), FormatPercent(1.0 - *fraction))
             : fmt::format(
                   "with {} of examples in the smallest class, a model that never predicts it "
                   "loses at most {} of accuracy",
                   FormatPercent(*fraction), FormatPercent(*fraction));
  f.message = consequence +
              ": accuracy cannot tell a useful model from one that never finds the rare cases";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d015

RuleDef MakeD015() {
  return RuleDef{
      .meta =
          {
              .id = "D015",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kWarning,
              .title = "Accuracy as the metric for heavily imbalanced classes",
              .rationale =
                  "When the cases that matter are rare (fraud, failures, churn), a model that "
                  "never flags anything is right almost all the time. Judged by accuracy, the "
                  "project can report success while delivering nothing, or reject a model that "
                  "catches the rare cases at the price of a few false alarms.",
              .fix = "measure success with a metric that looks at the rare class, such as "
                     "recall at a fixed precision, precision-recall AUC or the cost of errors",
              .references =
                  {
                      {"He & Garcia 2009, 'Learning from Imbalanced Data', IEEE Transactions on "
                       "Knowledge and Data Engineering",
                       "https://doi.org/10.1109/TKDE.2008.239"},
                      {"Saito & Rehmsmeier 2015, 'The Precision-Recall Plot Is More Informative "
                       "than the ROC Plot When Evaluating Binary Classifiers on Imbalanced "
                       "Datasets', PLOS ONE",
                       "https://doi.org/10.1371/journal.pone.0118432"},
                  },
          },
      .check = d015::Check,
  };
}

}  // namespace foresight::rules
