// Typed columns in SQLite: a row of `columns` (type, row count, levels) and its chunks in
// `column_chunks`/`chunks`. Reading checks everything the row promises, so damaged data is
// reported as kDataLoss naming the item and column, never read as a default value. Private
// to the SQLite store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "store/internal/column_codec.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/rows.hpp"

namespace foresight::store::sqlite {

// Which column, and how messages name its owner ("run 'gbm-2'").
struct ColumnRef {
  std::string_view owner_kind;  // "evalset" or "run"
  int64_t owner_id = 0;
  std::string_view name;
  std::string_view item;
};

// Writes the column's row, its chunks (once per hash) and their order.
Status WriteColumn(Database& db, const ColumnRef& ref, internal::ColumnType type,
                   const std::vector<internal::Chunk>& chunks, size_t rows,
                   const std::optional<std::vector<std::string>>& levels = std::nullopt);

// Reads a column of `rows` values into `out` (replacing it). Fails with kDataLoss when the
// column is missing, has another or an unknown type, another row count, levels that are
// not a JSON list, or a chunk that fails to decompress or to match its hash. `levels`, when
// given, receives the column's levels (nullopt when it has none).
Status ReadColumn(Database& db, const ColumnRef& ref, size_t rows, std::vector<double>& out);
Status ReadColumn(Database& db, const ColumnRef& ref, size_t rows, std::vector<int32_t>& out,
                  std::optional<std::vector<std::string>>* levels = nullptr);
Status ReadColumn(Database& db, const ColumnRef& ref, size_t rows, std::vector<std::string>& out);

}  // namespace foresight::store::sqlite
