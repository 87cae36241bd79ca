// P006: online deployment without a latency or cost constraint.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p006 {
namespace {

// Whether predictions are served while someone or something waits for them.
bool ServedLive(core::Deployment deployment) {
  switch (deployment) {
    case core::Deployment::kOnline:
    case core::Deployment::kEdge:
      return true;
    case core::Deployment::kBatch:
      return false;
  }
  return false;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Constraints& k = in.charter.constraints;
  if (!k.deployment.has() || !ServedLive(*k.deployment)) return;
  if (!k.latency_ms.absent() || !k.cost_per_1000.absent()) return;
  const std::string where =
      *k.deployment == core::Deployment::kEdge ? "on the edge (on devices)" : "online";
  Finding f;
  f.span = k.deployment.span;
  f.fields = {"constraints.deployment", "constraints.latency_ms", "constraints.cost_per_1000"};
  f.message = "the model is served " + where +
              " with no latency or cost budget: an accurate model that is too slow or too "
              "expensive per call cannot ship";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p006

RuleDef MakeP006() {
  return RuleDef{
      .meta =
          {
              .id = "P006",
              .factor = core::Factor::kProduction,
              .severity = Severity::kWarning,
              .title = "Online deployment without a latency or cost constraint",
              .rationale =
                  "A model that answers live must answer fast enough and cheaply enough. When "
                  "nobody sets those limits up front, the team tends to pick the largest, most "
                  "accurate model, and learns at launch that it is too slow for the product or "
                  "too expensive at real traffic.",
              .fix = "set `constraints.latency_ms` (for example the 95th-percentile response "
                     "time the product tolerates) and `constraints.cost_per_1000` predictions",
              .references =
                  {
                      {"Full Stack Deep Learning 2021, Lecture 5: ML Projects (requirements and "
                       "trade-offs such as accuracy versus latency)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Sculley et al. 2015, 'Hidden Technical Debt in Machine Learning Systems', "
                       "NeurIPS",
                       "https://papers.nips.cc/paper/"
                       "5656-hidden-technical-debt-in-machine-learning-systems"},
                  },
          },
      .check = p006::Check,
  };
}

}  // namespace foresight::rules
