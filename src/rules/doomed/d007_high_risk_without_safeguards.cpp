// D007: a high-risk (Annex III) use without human oversight, interpretability or bias checks.
#include <fmt/format.h>

#include "base/strings.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d007 {
namespace {

// Whether a safeguard is shown, not yet known (a placeholder stands where it would be
// declared), or missing.
enum class Shown { kYes, kUnknown, kNo };

// A section written as TODO leaves its fields absent: that is "not known yet", not "no".
Shown Oversight(const core::Charter& c) {
  const core::Decision& d = c.decision;
  if ((d.human_oversight.has() && *d.human_oversight) ||
      (d.mode.has() && *d.mode == core::DecisionMode::kAssist)) {
    return Shown::kYes;
  }
  if (d.human_oversight.placeholder() || d.mode.placeholder() || UnderPlaceholder(c, "decision")) {
    return Shown::kUnknown;
  }
  return Shown::kNo;
}

Shown Interpretability(const core::Charter& c) {
  const auto& want = c.constraints.interpretability;
  if (want.has() && *want != core::Interpretability::kNone) return Shown::kYes;
  bool unknown = want.placeholder() || UnderPlaceholder(c, "constraints") ||
                 UnderPlaceholder(c, "plan.methods");
  for (const core::Method& m : c.plan.methods) {
    if (m.interpretable.has() && *m.interpretable) return Shown::kYes;
    unknown = unknown || m.interpretable.placeholder();
  }
  return unknown ? Shown::kUnknown : Shown::kNo;
}

Shown BiasEvaluation(const core::Charter& c) {
  const auto& declared = c.governance.bias_evaluation;
  if (declared.has() && *declared) return Shown::kYes;
  bool unknown = declared.placeholder() || UnderPlaceholder(c, "governance") ||
                 UnderPlaceholder(c, "success.guardrails");
  for (const core::Guardrail& g : c.success.guardrails) {
    if (g.slice.has()) return Shown::kYes;
    unknown = unknown || g.slice.placeholder();
  }
  return unknown ? Shown::kUnknown : Shown::kNo;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The declared area, else an Annex III setting answered in the people section.
  const bool area = c.domain.area.has() && core::IsAnnexIiiArea(*c.domain.area);
  const core::Field<core::PersonSetting>* setting = nullptr;
  for (const auto& s : c.people.settings) {
    if (setting == nullptr && s.has() && core::IsAnnexIiiSetting(*s)) setting = &s;
  }
  // Identifying people remotely by their biometric data is Annex III, point 1(a), wherever.
  const auto& remote = c.people.remote_identification;
  const bool identifies = remote.has() && *remote != core::RemoteIdentification::kNone;
  if (!area && setting == nullptr && !identifies) return;

  Finding f;
  std::string_view where;
  if (area) {
    f.span = c.domain.area.span;
    f.fields.push_back("domain.area");
    where = core::NameOf(*c.domain.area);
  } else if (setting != nullptr) {
    f.span = setting->span;
    f.fields.push_back("people.settings");
    where = core::NameOf(**setting);
  } else {
    f.span = remote.span;
    f.fields.push_back("people.remote_identification");
    where = "remote biometric identification";
  }
  std::vector<std::string> missing;
  if (Oversight(c) == Shown::kNo) {
    missing.push_back("human oversight");
    f.fields.insert(f.fields.end(), {"decision.human_oversight", "decision.mode"});
    f.help.push_back(
        "human oversight (Art. 14): set decision.mode: assist, or decision.human_oversight: "
        "true with the person who can override the model");
    if (c.decision.human_oversight.has()) {
      f.related.push_back({c.decision.human_oversight.span, "human oversight is declared off"});
    } else if (c.decision.mode.has()) {
      f.related.push_back({c.decision.mode.span, "decisions are automated"});
    }
  }
  if (Interpretability(c) == Shown::kNo) {
    missing.push_back("interpretability");
    f.fields.insert(f.fields.end(),
                    {"constraints.interpretability", "plan.methods[].interpretable"});
    f.help.push_back(
        "interpretability (Art. 13): set constraints.interpretability: required or preferred, "
        "or plan a method with interpretable: true");
    if (c.constraints.interpretability.has()) {
      f.related.push_back({c.constraints.interpretability.span,
                           "interpretability is declared "
                           "not needed"});
    }
  }
  if (BiasEvaluation(c) == Shown::kNo) {
    missing.push_back("bias evaluation");
    f.fields.insert(f.fields.end(), {"governance.bias_evaluation", "success.guardrails[].slice"});
    f.help.push_back(
        "bias evaluation (Art. 10): set governance.bias_evaluation: true, or add a guardrail "
        "measured on a slice (a group of people)");
    if (c.governance.bias_evaluation.has()) {
      f.related.push_back({c.governance.bias_evaluation.span, "bias evaluation is declared off"});
    }
  }
  if (missing.empty()) return;
  f.message = fmt::format(
      "'{}' is a high-risk area under the EU AI Act (Annex III), but the charter shows no {}",
      where, Join(missing, ", no "));
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d007

RuleDef MakeD007() {
  return RuleDef{
      .meta =
          {
              .id = "D007",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "High-risk use without human oversight, interpretability or bias checks",
              .rationale =
                  "Models that decide about jobs, education, credit, insurance, public services, "
                  "migration, justice or policing are high-risk under the EU AI Act. From August "
                  "2026 they may only be used with human oversight, with outputs people can "
                  "understand, and with data checked for bias. Adding these safeguards after "
                  "the model is built usually means rebuilding it.",
              .fix = "design the safeguards in from the start: a person who reviews and can "
                     "override decisions, a model whose outputs can be explained, and a plan "
                     "to compare performance across groups of people",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 6 and Annex III: "
                       "high-risk AI systems",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                      {"EU AI Act, Articles 10 (data and data governance), 13 (transparency) "
                       "and 14 (human oversight)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = d007::Check,
  };
}

}  // namespace foresight::rules
