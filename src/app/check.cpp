#include "app/check.hpp"

#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "app/version.hpp"
#include "base/files.hpp"
#include "charter/parse.hpp"
#include "rules/engine.hpp"
#include "rules/registry.hpp"

namespace foresight::app {
namespace {

core::CheckResult Empty(std::string path) {
  core::CheckResult result;
  result.path = std::move(path);
  result.rules = rules::BuiltinRules().Metas();
  result.tool_version = std::string(Version());
  return result;
}

}  // namespace

std::string ResolveCharterPath(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return (std::filesystem::path(path) / "foresight.yaml").lexically_normal().string();
  }
  return path;
}

core::CheckResult CheckCharter(std::shared_ptr<const SourceFile> file) {
  core::CheckResult result = Empty(file->path());
  result.file = std::move(file);
  diag::DiagnosticSink sink;
  auto charter = std::make_shared<const core::Charter>(charter::ParseCharter(*result.file, sink));
  result.readable = !sink.HasErrors();
  result.diagnostics = sink.Take();
  diag::SortByPosition(result.diagnostics);
  if (result.readable) {
    result.charter = charter;
    const rules::RuleInput input{*charter, *result.file};
    result.diagnostics = rules::RunRules(rules::BuiltinRules(), input);
    result.verdicts =
        rules::ComputeVerdicts(rules::BuiltinRules(), result.diagnostics, charter.get());
  }
  return result;
}

namespace check_uc {

// A charter too large to read: still a finding with a position, in the requested format.
core::CheckResult TooLarge(const std::string& path, const std::string& message) {
  core::CheckResult result = Empty(path);
  result.file = std::make_shared<const SourceFile>(path, "");
  diag::Diagnostic d;
  d.code = "input";
  d.message = message;
  d.file = result.file.get();
  d.help.push_back(fmt::format("a charter is a short YAML document; the limit is {} KiB",
                               charter::kMaxCharterBytes / 1024));
  result.diagnostics.push_back(std::move(d));
  return result;
}

}  // namespace check_uc

using check_uc::TooLarge;

Result<core::CheckResult> CheckCharterFile(const std::string& given) {
  const std::string path = ResolveCharterPath(given);
  Result<std::string> text = ReadFile(path, charter::kMaxCharterBytes);
  if (text) return CheckCharter(std::make_shared<const SourceFile>(path, std::move(*text)));
  if (text.error().code() == ErrorCode::kNotFound) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no charter at '{}'; run `foresight init` to write one, or pass "
                            "the path of your foresight.yaml",
                            path));
  }
  if (text.error().code() != ErrorCode::kResourceExhausted) return Fail(text.error());
  return TooLarge(path, text.error().message());
}

core::CheckResult CheckCharterText(const std::string& name, std::string text) {
  if (text.size() > charter::kMaxCharterBytes) {
    return TooLarge(
        name, fmt::format("'{}' is larger than {} KiB", name, charter::kMaxCharterBytes / 1024));
  }
  return CheckCharter(std::make_shared<const SourceFile>(name, std::move(text)));
}

}  // namespace foresight::app
