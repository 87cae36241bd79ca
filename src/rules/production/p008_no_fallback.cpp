// P008: no fallback or human in the loop for high-stakes errors.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p008 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Decision& d = c.decision;
  const bool high_stakes = d.stakes.has() && *d.stakes == core::Stakes::kHigh;
  const bool annex_iii = c.domain.area.has() && core::IsAnnexIiiArea(*c.domain.area);
  if (!high_stakes && !annex_iii) return;
  if (UnderPlaceholder(c, "decision")) return;
  // The model acts on its own: declared so, or by default when nobody said otherwise.
  if (d.mode.placeholder() || (d.mode.has() && *d.mode != core::DecisionMode::kAutomate)) return;
  if (!d.fallback.absent()) return;
  if (d.human_oversight.placeholder() || (d.human_oversight.has() && *d.human_oversight)) return;

  Finding f;
  f.span = d.mode.has() ? d.mode.span : SectionSpan(d.mark);
  std::string why;
  if (high_stakes) {
    f.fields.push_back("decision.stakes");
    f.related.push_back({d.stakes.span, "the stakes are declared high here"});
    why = "stakes: high";
  }
  if (annex_iii) {
    f.fields.push_back("domain.area");
    f.related.push_back({c.domain.area.span, "a high-risk area under the EU AI Act, Annex III"});
    why += std::string(why.empty() ? "" : "; ") +
           "high-risk area: " + std::string(core::NameOf(*c.domain.area));
  }
  f.fields.insert(f.fields.end(),
                  {"decision.mode", "decision.fallback", "decision.human_oversight"});
  f.message = std::string(d.mode.has() ? "the model decides alone"
                                       : "nothing says a person "
                                         "reviews the model's "
                                         "decisions") +
              " in a high-stakes setting (" + why +
              "), with no fallback and no human oversight: nobody catches its mistakes";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p008

RuleDef MakeP008() {
  return RuleDef{
      .meta =
          {
              .id = "P008",
              .factor = core::Factor::kProduction,
              .severity = Severity::kWarning,
              .title = "No fallback or human in the loop for high-stakes errors",
              .rationale =
                  "Every model is wrong some of the time. When its decisions matter for people's "
                  "health, money or rights and it acts alone, each error reaches a person with "
                  "nobody to catch it, and one visible failure can end the project. High-risk "
                  "systems must also allow effective human oversight under the EU AI Act.",
              .fix = "write under `decision.fallback` what happens when the model is wrong or "
                     "unsure (for example: low-confidence cases go to a reviewer), or set "
                     "`mode: assist` with `human_oversight: true`",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 14 (human oversight)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                      {"GDPR (Regulation (EU) 2016/679), Article 22 (automated individual "
                       "decision-making)",
                       "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
                  },
          },
      .check = p008::Check,
  };
}

}  // namespace foresight::rules
