// R004: target above declared human-level or published state of the art.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace r004 {
namespace {

std::string_view KindWords(core::BaselineKind kind) {
  switch (kind) {
    case core::BaselineKind::kHuman:
      return "human-level performance";
    case core::BaselineKind::kPublished:
      return "the published state of the art";
    case core::BaselineKind::kHeuristic:
    case core::BaselineKind::kSimpleMl:
      return "the best baseline";
  }
  return "the best baseline";
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Success& s = c.success;
  if (!s.threshold.has()) return;
  const std::optional<BestBaseline> best =
      FindBestBaseline(c, {core::BaselineKind::kHuman, core::BaselineKind::kPublished});
  if (!best) return;
  const double t = *s.threshold;
  const bool lower = LowerIsBetter(c);
  if (lower ? t >= best->value : t <= best->value) return;

  const core::Baseline& b = c.baselines[best->index];
  std::string what = std::string(KindWords(*b.kind)) + " (" + FormatValue(best->value);
  if (b.name.has()) what += ", " + *b.name;
  what += ")";
  const std::string index = std::to_string(best->index);
  Finding f;
  f.span = s.threshold.span;
  f.fields = {"success.threshold", "baselines[" + index + "].value",
              "baselines[" + index + "].kind"};
  // "Below" alone reads as "worse"; say why it is the better side.
  f.message = "the target " + FormatValue(t) +
              (lower ? " (lower is better) is below " : " is above ") + what +
              ": the project must beat the best anyone has done";
  f.related.push_back({b.value.span, std::string(KindWords(*b.kind)) + " is declared here"});
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace r004

RuleDef MakeR004() {
  return RuleDef{
      .meta =
          {
              .id = "R004",
              .factor = core::Factor::kResearch,
              .severity = Severity::kWarning,
              .title = "Target above human-level performance or the published state of the art",
              .rationale =
                  "The target asks the model to do better than the experts, or better than the "
                  "best published result. That is a research breakthrough, not a project "
                  "deliverable: it may take years, or never happen, and the schedule and budget "
                  "cannot assume it.",
              .fix = "set the target at or below the human-level or published result, or treat "
                     "the project as open-ended research with a smaller first milestone",
              .references =
                  {
                      {"Full Stack Deep Learning 2021, Lecture 5: ML Projects (assessing "
                       "feasibility; human and published baselines)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Ng, 'Machine Learning Yearning', chapters on comparing to human-level "
                       "performance",
                       ""},
                  },
          },
      .check = r004::Check,
  };
}

}  // namespace foresight::rules
