#include "report/check_report.hpp"
#include "report/numbers.hpp"

#include <array>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace foresight::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<ReadingProblem, 3> kReadingProblems = {{
    {"input", "The file is not a readable text file (binary, not UTF-8, or too large)"},
    {"syntax", "The file is not well-formed YAML, or exceeds a safety limit"},
    {"schema", "A value has the wrong type, an unknown key, or an invalid value"},
}};

const core::RuleMeta* FindRule(const CheckReport& report, const std::string& code) {
  for (const core::RuleMeta& rule : report.rules) {
    if (rule.id == code) return &rule;
  }
  return nullptr;
}

struct Counts {
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
};

Counts CountSeverities(const std::vector<diag::Diagnostic>& diagnostics) {
  Counts c;
  for (const diag::Diagnostic& d : diagnostics) {
    switch (d.severity) {
      case Severity::kError:
        ++c.errors;
        break;
      case Severity::kWarning:
        ++c.warnings;
        break;
      case Severity::kInfo:
        ++c.infos;
        break;
    }
  }
  return c;
}

std::string SummaryLine(const CheckReport& report) {
  const Counts c = CountSeverities(report.diagnostics);
  return fmt::format("{}, {}, {} in {}", Plural(c.errors, "error", "errors"),
                     Plural(c.warnings, "warning", "warnings"), Plural(c.infos, "note", "notes"),
                     report.path);
}

Location EndLocation(const diag::Diagnostic& d) {
  if (d.file == nullptr) return Location{};
  return d.file->LocationOf(std::max(d.span.end, d.span.begin));
}

std::string_view SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "note";
}

std::string RuleHelpMarkdown(const core::RuleMeta& rule) {
  std::string md =
      fmt::format("**{}**\n\n{}\n\n**How to fix:** {}\n", rule.title, rule.rationale, rule.fix);
  if (!rule.references.empty()) {
    md += "\n**References:**\n";
    for (const core::Reference& ref : rule.references) {
      md += ref.url.empty() ? fmt::format("- {}\n", ref.title)
                            : fmt::format("- [{}]({})\n", ref.title, ref.url);
    }
  }
  return md;
}

}  // namespace

std::span<const ReadingProblem> ReadingProblems() { return kReadingProblems; }

std::string RenderCheckText(const CheckReport& report, const diag::TextStyle& style) {
  std::string out;
  for (const diag::Diagnostic& d : report.diagnostics) {
    out += diag::RenderText(d, style);
    out += '\n';
  }
  if (!report.verdicts.empty()) {
    out +=
        style.color ? "\x1b[1mVerdict by failure factor\x1b[0m\n" : "Verdict by failure factor\n";
    for (const core::FactorVerdict& v : report.verdicts) {
      std::string verdict(core::VerdictName(v.verdict));
      if (style.color) {
        const std::string_view color = v.verdict == core::Verdict::kOk       ? "\x1b[1;32m"
                                       : v.verdict == core::Verdict::kAtRisk ? "\x1b[1;33m"
                                                                             : "\x1b[1;31m";
        verdict = fmt::format("{}{:<8}\x1b[0m", color, verdict);
      } else {
        verdict = fmt::format("{:<8}", verdict);
      }
      out += fmt::format("  {:<22} {} {}\n", core::FactorTitle(v.factor), verdict, v.why);
    }
    out += '\n';
  }
  out += SummaryLine(report) + '\n';
  return out;
}

std::string RenderCheckJson(const CheckReport& report) {
  Json diagnostics = Json::array();
  for (const diag::Diagnostic& d : report.diagnostics) {
    const core::RuleMeta* rule = FindRule(report, d.code);
    const Location start = d.file ? d.file->LocationOf(d.span.begin) : Location{};
    const Location end = EndLocation(d);
    Json j;
    j["rule"] = d.code;
    j["severity"] = SeverityName(d.severity);
    j["factor"] = rule ? Json(core::FactorName(rule->factor)) : Json(nullptr);
    j["message"] = d.message;
    j["file"] = report.path;
    j["line"] = start.line;
    j["column"] = start.column;
    j["end_line"] = end.line;
    j["end_column"] = end.column;
    j["fields"] = d.fields;
    j["words"] = d.words;
    j["fix"] = rule ? rule->fix : (d.help.empty() ? std::string() : d.help.back());
    j["help"] = d.help;
    diagnostics.push_back(std::move(j));
  }
  Json factors = Json::object();
  for (const core::FactorVerdict& v : report.verdicts) {
    factors[std::string(core::FactorName(v.factor))] = {{"verdict", core::VerdictName(v.verdict)},
                                                        {"why", v.why},
                                                        {"errors", v.errors},
                                                        {"warnings", v.warnings},
                                                        {"infos", v.infos}};
  }
  const Counts c = CountSeverities(report.diagnostics);
  Json out;
  out["version"] = 1;
  out["file"] = report.path;
  out["readable"] = !report.verdicts.empty();
  out["summary"] = {{"errors", c.errors}, {"warnings", c.warnings}, {"infos", c.infos}};
  out["diagnostics"] = std::move(diagnostics);
  out["factors"] = std::move(factors);
  return out.dump(2) + "\n";
}

std::string RenderCheckSarif(const CheckReport& report) {
  Json rules = Json::array();
  for (const core::RuleMeta& rule : report.rules) {
    Json r;
    r["id"] = rule.id;
    r["name"] = rule.title;
    r["shortDescription"] = {{"text", rule.title}};
    r["fullDescription"] = {{"text", rule.rationale}};
    r["help"] = {{"text", rule.fix}, {"markdown", RuleHelpMarkdown(rule)}};
    r["defaultConfiguration"] = {{"level", SarifLevel(rule.severity)}};
    r["properties"] = {{"factor", core::FactorName(rule.factor)},
                       {"tags", Json::array({std::string(core::FactorName(rule.factor))})}};
    rules.push_back(std::move(r));
  }
  for (const ReadingProblem& problem : kReadingProblems) {
    rules.push_back({{"id", problem.code},
                     {"shortDescription", {{"text", problem.title}}},
                     {"defaultConfiguration", {{"level", "error"}}}});
  }
  auto rule_index = [&](const std::string& code) -> int {
    for (size_t i = 0; i < rules.size(); ++i) {
      if (rules[i]["id"] == code) return static_cast<int>(i);
    }
    return -1;
  };
  Json results = Json::array();
  for (const diag::Diagnostic& d : report.diagnostics) {
    const Location start = d.file ? d.file->LocationOf(d.span.begin) : Location{};
    Location end = EndLocation(d);
    if (end.line < start.line || (end.line == start.line && end.column <= start.column)) {
      end = Location{start.line, start.column + 1};
    }
    Json r;
    r["ruleId"] = d.code;
    if (const int index = rule_index(d.code); index >= 0) r["ruleIndex"] = index;
    r["level"] = SarifLevel(d.severity);
    std::string text = d.message;
    for (const std::string& h : d.help) text += "\nhelp: " + h;
    r["message"] = {{"text", text}};
    r["locations"] =
        Json::array({{{"physicalLocation",
                       {{"artifactLocation", {{"uri", PathToUri(report.path)}, {"index", 0}}},
                        {"region",
                         {{"startLine", start.line},
                          {"startColumn", start.column},
                          {"endLine", end.line},
                          {"endColumn", end.column}}}}}}});
    r["properties"] = {{"fields", d.fields}, {"words", d.words}};
    results.push_back(std::move(r));
  }
  return SarifLog(std::move(rules), std::move(results), report.path, report.tool_version);
}

std::string RenderCheckMarkdown(const CheckReport& report) {
  std::string md;
  const Counts c = CountSeverities(report.diagnostics);
  core::Verdict overall = core::Verdict::kOk;
  for (const core::FactorVerdict& v : report.verdicts) overall = std::max(overall, v.verdict);
  if (report.verdicts.empty()) overall = core::Verdict::kFailing;
  md += fmt::format("## {} foresight check: `{}`\n\n", VerdictIcon(overall), report.path);
  if (report.verdicts.empty()) {
    md += "The charter could not be read; fix the problems below first.\n\n";
  } else {
    md += "| Failure factor | Verdict | Why |\n|---|---|---|\n";
    for (const core::FactorVerdict& v : report.verdicts) {
      md +=
          fmt::format("| {} | {} {} | {} |\n", core::FactorTitle(v.factor), VerdictIcon(v.verdict),
                      core::VerdictName(v.verdict), EscapeMarkdownCell(v.why));
    }
    md += '\n';
  }
  md += fmt::format("**{}, {}, {}**\n\n", Plural(c.errors, "error", "errors"),
                    Plural(c.warnings, "warning", "warnings"), Plural(c.infos, "note", "notes"));
  if (report.diagnostics.empty()) return md;
  md += "| Severity | Rule | Where | Finding | How to fix |\n|---|---|---|---|---|\n";
  for (const diag::Diagnostic& d : report.diagnostics) {
    const Location loc = d.file ? d.file->LocationOf(d.span.begin) : Location{};
    const std::string fix = d.help.empty() ? "" : d.help.back();
    md += fmt::format("| {} | `{}` | `{}:{}:{}` | {} | {} |\n", SeverityName(d.severity), d.code,
                      report.path, loc.line, loc.column, EscapeMarkdownCell(d.message),
                      EscapeMarkdownCell(fix));
  }
  md += "\nRun `foresight explain RULE` for why a rule matters and its references.\n";
  return md;
}

std::string RenderCheck(const CheckReport& report, Format format, const diag::TextStyle& style) {
  switch (format) {
    case Format::kText:
      return RenderCheckText(report, style);
    case Format::kJson:
      return RenderCheckJson(report);
    case Format::kSarif:
      return RenderCheckSarif(report);
    case Format::kMarkdown:
      return RenderCheckMarkdown(report);
  }
  return "";
}

}  // namespace foresight::report
