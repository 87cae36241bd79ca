// Reading a user's table (CSV or JSON Lines) for a use case, with problems reported as
// diagnostics that point into the file: shared by ingestion and the forecaster.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"
#include "table/table.hpp"

namespace foresight::app {

// Collects offending rows of one kind of problem and reports them as one diagnostic: the
// first few line numbers, and how many there are in all.
class RowProblems {
 public:
  RowProblems(std::string what, std::string help)
      : what_(std::move(what)), help_(std::move(help)) {}
  void Add(uint32_t offset, std::string detail = "");
  void Report(const SourceFile& file, std::vector<diag::Diagnostic>& out) const;

 private:
  std::string what_;
  std::string help_;
  std::vector<uint32_t> offsets_;
  std::vector<std::string> details_;
  size_t count_ = 0;
};

// A problem with the file as a whole (pointing at its first byte).
diag::Diagnostic FileProblem(const SourceFile& file, std::string message, std::string help);

// The column's index, or a diagnostic naming the columns there are (with a did-you-mean).
std::optional<size_t> RequireColumn(const table::Table& t, const SourceFile& file,
                                    const std::string& name, std::string_view option,
                                    std::vector<diag::Diagnostic>& out);

// Reads a table file of at most kMaxTableBytes.
Result<std::unique_ptr<SourceFile>> LoadTable(const std::string& path);

}  // namespace foresight::app
