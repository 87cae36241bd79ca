// Test-only: reading a table from text, keeping the file, the table and the diagnostics.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "table/table.hpp"

namespace foresight::table::testing {

struct Read {
  std::unique_ptr<SourceFile> file;
  std::optional<Table> table;
  std::vector<diag::Diagnostic> diagnostics;
  // "line:col" of diagnostic i.
  std::string Where(size_t i) const {
    const Location loc = file->LocationOf(diagnostics.at(i).span.begin);
    return std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
  std::string Message(size_t i) const { return diagnostics.at(i).message; }
};

inline Read ReadText(std::string text, TableFormat format = TableFormat::kCsv,
                     const ReadFilters& filters = {}) {
  Read r;
  r.file = std::make_unique<SourceFile>("t", std::move(text));
  diag::DiagnosticSink sink;
  r.table = ReadTable(*r.file, format, sink, filters);
  r.diagnostics = sink.Take();
  return r;
}

}  // namespace foresight::table::testing
