// D013: personal data without a legal basis for processing it (GDPR Article 6).
#include <algorithm>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d013 {
namespace {

constexpr std::string_view kBiometricHelp =
    "faces and other biometric data used to identify people are a special category (GDPR "
    "Art. 9): they also need an Art. 9(2) condition such as explicit consent";

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const bool biometric =
      !InputsOfKind(c, {core::InputKind::kFace, core::InputKind::kBiometric}).empty();
  bool any_personal = false;
  bool any_basis = false;
  bool personal_unknown = false;
  for (size_t i = 0; i < c.data.sources.size(); ++i) {
    const core::DataSource& s = c.data.sources[i];
    any_basis = any_basis || !s.legal_basis.absent();
    personal_unknown = personal_unknown || s.personal_data.placeholder();
    if (!s.personal_data.has() || !*s.personal_data) continue;
    any_personal = true;
    if (s.legal_basis.placeholder()) continue;
    const bool lacking = s.legal_basis.absent() || *s.legal_basis == core::LegalBasis::kNone ||
                         *s.legal_basis == core::LegalBasis::kUnknown;
    if (!lacking) continue;

    const std::string path = fmt::format("data.sources[{}]", i);
    Finding f;
    if (s.legal_basis.has()) {
      f.span = s.legal_basis.span;
      f.fields = {path + ".legal_basis", path + ".personal_data"};
      f.message = fmt::format(
          "data source {} holds personal data, but its legal basis is '{}': processing it "
          "needs one of the six bases of GDPR Article 6",
          doomed::SourceLabel(c, i), core::NameOf(*s.legal_basis));
    } else {
      f.span = s.personal_data.span;
      f.fields = {path + ".personal_data", path + ".legal_basis"};
      f.message = fmt::format(
          "data source {} holds personal data, but no legal basis is stated: processing it "
          "needs one of the six bases of GDPR Article 6",
          doomed::SourceLabel(c, i));
    }
    if (biometric) f.help.emplace_back(kBiometricHelp);
    out.push_back(std::move(f));
  }
  if (any_personal || any_basis || personal_unknown) return;
  // Sources still TODO (or a TODO source) may yet declare the personal data.
  if (UnderPlaceholder(c, "data.sources")) return;

  // The inputs say the model reads people's data, yet no source owns up to it.
  const std::vector<size_t> personal = InputsOfKind(
      c, {core::InputKind::kPersonalData, core::InputKind::kFace, core::InputKind::kBiometric});
  if (personal.empty()) return;
  const core::Input& first = c.inputs[personal.front()];
  Finding f;
  f.span = first.kind.span;
  f.fields = {fmt::format("inputs[{}].kind", personal.front()), "data.sources"};
  const std::string name =
      first.name.has() ? "'" + *first.name + "'" : fmt::format("#{}", personal.front() + 1);
  f.message = fmt::format(
      "input {} is {}, but no data source declares personal_data or a legal basis: processing "
      "personal data needs one of the six bases of GDPR Article 6",
      name, core::NameOf(*first.kind));
  if (biometric) f.help.emplace_back(kBiometricHelp);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d013

RuleDef MakeD013() {
  return RuleDef{
      .meta =
          {
              .id = "D013",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Personal data without a legal basis",
              .rationale =
                  "Using data about people is lawful in the EU only on one of six legal bases, "
                  "such as consent, a contract or a legitimate interest that has been weighed "
                  "against the people's rights. Without one, a regulator or a complaint can "
                  "force the data, and the models trained on it, to be deleted, and fines reach "
                  "4% of worldwide turnover.",
              .fix = "agree the legal basis for each source of personal data with your data "
                     "protection officer and record it in data.sources[].legal_basis",
              .references =
                  {
                      {"GDPR (Regulation (EU) 2016/679), Article 6: lawfulness of processing",
                       "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
                      {"GDPR, Article 9: processing of special categories of personal data",
                       "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
                  },
          },
      .check = d013::Check,
  };
}

}  // namespace foresight::rules
