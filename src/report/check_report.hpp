// Renderers for `foresight check`: text (compiler style), JSON, SARIF 2.1.0 and Markdown,
// all built from the same diagnostics, verdicts and rule metadata. Pure: no I/O.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/source_file.hpp"
#include "core/check.hpp"
#include "core/rule_meta.hpp"
#include "diag/diagnostic.hpp"
#include "diag/text_renderer.hpp"
#include "report/format.hpp"

namespace foresight::report {

// The report renders core::CheckResult (what `check` found); the name stays for readers.
using CheckReport = core::CheckResult;

std::string RenderCheckText(const CheckReport& report, const diag::TextStyle& style);
// Documented in docs/json.md.
std::string RenderCheckJson(const CheckReport& report);
// SARIF 2.1.0, valid against the OASIS schema.
std::string RenderCheckSarif(const CheckReport& report);
// A summary fit for a pull-request comment.
std::string RenderCheckMarkdown(const CheckReport& report);
// The report in `format` (colour applies to text only).
std::string RenderCheck(const CheckReport& report, Format format, const diag::TextStyle& style);

// The diagnostic codes that are not rules: problems reading the charter.
struct ReadingProblem {
  std::string_view code;
  std::string_view title;
};
std::span<const ReadingProblem> ReadingProblems();

}  // namespace foresight::report
