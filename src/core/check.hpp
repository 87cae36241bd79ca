// What `check` found in a charter, as plain values: the renderers (text, JSON, SARIF,
// Markdown) and every front door read the same result.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/severity.hpp"
#include "base/source_file.hpp"
#include "core/charter.hpp"
#include "core/rule_meta.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::core {

struct CheckResult {
  std::string path;  // the charter's path as the user gave it (a folder resolved to its file)
  // The charter's bytes; diagnostics point into it, so it lives as long as they do.
  std::shared_ptr<const SourceFile> file;
  // The charter as parsed (its spans point into `file`); null when it could not be read.
  std::shared_ptr<const Charter> charter;
  // Problems reading the charter (input, syntax, schema), or else the rules' findings,
  // sorted by position.
  std::vector<diag::Diagnostic> diagnostics;
  // One per failure factor; empty when the charter could not be read.
  std::vector<FactorVerdict> verdicts;
  // Metadata of every rule (for SARIF's tool.driver.rules and fixes in JSON).
  std::vector<RuleMeta> rules;
  std::string tool_version;
  // False when the charter could not be read (its diagnostics say why): the rules did not run.
  bool readable = false;

  // Whether any diagnostic is at or above `severity`.
  bool HasFindingAtOrAbove(Severity severity) const;
};

}  // namespace foresight::core
