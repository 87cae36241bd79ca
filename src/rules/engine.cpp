#include "rules/engine.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/doomed/people_answers.hpp"

namespace foresight::rules {

std::vector<diag::Diagnostic> RunRules(const Registry& registry, const RuleInput& input) {
  std::vector<diag::Diagnostic> out;
  for (const RuleDef& rule : registry.rules()) {
    std::vector<Finding> findings;
    rule.check(input, findings);
    for (Finding& f : findings) {
      diag::Diagnostic d;
      d.code = rule.meta.id;
      d.severity = rule.meta.severity;
      d.message = std::move(f.message);
      d.file = &input.file;
      d.span = f.span;
      d.fields = std::move(f.fields);
      d.words = std::move(f.words);
      d.help = std::move(f.help);
      d.help.push_back(rule.meta.fix);
      d.related = std::move(f.related);
      out.push_back(std::move(d));
    }
  }
  diag::SortByPosition(out);
  return out;
}

namespace {

std::string Why(core::Verdict verdict, const std::vector<const diag::Diagnostic*>& worst,
                size_t count) {
  switch (verdict) {
    case core::Verdict::kOk:
      return "No rule of this factor found a problem.";
    case core::Verdict::kAtRisk:
    case core::Verdict::kFailing: {
      // The lowest rule id leads: ids are numbered from the most fundamental problem down
      // (D001, a prohibited practice, before D007, missing safeguards).
      const diag::Diagnostic& first = **std::min_element(
          worst.begin(), worst.end(),
          [](const diag::Diagnostic* a, const diag::Diagnostic* b) { return a->code < b->code; });
      std::string more;
      if (count > 1) {
        more = fmt::format(" (and {} more finding{})", count - 1, count > 2 ? "s" : "");
      }
      return fmt::format("{}: {}{}.", first.code, first.message, more);
    }
  }
  return "";
}

}  // namespace

std::vector<core::FactorVerdict> ComputeVerdicts(const Registry& registry,
                                                 const std::vector<diag::Diagnostic>& diagnostics,
                                                 const core::Charter* charter) {
  std::vector<core::FactorVerdict> out;
  for (core::Factor factor : core::kAllFactors) {
    core::FactorVerdict v;
    v.factor = factor;
    std::vector<const diag::Diagnostic*> errors;
    std::vector<const diag::Diagnostic*> warnings;
    for (const diag::Diagnostic& d : diagnostics) {
      const RuleDef* rule = registry.Find(d.code);
      if (rule == nullptr || rule->meta.factor != factor) continue;
      switch (d.severity) {
        case Severity::kError:
          ++v.errors;
          errors.push_back(&d);
          break;
        case Severity::kWarning:
          ++v.warnings;
          warnings.push_back(&d);
          break;
        case Severity::kInfo:
          ++v.infos;
          break;
      }
    }
    const size_t total = errors.size() + warnings.size();
    if (!errors.empty()) {
      v.verdict = core::Verdict::kFailing;
      v.why = Why(v.verdict, errors, total);
    } else if (!warnings.empty()) {
      v.verdict = core::Verdict::kAtRisk;
      v.why = Why(v.verdict, warnings, total);
    } else {
      v.verdict = core::Verdict::kOk;
      v.why = Why(v.verdict, errors, 0);
    }
    if (charter != nullptr && factor == core::Factor::kDoomed) {
      v.why += " " + doomed::WhatWasScreened(*charter);
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace foresight::rules
