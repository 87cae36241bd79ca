// Problems in a user's table, as diagnostics that point into the file: one problem at a
// byte, or one kind of problem found in many rows, reported once with the first lines and
// how many there are. Shared by the table readers and the use cases that read tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::table {

// An "input" diagnostic at `offset` in `file`.
diag::Diagnostic InputProblem(const SourceFile& file, uint32_t offset, std::string message,
                              std::string help);

// "3 rows with an id seen earlier (lines 4, 9, 12): 'a'; 'b'" — `noun` counts (row, value).
class RowProblems {
 public:
  RowProblems(std::string what, std::string help, std::string noun = "row")
      : what_(std::move(what)), help_(std::move(help)), noun_(std::move(noun)) {}
  void Add(uint32_t offset, std::string detail = "");
  size_t count() const { return count_; }
  void set_help(std::string help) { help_ = std::move(help); }
  // Appends the diagnostic to `out` when anything was added.
  void Report(const SourceFile& file, std::vector<diag::Diagnostic>& out) const;

 private:
  std::string what_;
  std::string help_;
  std::string noun_;
  std::vector<uint32_t> offsets_;
  std::vector<std::string> details_;
  size_t count_ = 0;
};

}  // namespace foresight::table
