// D009: a fine-grained task with too few examples per class.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d009 {
namespace {

// Below this many examples in a class, fine-grained accuracy collapses (long-tail results
// on iNaturalist and similar benchmarks).
constexpr int64_t kMinPerClass = 50;

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  if (!doomed::IsFineGrained(c.task)) return;
  const std::string granularity(core::NameOf(*c.task.granularity));
  const std::string task = doomed::FineGrainedTaskPhrase(c.task);
  const auto& per_class = c.labels.examples_per_class;

  Finding f;
  if (per_class.has()) {
    if (*per_class >= kMinPerClass) return;
    f.span = per_class.span;
    f.fields = {"labels.examples_per_class", "task.granularity"};
    f.message = fmt::format(
        "{} with only {} labelled examples in its smallest class: fine-grained models "
        "need at least {} per class to tell similar classes apart",
        task, *per_class, kMinPerClass);
  } else {
    // Without the count, estimate it from the data: rows spread over the classes.
    if (!per_class.absent() || UnderPlaceholder(c, "labels.examples_per_class") ||
        !c.task.classes.has()) {
      return;
    }
    const std::optional<int64_t> rows = doomed::TotalRows(c);
    if (!rows) return;
    const double average = static_cast<double>(*rows) / static_cast<double>(*c.task.classes);
    if (average >= kMinPerClass) return;
    f.span = c.task.granularity.span;
    f.fields = {"task.granularity", "task.classes", doomed::RowsPath(c.data)};
    f.related.push_back({c.task.classes.span, fmt::format("{} classes", *c.task.classes)});
    f.message = fmt::format(
        "{} with {} classes and {} rows in all: about {} examples per class on average, "
        "and fewer in the rare classes; fine-grained models need at least {} per class",
        task, *c.task.classes, *rows, FormatValue(average), kMinPerClass);
  }
  f.related.push_back({c.task.granularity.span, "the task is declared " + granularity + " here"});
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d009

RuleDef MakeD009() {
  return RuleDef{
      .meta =
          {
              .id = "D009",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Too few examples per class for a fine-grained task",
              .rationale =
                  "Telling apart many similar things (species, product variants, individual "
                  "parts or people) needs many examples of each. With a few dozen per class, "
                  "models confuse the classes that matter, however long the team works on "
                  "them. The gap is closed by collecting and labelling data, which costs time "
                  "and money that the plan must include.",
              .fix = "collect and label at least 50 examples for every class before modelling, "
                     "or merge rare classes into coarser ones",
              .references =
                  {
                      {"Van Horn et al. 2018, 'The iNaturalist Species Classification and "
                       "Detection Dataset', CVPR",
                       "https://arxiv.org/abs/1707.06642"},
                      {"Liu et al. 2019, 'Large-Scale Long-Tailed Recognition in an Open World', "
                       "CVPR",
                       "https://arxiv.org/abs/1904.05160"},
                  },
          },
      .check = d009::Check,
  };
}

}  // namespace foresight::rules
