// Diagnostic: one problem found in a user's input, with where it is and how to fix it.
//
// Diagnostics are data. They are collected in a DiagnosticSink so one run reports every
// problem, and every renderer (text, JSON, SARIF, Markdown) is built from the same objects.
#pragma once

#include <string>
#include <vector>

#include "base/severity.hpp"
#include "base/source_file.hpp"

namespace foresight::diag {

// A secondary place that helps explain a diagnostic ("declared here").
struct Related {
  Span span;
  std::string label;
};

struct Diagnostic {
  // The rule id ("D003") or, for problems reading the charter, "syntax", "schema" or "input".
  std::string code;
  Severity severity = Severity::kError;
  std::string message;
  // The file the span points into; null when the problem has no file. Not owned: the
  // SourceFile must outlive the diagnostic.
  const SourceFile* file = nullptr;
  Span span;
  // Charter fields that made the diagnostic fire, e.g. "task.target", "inputs[0].kind".
  std::vector<std::string> fields;
  // For free-text matches, the words that matched.
  std::vector<std::string> words;
  // Lines that say how to fix it; rendered as "help: ...".
  std::vector<std::string> help;
  std::vector<Related> related;
};

// Collects diagnostics in the order they are reported. Not thread-safe.
class DiagnosticSink {
 public:
  void Add(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> Take() { return std::move(diagnostics_); }

  // How many diagnostics have exactly this severity.
  size_t Count(Severity severity) const;
  bool HasErrors() const { return Count(Severity::kError) > 0; }
  bool empty() const { return diagnostics_.empty(); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Sorts by file position, then code, so output is stable whatever order rules ran in.
void SortByPosition(std::vector<Diagnostic>& diagnostics);

}  // namespace foresight::diag
