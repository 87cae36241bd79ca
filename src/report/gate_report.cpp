#include "report/gate_report.hpp"

#include <array>
#include <cmath>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/numbers.hpp"

namespace foresight::report {
namespace {

using core::GateCondition;
using core::GateConditionKind;
using core::GateReason;
using core::GateResult;
using core::GateStatus;
using Json = nlohmann::ordered_json;

constexpr std::array<GateConditionKind, 7> kKinds = {
    GateConditionKind::kCriterion,        GateConditionKind::kGuardrail,
    GateConditionKind::kProduction,       GateConditionKind::kCalibration,
    GateConditionKind::kInterpretability, GateConditionKind::kEvaluationSet,
    GateConditionKind::kCharter};

// The width of the text after a condition's name and status.
constexpr size_t kTextWidth = 72;

// A limit as the charter wrote it: 0.8, not 0.8000.
std::string Limit(double v) { return fmt::format("{}", v); }

std::string Confidence(double confidence) {
  return fmt::format("{}% confidence", Percent(confidence));
}

// "+0.0040" or "-0.0120": a difference, signed.
std::string Signed(double v) { return std::isfinite(v) ? fmt::format("{:+.4f}", v) : "n/a"; }

std::string Limits(const GateCondition& c) {
  if (c.min && c.max) return fmt::format("between {} and {}", Limit(*c.min), Limit(*c.max));
  if (c.min) return fmt::format("at least {}", Limit(*c.min));
  if (c.max) return fmt::format("at most {}", Limit(*c.max));
  return "within its limits";
}

// The side of the interval that must clear the limit, in words.
std::string BoundInWords(const core::GateMeasure& m, const GateCondition& c, double confidence) {
  if (c.min && !c.max) {
    return fmt::format("at least {} with {}", Number(m.lower), Confidence(confidence));
  }
  if (c.max && !c.min) {
    return fmt::format("at most {} with {}", Number(m.upper), Confidence(confidence));
  }
  return fmt::format("{} to {} with {}", Number(m.lower), Number(m.upper), Confidence(confidence));
}

std::string_view StatusWord(GateStatus status) {
  switch (status) {
    case GateStatus::kPass:
      return "pass";
    case GateStatus::kFail:
      return "FAIL";
    case GateStatus::kCannotTell:
      return "CANNOT TELL";
  }
  return "?";
}

std::string_view StatusIcon(GateStatus status) {
  switch (status) {
    case GateStatus::kPass:
      return "✅";
    case GateStatus::kFail:
      return "❌";
    case GateStatus::kCannotTell:
      return "❔";
  }
  return "";
}

// "criterion", "guardrail 2" (1-based, as people count), ...
std::string ConditionName(const GateCondition& c, const GateResult& result) {
  if (c.kind != GateConditionKind::kGuardrail) return std::string(core::GateConditionId(c.kind));
  size_t index = 0;
  for (const auto& other : result.conditions) {
    if (other.kind != GateConditionKind::kGuardrail) continue;
    ++index;
    if (&other == &c) break;
  }
  return fmt::format("guardrail {}", index);
}

std::string Headline(const GateResult& result) {
  if (result.Passed()) {
    return fmt::format("'{}' is ready for production on the charter's conditions",
                       result.candidate);
  }
  return fmt::format("'{}' is not ready for production", result.candidate);
}

std::string Tally(const GateResult& result) {
  const size_t fails = result.Count(GateStatus::kFail);
  const size_t open = result.Count(GateStatus::kCannotTell);
  std::string out = fmt::format("{} of {} passed", result.Count(GateStatus::kPass),
                                Plural(result.conditions.size(), "condition", "conditions"));
  if (fails > 0) out += fmt::format(", {} failed", fails);
  if (open > 0) {
    out += fmt::format(", {} cannot be decided yet ({})", open,
                       result.undecided == core::GateUndecided::kFail
                           ? "counted as failing; gate.undecided: pass lets them through"
                           : "let through: gate.undecided is pass");
  }
  return out;
}

Json MeasureJson(const core::GateMeasure& m) {
  Json j;
  j["run"] = m.run;
  j["slice"] = m.slice.empty() ? Json(nullptr) : Json(m.slice);
  j["estimate"] = JsonNumber(m.estimate);
  j["lower"] = JsonNumber(m.lower);
  j["upper"] = JsonNumber(m.upper);
  j["n"] = m.n;
  return j;
}

std::string_view ReasonId(GateReason reason) {
  switch (reason) {
    case GateReason::kMeasured:
      return "measured";
    case GateReason::kNotRequired:
      return "not_required";
    case GateReason::kNotDeclared:
      return "not_declared";
    case GateReason::kMetricNotForTask:
      return "metric_not_for_task";
    case GateReason::kSliceNotFound:
      return "slice_not_found";
    case GateReason::kTooFewExamples:
      return "too_few_examples";
    case GateReason::kOtherEvaluationSet:
      return "other_evaluation_set";
    case GateReason::kNoMethod:
      return "no_method";
    case GateReason::kMethodNotInPlan:
      return "method_not_in_plan";
    case GateReason::kNotMarked:
      return "not_marked";
    case GateReason::kMeasureFailed:
      return "measure_failed";
  }
  return "?";
}

}  // namespace

std::string GateRequirement(const GateCondition& c, double confidence) {
  switch (c.kind) {
    case GateConditionKind::kCriterion:
      if (c.metric.empty()) return "the success criterion";
      return fmt::format("{} {} with {} (the success criterion)", c.metric, Limits(c),
                         Confidence(confidence));
    case GateConditionKind::kGuardrail: {
      if (c.metric.empty()) return "a guardrail";
      const std::string where =
          c.slice.empty() ? "" : fmt::format(" for every value of '{}'", c.slice);
      return fmt::format("{} {}{}", c.metric, Limits(c), where);
    }
    case GateConditionKind::kProduction:
      return c.margin > 0
                 ? fmt::format("no worse than '{}' on {} by more than {}", c.production,
                               c.metric.empty() ? "the primary metric" : c.metric, Limit(c.margin))
                 : fmt::format("no worse than '{}' on {}", c.production,
                               c.metric.empty() ? "the primary metric" : c.metric);
    case GateConditionKind::kCalibration:
      return fmt::format("expected calibration error {}", Limits(c));
    case GateConditionKind::kInterpretability:
      return "an interpretable model, when the charter requires one";
    case GateConditionKind::kEvaluationSet:
      return "an evaluation set drawn the way production data arrives";
    case GateConditionKind::kCharter:
      return "a charter with no errors";
  }
  return "";
}

std::string GateEvidence(const GateCondition& c, const GateResult& result) {
  const double confidence = result.confidence;
  switch (c.reason) {
    case GateReason::kNotRequired:
      return "the charter does not require interpretability";
    case GateReason::kNotDeclared:
      return fmt::format("the charter does not declare {}", c.field);
    case GateReason::kMetricNotForTask:
      return fmt::format("foresight cannot measure '{}' on the evaluation set '{}'", c.metric,
                         result.evalset);
    case GateReason::kSliceNotFound:
      return fmt::format("the evaluation set '{}' has no slice column named '{}'", result.evalset,
                         c.slice);
    case GateReason::kTooFewExamples:
      return fmt::format("{} examples are too few to tell",
                         c.deciding ? c.deciding->n : static_cast<size_t>(0));
    case GateReason::kOtherEvaluationSet:
      return fmt::format(
          "'{}' was measured on '{}' and the candidate on '{}'; a paired comparison needs the "
          "same examples",
          c.production, c.detail, result.evalset);
    case GateReason::kNoMethod:
      return "the candidate run records no method, so nothing says whether it is interpretable";
    case GateReason::kMethodNotInPlan:
      return fmt::format("the candidate's method '{}' is not among the charter's plan.methods",
                         c.method);
    case GateReason::kNotMarked:
      return fmt::format("the plan's method '{}' does not say whether it is interpretable",
                         c.method);
    case GateReason::kMeasureFailed:
      return c.detail.empty() ? fmt::format("'{}' could not be measured", c.metric)
                              : fmt::format("'{}' could not be measured: {}", c.metric, c.detail);
    case GateReason::kMeasured:
      break;
  }
  switch (c.kind) {
    case GateConditionKind::kCriterion: {
      if (!c.deciding) return "";
      const auto& m = *c.deciding;
      return fmt::format("{}, {}; P(target met) {}%", Number(m.estimate),
                         BoundInWords(m, c, confidence), Percent(c.probability));
    }
    case GateConditionKind::kGuardrail:
    case GateConditionKind::kCalibration: {
      if (!c.deciding) return "";
      const auto& m = *c.deciding;
      const std::string where =
          m.slice.empty()
              ? ""
              : fmt::format("{}{}: ", c.measures.size() > 1 ? "worst value, " : "", m.slice);
      return fmt::format("{}{} ({} to {} with {}, {} examples)", where, Number(m.estimate),
                         Number(m.lower), Number(m.upper), Confidence(confidence), m.n);
    }
    case GateConditionKind::kProduction: {
      if (!c.deciding) return "";
      const auto& m = *c.deciding;
      if (Number(m.estimate) == Number(0) || Number(m.estimate) == Number(-0.0)) {
        return fmt::format("the candidate scores the same as '{}' ({} to {} with {})", c.production,
                           Signed(m.lower), Signed(m.upper), Confidence(confidence));
      }
      return fmt::format("the candidate is {} {} than '{}' ({} to {} with {}, positive is better)",
                         Number(std::fabs(m.estimate)), m.estimate >= 0 ? "better" : "worse",
                         c.production, Signed(m.lower), Signed(m.upper), Confidence(confidence));
    }
    case GateConditionKind::kInterpretability:
      return c.status == GateStatus::kPass
                 ? fmt::format("the plan marks the method '{}' interpretable", c.method)
                 : fmt::format("the plan marks the method '{}' not interpretable", c.method);
    case GateConditionKind::kEvaluationSet:
      return c.status == GateStatus::kPass
                 ? "the charter says the evaluation set is drawn like production"
                 : "the charter says the evaluation set is not drawn like production";
    case GateConditionKind::kCharter: {
      if (c.errors == 0) return "`foresight check` finds no errors";
      std::string codes;
      for (const auto& code : c.error_codes) codes += (codes.empty() ? "" : ", ") + code;
      return fmt::format("`foresight check` finds {} ({})", Plural(c.errors, "error", "errors"),
                         codes);
    }
  }
  return "";
}

std::string GateNextStep(const GateCondition& c, const GateResult& result) {
  if (c.status == GateStatus::kPass) return "";
  switch (c.reason) {
    case GateReason::kNotDeclared:
      return fmt::format("declare {} in the charter", c.field);
    case GateReason::kMetricNotForTask:
      return "name a metric foresight can measure for this task (`foresight eval --help` "
             "lists them), in the charter";
    case GateReason::kSliceNotFound:
      return "write the slice as the evaluation set names its column (`foresight evalsets` "
             "lists them), or add the column with `evalset add --slice`";
    case GateReason::kOtherEvaluationSet:
      return "evaluate the production model on the candidate's evaluation set and name that run "
             "in gate.production";
    case GateReason::kNoMethod:
      return "record the method with `run add --method` and say in plan.methods whether it is "
             "interpretable";
    case GateReason::kMethodNotInPlan:
      return "add the method to plan.methods with `interpretable: true` or `false`";
    case GateReason::kNotMarked:
      return "set `interpretable: true` or `false` on the method in plan.methods";
    case GateReason::kMeasureFailed:
      return "fix what stops the measurement, then run the gate again";
    case GateReason::kTooFewExamples:
      return "evaluate on more examples";
    case GateReason::kNotRequired:
    case GateReason::kMeasured:
      break;
  }
  const bool failed = c.status == GateStatus::kFail;
  switch (c.kind) {
    case GateConditionKind::kCriterion:
      return failed ? "the model does not reach the target: improve it, or revisit the target "
                      "with the business owner before shipping"
                    : "the interval straddles the target: more evaluation examples would "
                      "narrow it";
    case GateConditionKind::kGuardrail:
      return failed ? fmt::format(
                          "the model is outside the guardrail on {}: fix it there "
                          "before release",
                          c.deciding && !c.deciding->slice.empty() ? c.deciding->slice
                                                                   : "the whole set")
                    : "some values are too small to be sure: add evaluation examples of them";
    case GateConditionKind::kProduction:
      return failed ? "keep the production model: the candidate is worse"
                    : "this evaluation set cannot tell the two apart within the margin: add "
                      "examples, or agree a wider margin";
    case GateConditionKind::kCalibration:
      return failed ? "calibrate the scores (for example Platt scaling or isotonic regression) "
                      "and evaluate again"
                    : "add evaluation examples to narrow the interval";
    case GateConditionKind::kInterpretability:
      return "use an interpretable method, or agree with the business that a black box is "
             "acceptable and record it in constraints.interpretability";
    case GateConditionKind::kEvaluationSet:
      return "evaluate on a set sampled the way production data arrives, then set "
             "success.evaluation.drawn_like_production: true";
    case GateConditionKind::kCharter:
      return fmt::format("`foresight check {}` lists the errors and how to fix each",
                         result.charter_path);
  }
  return "";
}

std::string GateCheckExplained(GateConditionKind kind, double confidence) {
  const std::string conf = Confidence(confidence);
  switch (kind) {
    case GateConditionKind::kCriterion:
      return fmt::format(
          "Measures the charter's primary metric on the candidate's predictions and takes its "
          "one-sided bound at {} (the bootstrap's, or the score interval's when that is more "
          "cautious). Passes when the bound is on the right side of success.threshold, fails "
          "when even the other side's bound misses it, and otherwise cannot tell.",
          conf);
    case GateConditionKind::kGuardrail:
      return fmt::format(
          "Measures the guardrail's metric on the whole evaluation set, or on every value of its "
          "slice column. Passes when every value's interval at {} (one-sided) is within min and "
          "max, fails when any value's interval lies wholly outside, and otherwise cannot tell.",
          conf);
    case GateConditionKind::kProduction:
      return fmt::format(
          "Compares the candidate with the production run on the same examples (paired). Passes "
          "when the one-sided bound at {} of the difference is above minus gate.margin "
          "(non-inferiority), fails when the whole interval is below it, and otherwise cannot "
          "tell.",
          conf);
    case GateConditionKind::kCalibration:
      return fmt::format(
          "Measures the expected calibration error (ece) of the candidate's scores. Passes when "
          "its upper bound at {} (one-sided) is at most gate.max_calibration_error, fails when "
          "its lower bound is above it.",
          conf);
    case GateConditionKind::kInterpretability:
      return "When constraints.interpretability is required, passes only when the candidate's "
             "method is marked `interpretable: true` in plan.methods.";
    case GateConditionKind::kEvaluationSet:
      return "Reads success.evaluation.drawn_like_production: numbers measured on a set not "
             "drawn like production data do not promise production performance.";
    case GateConditionKind::kCharter:
      return "Runs every rule of `foresight check` on the charter; any error fails the gate.";
  }
  return "";
}

std::string RenderGateText(const GateResult& result, bool explain) {
  std::string out =
      fmt::format("foresight gate: {}: {}\n", result.Passed() ? "PASS" : "FAIL", Headline(result));
  out += fmt::format("candidate '{}'{} on '{}', judged against {} at {}\n\n", result.candidate,
                     result.candidate_chosen ? " (the newest run)" : "", result.evalset,
                     result.charter_path, Confidence(result.confidence));
  const size_t width = ColumnWidth(
      17, result.conditions, [&](const GateCondition& c) { return ConditionName(c, result); });
  const std::string indent(2 + 11 + 1 + width + 1, ' ');
  for (const auto& c : result.conditions) {
    out += fmt::format("  {:<11} {:<{}} {}\n", StatusWord(c.status), ConditionName(c, result),
                       width, GateRequirement(c, result.confidence));
    if (const std::string evidence = GateEvidence(c, result); !evidence.empty()) {
      out += Wrap(evidence, kTextWidth, indent);
    }
    if (const std::string next = GateNextStep(c, result); !next.empty()) {
      out += Wrap("next: " + next, kTextWidth, indent);
    }
    if (explain) {
      out += Wrap("checked: " + GateCheckExplained(c.kind, result.confidence), kTextWidth, indent);
    }
  }
  out += fmt::format("\n{}.\n", Tally(result));
  return out;
}

std::string RenderGateJson(const GateResult& result) {
  Json j;
  j["version"] = 1;
  j["passed"] = result.Passed();
  j["candidate"] = result.candidate;
  j["candidate_chosen"] = result.candidate_chosen;
  j["evaluation_set"] = result.evalset;
  j["method"] = result.method.empty() ? Json(nullptr) : Json(result.method);
  j["charter"] = result.charter_path;
  j["confidence"] = result.confidence;
  j["undecided"] = std::string(core::NameOf(result.undecided));
  j["counts"] = {{"pass", result.Count(GateStatus::kPass)},
                 {"fail", result.Count(GateStatus::kFail)},
                 {"cannot_tell", result.Count(GateStatus::kCannotTell)}};
  Json conditions = Json::array();
  for (const auto& c : result.conditions) {
    Json x;
    x["id"] = std::string(core::GateConditionId(c.kind));
    x["name"] = ConditionName(c, result);
    x["status"] = std::string(core::GateStatusName(c.status));
    x["blocks"] = result.Blocks(c.status);
    x["reason"] = std::string(ReasonId(c.reason));
    x["field"] = c.field.empty() ? Json(nullptr) : Json(c.field);
    if (result.charter && c.span.end > c.span.begin) {
      const Location at = result.charter->LocationOf(c.span.begin);
      x["line"] = at.line;
      x["column"] = at.column;
    }
    x["metric"] = c.metric.empty() ? Json(nullptr) : Json(c.metric);
    x["min"] = c.min ? JsonNumber(*c.min) : Json(nullptr);
    x["max"] = c.max ? JsonNumber(*c.max) : Json(nullptr);
    if (c.kind == GateConditionKind::kCriterion) x["probability"] = JsonNumber(c.probability);
    if (c.kind == GateConditionKind::kGuardrail) {
      x["slice"] = c.slice.empty() ? Json(nullptr) : Json(c.slice);
    }
    if (c.kind == GateConditionKind::kProduction) {
      x["production"] = c.production;
      x["margin"] = c.margin;
    }
    if (c.kind == GateConditionKind::kInterpretability) {
      x["method"] = c.method.empty() ? Json(nullptr) : Json(c.method);
    }
    if (c.kind == GateConditionKind::kCharter) {
      x["errors"] = c.errors;
      x["error_codes"] = c.error_codes;
    }
    x["deciding"] = c.deciding ? MeasureJson(*c.deciding) : Json(nullptr);
    Json measures = Json::array();
    for (const auto& m : c.measures) measures.push_back(MeasureJson(m));
    x["measures"] = std::move(measures);
    x["requirement"] = GateRequirement(c, result.confidence);
    x["evidence"] = GateEvidence(c, result);
    const std::string next = GateNextStep(c, result);
    x["next"] = next.empty() ? Json(nullptr) : Json(next);
    conditions.push_back(std::move(x));
  }
  j["conditions"] = std::move(conditions);
  return j.dump(2) + "\n";
}

std::string RenderGateMarkdown(const GateResult& result) {
  std::string md = fmt::format("## {} foresight gate: {}\n\n", result.Passed() ? "✅" : "❌",
                               EscapeMarkdownCell(Headline(result)));
  md += fmt::format("Candidate `{}`{} on `{}`, at {}. {}.\n\n", result.candidate,
                    result.candidate_chosen ? " (the newest run)" : "", result.evalset,
                    Confidence(result.confidence), Tally(result));
  md += "| Condition | Result | Requirement | Evidence |\n|---|---|---|---|\n";
  for (const auto& c : result.conditions) {
    md += fmt::format("| {} | {} {} | {} | {} |\n", ConditionName(c, result), StatusIcon(c.status),
                      core::GateStatusName(c.status),
                      EscapeMarkdownCell(GateRequirement(c, result.confidence)),
                      EscapeMarkdownCell(GateEvidence(c, result)));
  }
  std::string next;
  for (const auto& c : result.conditions) {
    if (const std::string step = GateNextStep(c, result); !step.empty()) {
      next += fmt::format("- **{}**: {}\n", ConditionName(c, result), step);
    }
  }
  if (!next.empty()) md += "\n**Next steps**\n\n" + next;
  return md;
}

std::string RenderGateJunit(const GateResult& result) {
  const size_t tests = result.conditions.size();
  size_t failures = 0;
  size_t skipped = 0;
  for (const auto& c : result.conditions) {
    if (result.Blocks(c.status)) {
      ++failures;
    } else if (c.status == GateStatus::kCannotTell) {
      ++skipped;
    }
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += fmt::format(R"(<testsuites name="foresight gate" tests="{}" failures="{}" errors="0" )"
                     "skipped=\"{}\">\n",
                     tests, failures, skipped);
  xml += fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
      EscapeMarkup(fmt::format("foresight gate: {}", result.candidate)), tests, failures, skipped);
  for (const auto& c : result.conditions) {
    const std::string name =
        fmt::format("{}: {}", ConditionName(c, result), GateRequirement(c, result.confidence));
    xml += fmt::format(R"(    <testcase classname="foresight.gate.{}" name="{}")",
                       core::GateConditionId(c.kind), EscapeMarkup(name));
    const std::string evidence = GateEvidence(c, result);
    const std::string next = GateNextStep(c, result);
    const std::string body = next.empty() ? evidence : fmt::format("{}\nnext: {}", evidence, next);
    if (result.Blocks(c.status)) {
      xml +=
          fmt::format(">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                      core::GateStatusName(c.status), EscapeMarkup(evidence), EscapeMarkup(body));
      xml += "    </testcase>\n";
    } else if (c.status == GateStatus::kCannotTell) {
      xml += fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                         EscapeMarkup(fmt::format("cannot tell: {}", evidence)));
    } else if (!evidence.empty()) {
      xml += fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n",
                         EscapeMarkup(evidence));
    } else {
      xml += "/>\n";
    }
  }
  xml += "  </testsuite>\n</testsuites>\n";
  return xml;
}

std::string RenderGateSarif(const GateResult& result, const std::string& tool_version) {
  Json rules = Json::array();
  for (const auto kind : kKinds) {
    const std::string id(core::GateConditionId(kind));
    const std::string explained = GateCheckExplained(kind, result.confidence);
    rules.push_back({{"id", fmt::format("gate/{}", id)},
                     {"name", id},
                     {"shortDescription", {{"text", fmt::format("Readiness gate: {}", id)}}},
                     {"fullDescription", {{"text", explained}}},
                     {"help", {{"text", explained}}},
                     {"defaultConfiguration", {{"level", "error"}}}});
  }
  Json results = Json::array();
  for (const auto& c : result.conditions) {
    size_t index = 0;
    while (kKinds[index] != c.kind) ++index;
    Json r;
    r["ruleId"] = fmt::format("gate/{}", core::GateConditionId(c.kind));
    r["ruleIndex"] = index;
    const bool blocks = result.Blocks(c.status);
    if (c.status == GateStatus::kPass) {
      r["kind"] = "pass";
      r["level"] = "none";
    } else if (blocks) {
      r["kind"] = "fail";
      r["level"] = c.status == GateStatus::kFail ? "error" : "warning";
    } else {
      r["kind"] = "review";
      r["level"] = "none";
    }
    std::string text =
        fmt::format("{} ({}): {}", ConditionName(c, result), core::GateStatusName(c.status),
                    GateRequirement(c, result.confidence));
    if (const std::string e = GateEvidence(c, result); !e.empty()) text += "\n" + e;
    if (const std::string n = GateNextStep(c, result); !n.empty()) text += "\nnext: " + n;
    r["message"] = {{"text", text}};
    Json physical = {{"artifactLocation", {{"uri", PathToUri(result.charter_path)}, {"index", 0}}}};
    if (result.charter && c.span.end > c.span.begin) {
      const Location start = result.charter->LocationOf(c.span.begin);
      Location end = result.charter->LocationOf(c.span.end);
      if (end.line < start.line || (end.line == start.line && end.column <= start.column)) {
        end = Location{start.line, start.column + 1};
      }
      physical["region"] = {{"startLine", start.line},
                            {"startColumn", start.column},
                            {"endLine", end.line},
                            {"endColumn", end.column}};
    }
    r["locations"] = Json::array({{{"physicalLocation", std::move(physical)}}});
    r["properties"] = {{"status", std::string(core::GateStatusName(c.status))},
                       {"candidate", result.candidate}};
    results.push_back(std::move(r));
  }
  return SarifLog(std::move(rules), std::move(results), result.charter_path, tool_version);
}

}  // namespace foresight::report
