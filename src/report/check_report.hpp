// Renderers for `foresight check`: text (compiler style), JSON, SARIF 2.1.0 and Markdown,
// all built from the same diagnostics, verdicts and rule metadata. Pure: no I/O.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/source_file.hpp"
#include "core/rule_meta.hpp"
#include "diag/diagnostic.hpp"
#include "diag/text_renderer.hpp"

namespace foresight::report {

struct CheckReport {
  std::string path;  // the charter's path as the user gave it
  std::vector<diag::Diagnostic> diagnostics;
  // Empty when the charter could not be read (input, syntax or schema errors).
  std::vector<core::FactorVerdict> verdicts;
  // Metadata of every rule (for SARIF's tool.driver.rules and fixes in JSON).
  std::span<const core::RuleMeta> rules;
  std::string tool_version;
};

std::string RenderCheckText(const CheckReport& report, const diag::TextStyle& style);
// Documented in docs/json.md.
std::string RenderCheckJson(const CheckReport& report);
// SARIF 2.1.0, valid against the OASIS schema.
std::string RenderCheckSarif(const CheckReport& report);
// A summary fit for a pull-request comment.
std::string RenderCheckMarkdown(const CheckReport& report);

// The diagnostic codes that are not rules: problems reading the charter.
struct ReadingProblem {
  std::string_view code;
  std::string_view title;
};
std::span<const ReadingProblem> ReadingProblems();

}  // namespace foresight::report
