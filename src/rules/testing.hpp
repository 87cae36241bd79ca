// Test support for rules (compiled into the tests only): parse a YAML snippet, run one rule.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::rules::testing {

struct RuleRun {
  std::unique_ptr<SourceFile> file;
  std::vector<diag::Diagnostic> diagnostics;  // of the one rule
  std::vector<diag::Diagnostic> problems;     // schema/syntax problems of the snippet
  // "line:col" of diagnostic i, for assertions.
  std::string Position(size_t i) const;
  // The text diagnostic i's span covers.
  std::string_view Text(size_t i) const;
};

// Parses `yaml` as a charter named "test.yaml" and runs only rule `id` on it.
RuleRun RunRule(std::string_view id, std::string yaml);

}  // namespace foresight::rules::testing
