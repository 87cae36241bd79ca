// Typed columns for learning: each column of a Table becomes numeric, boolean or
// categorical, with missing values marked, by its ARFF declaration or by inference from its
// cells (overridable). The probe reads this; it says what was inferred.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "table/table.hpp"

namespace foresight::table {

enum class ColumnKind { kNumeric, kBoolean, kCategorical };

// "numeric", "boolean", "categorical".
std::string_view ColumnKindName(ColumnKind kind);
std::optional<ColumnKind> ParseColumnKind(std::string_view name);

struct TypedColumn {
  std::string name;
  ColumnKind kind = ColumnKind::kNumeric;
  bool declared = false;              // the file declared the type (ARFF), or it was overridden
  bool overridden = false;            // the type is the caller's override
  std::vector<double> values;         // numeric and boolean (0/1); NaN where missing
  std::vector<int32_t> codes;         // categorical: index into levels; -1 where missing
  std::vector<std::string> levels;    // categorical: declared order (ARFF), else first seen
  std::vector<std::string> booleans;  // boolean: the spellings of false and true, as written
  size_t missing = 0;
  size_t size() const { return kind == ColumnKind::kCategorical ? codes.size() : values.size(); }
};

// Whether a cell is a missing value: empty, JSON null, or ?, NA, N/A, null, NaN, none
// (any case, surrounding spaces ignored).
bool IsMissing(const Table& table, size_t row, size_t column);

// An override a column's values cannot take (not all numbers, not one boolean pair): the
// column is typed as if not overridden, by its declaration or by inference.
struct RefusedOverride {
  std::string column;
  ColumnKind kind = ColumnKind::kNumeric;  // the kind asked for
  bool declared = false;                   // the file declares the column's type (ARFF)
};

// Types every column: `overrides[name]` when it can hold (else the column is named in
// `refused` and typed as if not overridden); else the ARFF
// declaration when there is one (nominal -> categorical, numeric -> numeric, string and
// date -> categorical); else inference: numeric when every present cell is a finite number;
// boolean when the present cells take exactly two values spelled as a boolean pair
// (true/false, yes/no, y/n, t/f, 0/1); categorical otherwise.
struct Typed {
  std::vector<TypedColumn> columns;
  size_t rows = 0;
  std::vector<RefusedOverride> refused;
};
Typed TypeColumns(const Table& table, const std::map<std::string, ColumnKind>& overrides = {});

}  // namespace foresight::table
