// D010: too little data for a coarse task: few examples per class, or few rows per feature.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d010 {
namespace {

constexpr int64_t kMinPerClass = 30;
constexpr double kMinRowsPerFeature = 10;

bool IsClassification(const core::Field<core::TaskType>& type) {
  if (!type.has()) return false;
  switch (*type) {
    case core::TaskType::kBinary:
    case core::TaskType::kMulticlass:
    case core::TaskType::kMultilabel:
      return true;
    case core::TaskType::kRegression:
    case core::TaskType::kRanking:
    case core::TaskType::kDetection:
    case core::TaskType::kSegmentation:
    case core::TaskType::kGeneration:
      return false;
  }
  return false;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // Fine-grained tasks have their own, higher bar (D009); an undecided granularity could
  // be either, so wait for it.
  if (doomed::IsFineGrained(c.task) || c.task.granularity.placeholder()) return;

  const auto& per_class = c.labels.examples_per_class;
  if (IsClassification(c.task.type) && per_class.has() && *per_class < kMinPerClass) {
    Finding f;
    f.span = per_class.span;
    f.fields = {"labels.examples_per_class", "task.type"};
    f.message = fmt::format(
        "the smallest class has only {} labelled examples: a {} classifier needs at least {} "
        "per class to learn it and to measure how well it does",
        *per_class, core::NameOf(*c.task.type), kMinPerClass);
    out.push_back(std::move(f));
  }

  const auto& features = c.data.features;
  const std::optional<int64_t> rows = doomed::TotalRows(c);
  if (features.has() && *features > 0 && rows) {
    const double ratio = static_cast<double>(*rows) / static_cast<double>(*features);
    if (ratio < kMinRowsPerFeature) {
      Finding f;
      f.span = doomed::RowsSpan(c.data);
      f.fields = {doomed::RowsPath(c.data), "data.features"};
      f.related.push_back({features.span, fmt::format("{} features declared here", *features)});
      f.message = fmt::format(
          "{} rows for {} features is {} rows per feature: with fewer than {}, a model fits "
          "noise in the features instead of the signal",
          *rows, *features, FormatValue(ratio), FormatValue(kMinRowsPerFeature));
      out.push_back(std::move(f));
    }
  }
}

}  // namespace
}  // namespace d010

RuleDef MakeD010() {
  return RuleDef{
      .meta =
          {
              .id = "D010",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kWarning,
              .title = "Too little data for the task",
              .rationale =
                  "A model learns from examples: with a few dozen examples of a class, or fewer "
                  "than ten rows for each input column, it memorises the training data and fails "
                  "on new cases, and the evaluation is too small to notice. More modelling work "
                  "does not fix this; more data does, and getting it takes time the plan must "
                  "include.",
              .fix = "collect more labelled data before modelling, or reduce the number of "
                     "features and classes to what the data can support",
              .references =
                  {
                      {"Peduzzi et al. 1996, 'A simulation study of the number of events per "
                       "variable in logistic regression analysis', Journal of Clinical "
                       "Epidemiology",
                       "https://doi.org/10.1016/S0895-4356(96)00236-3"},
                      {"Riley et al. 2020, 'Calculating the sample size required for developing "
                       "a clinical prediction model', BMJ",
                       "https://doi.org/10.1136/bmj.m441"},
                  },
          },
      .check = d010::Check,
  };
}

}  // namespace foresight::rules
