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
  std::vector<core::RuleMeta> metas;
  for (const rules::RuleDef& rule : rules::BuiltinRules().rules()) metas.push_back(rule.meta);
  report.rules = metas;
  if (report.diagnostics.empty()) {
    report.diagnostics = rules::RunRules(rules::BuiltinRules(), rules::RuleInput{charter, file});
    report.verdicts = rules::ComputeVerdicts(rules::BuiltinRules(), report.diagnostics);
  }
  const std::string outputs[] = {report::RenderCheckText(report, diag::TextStyle{.color = true}),
                                 report::RenderCheckJson(report), report::RenderCheckSarif(report),
                                 report::RenderCheckMarkdown(report)};
  size_t total = 0;
  for (const std::string& out : outputs) total += out.size();
  return total > 0 ? 0 : 0;
}
