// Fuzz target: bytes -> charter parser -> rules -> every renderer. Nothing may crash, hang,
// leak or trip a sanitizer. Built with libFuzzer under clang (preset `fuzz`); under GCC the
// same function is driven by replay_main.cpp over the corpus as an ordinary test.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charter/parse.hpp"
#include "diag/text_renderer.hpp"
#include "report/check_report.hpp"
#include "rules/engine.hpp"
#include "rules/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace foresight;
  if (size > charter::kMaxCharterBytes) return 0;
  const SourceFile file("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  diag::DiagnosticSink sink;
  const core::Charter charter = charter::ParseCharter(file, sink);
  report::CheckReport report;
  report.path = file.path();
  report.diagnostics = sink.Take();
  const std::vector<core::RuleMeta> metas = rules::BuiltinRules().Metas();
  report.rules = metas;
  if (report.diagnostics.empty()) {
    report.diagnostics = rules::RunRules(rules::BuiltinRules(), rules::RuleInput{charter, file});
    report.verdicts = rules::ComputeVerdicts(rules::BuiltinRules(), report.diagnostics);
  }
  // Every renderer runs on every input; their output is not checked, only that they finish
  // cleanly under the sanitizers.
  const std::string outputs[] = {report::RenderCheckText(report, diag::TextStyle{.color = true}),
                                 report::RenderCheckJson(report), report::RenderCheckSarif(report),
                                 report::RenderCheckMarkdown(report)};
  static_cast<void>(outputs);
  return 0;
}
