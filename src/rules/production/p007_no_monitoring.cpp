// P007: no monitoring plan.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p007 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Monitoring& m = c.monitoring;
  if (UnderPlaceholder(c, "monitoring")) return;
  Finding f;
  f.span = SectionSpan(m.mark);
  if (!m.mark.present) {
    f.fields = {"monitoring"};
    f.message =
        "the charter has no monitoring section: once deployed, nobody will notice when "
        "the model's quality decays";
    out.push_back(std::move(f));
    return;
  }
  if (!m.metrics.empty() || UnderPlaceholder(c, "monitoring.metrics")) return;
  if (m.drift.placeholder() || (m.drift.has() && *m.drift)) return;
  f.fields = {"monitoring.metrics", "monitoring.drift"};
  f.message = std::string("monitoring lists no metrics to watch and ") +
              (m.drift.has() ? "turns drift checks off" : "no drift check") +
              ": once deployed, nobody will notice when the model's quality decays";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p007

RuleDef MakeP007() {
  return RuleDef{
      .meta =
          {
              .id = "P007",
              .factor = core::Factor::kProduction,
              .severity = Severity::kWarning,
              .title = "No monitoring plan",
              .rationale =
                  "A model does not fail loudly: as customers, products and data change, its "
                  "predictions quietly get worse while every system stays green. Without "
                  "monitoring of its inputs and its quality, the business finds out months "
                  "later, from the damage.",
              .fix = "add a `monitoring` section with the metrics to watch in production, "
                     "`drift: true`, an owner and what triggers retraining",
              .references =
                  {
                      {"Sculley et al. 2015, 'Hidden Technical Debt in Machine Learning Systems', "
                       "NeurIPS",
                       "https://papers.nips.cc/paper/"
                       "5656-hidden-technical-debt-in-machine-learning-systems"},
                      {"Breck et al. 2017, 'The ML Test Score: A Rubric for ML Production "
                       "Readiness and Technical Debt Reduction', IEEE Big Data (monitoring tests)",
                       "https://static.googleusercontent.com/media/research.google.com/en/pubs/"
                       "archive/aad9f93b86b7addfea4c419b9100c6cdd26cacea.pdf"},
                  },
          },
      .check = p007::Check,
  };
}

}  // namespace foresight::rules
