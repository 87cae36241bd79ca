#include "app/check.hpp"

#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "app/version.hpp"
#include "base/files.hpp"
#include "charter/parse.hpp"
#include "report/check_report.hpp"
#include "rules/engine.hpp"
#include "rules/registry.hpp"

namespace foresight::app {
namespace {

std::string Render(const report::CheckReport& report, const CheckOptions& options) {
  switch (options.format) {
    case report::Format::kText:
      return report::RenderCheckText(report, diag::TextStyle{.color = options.color});
    case report::Format::kJson:
      return report::RenderCheckJson(report);
    case report::Format::kSarif:
      return report::RenderCheckSarif(report);
    case report::Format::kMarkdown:
      return report::RenderCheckMarkdown(report);
  }
  return "";
}

}  // namespace

std::string ResolveCharterPath(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return (std::filesystem::path(path) / "foresight.yaml").lexically_normal().string();
  }
  return path;
}

Result<CheckOutcome> RunCheck(const CheckOptions& options) {
  const std::string path = ResolveCharterPath(options.path);
  const std::vector<core::RuleMeta> metas = rules::BuiltinRules().Metas();
  report::CheckReport report;
  report.path = path;
  report.rules = metas;
  report.tool_version = std::string(Version());

  std::unique_ptr<SourceFile> file;
  diag::DiagnosticSink sink;
  Result<std::string> text = ReadFile(path, charter::kMaxCharterBytes);
  if (!text) {
    if (text.error().code() != ErrorCode::kResourceExhausted) {
      if (text.error().code() == ErrorCode::kNotFound) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no charter at '{}'; run `foresight init` to write one, or pass "
                                "the path of your foresight.yaml",
                                path));
      }
      return Fail(text.error());
    }
    // Too large to read: still a finding with a position, in the requested format.
    file = std::make_unique<SourceFile>(path, "");
    diag::Diagnostic d;
    d.code = "input";
    d.message = text.error().message();
    d.file = file.get();
    d.help.push_back(fmt::format("a charter is a short YAML document; the limit is {} KiB",
                                 charter::kMaxCharterBytes / 1024));
    sink.Add(std::move(d));
  } else {
    file = std::make_unique<SourceFile>(path, std::move(*text));
  }

  bool readable = !sink.HasErrors();
  core::Charter charter;
  if (readable) {
    charter = charter::ParseCharter(*file, sink);
    readable = !sink.HasErrors();
  }
  report.diagnostics = sink.Take();
  diag::SortByPosition(report.diagnostics);
  if (readable) {
    const rules::RuleInput input{charter, *file};
    report.diagnostics = rules::RunRules(rules::BuiltinRules(), input);
    report.verdicts = rules::ComputeVerdicts(rules::BuiltinRules(), report.diagnostics);
  }

  CheckOutcome outcome;
  outcome.output = Render(report, options);
  if (!readable) {
    outcome.exit_code = 2;
  } else {
    for (const diag::Diagnostic& d : report.diagnostics) {
      if (d.severity >= options.fail_on) outcome.exit_code = 1;
    }
  }
  return outcome;
}

}  // namespace foresight::app
