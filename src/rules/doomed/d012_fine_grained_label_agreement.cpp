// D012: a fine-grained task whose annotators' agreement is unknown or low.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d012 {
namespace {

// Below 0.6 (kappa), agreement is at best "moderate" (Landis & Koch): the labels of similar
// classes are then partly noise.
constexpr double kMinAgreement = 0.6;

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  if (!doomed::IsFineGrained(c.task)) return;
  const std::string granularity(core::NameOf(*c.task.granularity));
  const std::string task = doomed::FineGrainedTaskPhrase(c.task);
  const auto& agreement = c.labels.agreement;
  // A labels section written as TODO leaves the agreement absent but not answered.
  if (agreement.placeholder() || UnderPlaceholder(c, "labels.agreement")) return;

  Finding f;
  if (agreement.has()) {
    if (*agreement >= kMinAgreement) return;
    const std::string measure =
        c.labels.agreement_measure.has() ? " (" + *c.labels.agreement_measure + ")" : "";
    f.span = agreement.span;
    f.fields = {"labels.agreement", "task.granularity"};
    f.message = fmt::format(
        "annotators agree at {}{} on {}: below {}, the labels that separate similar "
        "classes are partly noise, and no model can be measured beyond them",
        FormatValue(*agreement), measure, task, FormatValue(kMinAgreement));
  } else {
    f.span = c.labels.mark.present ? c.labels.mark.span : c.task.granularity.span;
    f.fields = {"labels.agreement", "task.granularity"};
    f.message = fmt::format(
        "{} without a measured label agreement: if annotators cannot tell the classes "
        "apart consistently, neither can a model",
        task);
  }
  f.related.push_back({c.task.granularity.span, "the task is declared " + granularity + " here"});
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d012

RuleDef MakeD012() {
  return RuleDef{
      .meta =
          {
              .id = "D012",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kWarning,
              .title = "Fine-grained labels with unknown or low annotator agreement",
              .rationale =
                  "When the classes are close (species, defect types, diagnoses), experts often "
                  "disagree on the label. If two annotators agree only half the time, the model "
                  "is trained and graded on noise, and its measured accuracy means little. "
                  "Measuring agreement on a small sample first costs days; finding out later "
                  "costs the project.",
              .fix = "have two annotators label the same sample of a few hundred items, record "
                     "their agreement (for example Cohen's kappa) in labels.agreement, and "
                     "sharpen the labelling guide until it reaches 0.6",
              .references =
                  {
                      {"Landis & Koch 1977, 'The Measurement of Observer Agreement for "
                       "Categorical Data', Biometrics",
                       "https://doi.org/10.2307/2529310"},
                      {"Northcutt, Athalye & Mueller 2021, 'Pervasive Label Errors in Test Sets "
                       "Destabilize Machine Learning Benchmarks', NeurIPS Datasets and "
                       "Benchmarks",
                       "https://arxiv.org/abs/2103.14749"},
                  },
          },
      .check = d012::Check,
  };
}

}  // namespace foresight::rules
