#include "rules/testing.hpp"

#include <stdexcept>

#include "charter/parse.hpp"
#include "rules/engine.hpp"
#include "rules/registry.hpp"

namespace foresight::rules::testing {

std::string RuleRun::Position(size_t i) const {
  const Location loc = file->LocationOf(diagnostics.at(i).span.begin);
  return std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::string_view RuleRun::Text(size_t i) const { return file->TextOf(diagnostics.at(i).span); }

RuleRun RunRule(std::string_view id, std::string yaml) {
  RuleRun run;
  run.file = std::make_unique<SourceFile>("test.yaml", std::move(yaml));
  diag::DiagnosticSink sink;
  const core::Charter charter = charter::ParseCharter(*run.file, sink);
  run.problems = sink.Take();
  const RuleDef* rule = BuiltinRules().Find(id);
  if (rule == nullptr) throw std::invalid_argument("no rule " + std::string(id));
  Registry one({*rule});
  run.diagnostics = RunRules(one, RuleInput{charter, *run.file});
  return run;
}

}  // namespace foresight::rules::testing
