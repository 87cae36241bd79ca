// Table: a user's CSV (RFC 4180) or JSON Lines file as named columns of text cells, each
// with its byte position, so every problem can be reported at file:line:col.
//
// The table does not interpret values; callers parse the cells they need (ParseNumber)
// and report problems as diagnostics pointing at the cell.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::table {

enum class TableFormat { kCsv, kJsonLines, kArff };

// A column's type as the file declares it: ARFF files declare every attribute; CSV and
// JSON Lines declare nothing (the table has no declarations then).
enum class DeclaredType { kNumeric, kNominal, kString, kDate };
struct ColumnDeclaration {
  DeclaredType type = DeclaredType::kString;
  std::vector<std::string> levels;  // nominal: the allowed values, in declaration order
};

class Table {
 public:
  const std::vector<std::string>& columns() const { return columns_; }
  size_t rows() const { return row_offsets_.size(); }
  // The index of a column by name, or nullopt.
  std::optional<size_t> Column(std::string_view name) const;
  // Whether the column's cells were kept (a column filter given to ReadTable drops others;
  // their names stay in columns()). Cell, IsNull and CellOffset need a kept column.
  bool Kept(size_t column) const { return slot_.empty() || slot_[column] != kDropped; }
  // Cell text (unquoted, unescaped); null cells (JSON null, absent JSON keys) are empty.
  std::string_view Cell(size_t row, size_t column) const { return cells_[At(row, column)]; }
  // Whether the cell was JSON null or missing from a JSON object.
  bool IsNull(size_t row, size_t column) const { return nulls_[At(row, column)]; }
  // Byte offset of the cell (or of its row for missing JSON keys) in the source.
  uint32_t CellOffset(size_t row, size_t column) const { return offsets_[At(row, column)]; }
  uint32_t RowOffset(size_t row) const { return row_offsets_[row]; }
  // The row's index among the file's data records: the row itself, unless a filter given to
  // ReadTable dropped records before it.
  size_t Record(size_t row) const { return records_.empty() ? row : records_[row]; }
  // One per column for ARFF files, else empty.
  const std::vector<ColumnDeclaration>& declarations() const { return declarations_; }

 private:
  friend class TableBuilder;
  friend class ArffReader;
  static constexpr uint32_t kDropped = UINT32_MAX;
  size_t Width() const { return slot_.empty() ? columns_.size() : kept_; }
  size_t At(size_t row, size_t column) const {
    return row * Width() + (slot_.empty() ? column : slot_[column]);
  }
  // With a column filter: each column's place among the kept ones, or kDropped.
  void KeepColumns(const std::function<bool(std::string_view)>& keep) {
    if (!keep) return;
    slot_.assign(columns_.size(), kDropped);
    kept_ = 0;
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (keep(columns_[c])) slot_[c] = static_cast<uint32_t>(kept_++);
    }
  }
  std::vector<std::string> columns_;
  std::vector<uint32_t> slot_;  // empty: every column kept
  size_t kept_ = 0;
  std::vector<std::string_view> cells_;
  std::vector<uint32_t> offsets_;
  std::vector<bool> nulls_;
  std::vector<uint32_t> row_offsets_;
  std::vector<size_t> records_;    // with a filter: each row's record index
  std::deque<std::string> arena_;  // storage for cells that are not verbatim in the source
  std::vector<ColumnDeclaration> declarations_;
};

// Parses `file` as CSV (a header row, then records; quoted fields with "" escapes; LF or
// CRLF line ends), JSON Lines (one object per line; keys of the first object, then any
// new key, become columns) or ARFF (Weka's and OpenML's format: `@attribute` declarations
// with types, then `@data` rows, dense or sparse; `?` is a missing value, a null cell). Problems
// (binary or non-UTF-8 content, unterminated quotes, rows with the wrong number of fields, invalid
// JSON, duplicate column names, an empty file) are reported to `sink` as "input" errors; returns
// nullopt when any was reported. `file` must outlive the table (cells point into it).
//
// `filters.record`, when set, decides which records are kept, by their index among the file's data
// records (0 for the first after the header): the others are parsed and checked like the
// rest, but not stored, so reading a sample of a large file costs the sample's memory.
//
// `column`, when set, decides which columns' cells are kept, by name: the others are parsed
// and checked but not stored, so a table of 100,000 columns costs the memory of the few a
// command reads.
using RecordFilter = std::function<bool(size_t record)>;
using ColumnFilter = std::function<bool(std::string_view name)>;
struct ReadFilters {
  RecordFilter record;
  ColumnFilter column;
};
std::optional<Table> ReadTable(const SourceFile& file, TableFormat format,
                               diag::DiagnosticSink& sink, const ReadFilters& filters = {});

// A quick upper bound on a file's data records and its number of columns, from one pass
// over its line ends (no parsing): lines after the header (CSV, ARFF's @data) or non-blank
// lines (JSON Lines); columns from the header (CSV), the @attribute lines (ARFF) or the
// first object's keys (JSON Lines). Quoted line breaks, comments and blank lines make the
// record count high, never low. For a memory estimate before reading, and for sampling.
struct TableShape {
  size_t records = 0;
  size_t columns = 0;
};
TableShape EstimateShape(const SourceFile& file, TableFormat format);

// The format a path's extension names: .jsonl/.ndjson are JSON Lines, .arff is ARFF,
// anything else CSV.
TableFormat FormatForPath(std::string_view path);

// Parses a whole cell as a finite or non-finite double ("nan", "inf" parse; callers reject
// them with a position). nullopt when the text is not a number.
std::optional<double> ParseNumber(std::string_view text);

}  // namespace foresight::table
