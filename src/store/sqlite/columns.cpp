#include "store/sqlite/columns.hpp"

#include <fmt/format.h>

#include "store/internal/try.hpp"

namespace foresight::store::sqlite {
namespace {

using internal::Chunk;
using internal::ColumnType;

std::optional<ColumnType> ParseColumnType(std::string_view name) {
  for (const ColumnType type : {ColumnType::kFloat64, ColumnType::kInt32, ColumnType::kString}) {
    if (internal::ColumnTypeName(type) == name) return type;
  }
  return std::nullopt;
}

std::string Where(const ColumnRef& ref) {
  return fmt::format("{}: column '{}'", ref.item, ref.name);
}

Status Decode(const Chunk& chunk, std::vector<double>& out) {
  return internal::DecodeFloat64(chunk, out);
}
Status Decode(const Chunk& chunk, std::vector<int32_t>& out) {
  return internal::DecodeInt32(chunk, out);
}
Status Decode(const Chunk& chunk, std::vector<std::string>& out) {
  return internal::DecodeStrings(chunk, out);
}

template <typename T>
Status ReadTyped(Database& db, const ColumnRef& ref, ColumnType expected, size_t rows,
                 std::vector<T>& out, std::optional<std::vector<std::string>>* levels) {
  out.clear();
  FS_TRY(meta, db.Prepare("SELECT type, rows, levels FROM columns "
                          "WHERE owner_kind = ?1 AND owner_id = ?2 AND name = ?3"));
  meta.Bind(1, ref.owner_kind).Bind(2, ref.owner_id).Bind(3, ref.name);
  FS_TRY(found, meta.Step());
  if (!found) return Fail(Damaged(Where(ref), "the column is missing"));
  const std::string type_name = meta.Text(0);
  const auto type = ParseColumnType(type_name);
  if (!type) return Fail(Damaged(Where(ref), fmt::format("unknown column type '{}'", type_name)));
  if (*type != expected) {
    return Fail(Damaged(Where(ref), fmt::format("the column has type '{}', expected '{}'",
                                                type_name, internal::ColumnTypeName(expected))));
  }
  if (meta.Int(1) < 0 || static_cast<size_t>(meta.Int(1)) != rows) {
    return Fail(
        Damaged(Where(ref), fmt::format("the column has {} rows, expected {}", meta.Int(1), rows)));
  }
  if (levels != nullptr) {
    levels->reset();
    if (!meta.IsNull(2)) {
      FS_TRY(parsed, ParseJsonList(meta.Text(2), Where(ref) + ": levels"));
      *levels = std::move(parsed);
    }
  }
  FS_TRY(stmt, db.Prepare("SELECT c.hash, c.raw_bytes, c.rows, c.data FROM column_chunks cc "
                          "JOIN chunks c ON c.hash = cc.hash "
                          "WHERE cc.owner_kind = ?1 AND cc.owner_id = ?2 AND cc.name = ?3 "
                          "ORDER BY cc.chunk_index"));
  stmt.Bind(1, ref.owner_kind).Bind(2, ref.owner_id).Bind(3, ref.name);
  out.reserve(rows);
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    Chunk chunk;
    chunk.hash = stmt.Text(0);
    chunk.raw_bytes = static_cast<size_t>(std::max<int64_t>(stmt.Int(1), 0));
    chunk.rows = static_cast<size_t>(std::max<int64_t>(stmt.Int(2), 0));
    chunk.compressed = stmt.Blob(3);
    const size_t before = out.size();
    if (Status decoded = Decode(chunk, out); !decoded) {
      if (decoded.error().code() != ErrorCode::kDataLoss) return decoded;
      return Fail(Damaged(Where(ref), decoded.error().message()));
    }
    if (out.size() - before != chunk.rows) {
      return Fail(Damaged(Where(ref), fmt::format("chunk {} holds {} values, its row says {}",
                                                  chunk.hash, out.size() - before, chunk.rows)));
    }
  }
  if (out.size() != rows) {
    return Fail(Damaged(Where(ref),
                        fmt::format("the chunks hold {} values, expected {}", out.size(), rows)));
  }
  return {};
}

// Stores a chunk unless the same bytes are stored already, and returns its key: the hash,
// or "HASH-N" when another content has that hash (a collision, which sharing would turn into
// one run read as another's predictions).
Result<std::string> StoreChunk(Database& db, const Chunk& chunk) {
  for (int n = 0;; ++n) {
    const std::string key = n == 0 ? chunk.hash : fmt::format("{}-{}", chunk.hash, n);
    {
      FS_TRY(existing, db.Prepare("SELECT raw_bytes, rows, data FROM chunks WHERE hash = ?1"));
      existing.Bind(1, std::string_view(key));
      FS_TRY(found, existing.Step());
      if (found) {
        if (existing.Int(0) == static_cast<int64_t>(chunk.raw_bytes) &&
            existing.Int(1) == static_cast<int64_t>(chunk.rows) &&
            existing.Blob(2) == chunk.compressed) {
          return key;
        }
        continue;
      }
    }
    FS_TRY(insert, db.Prepare("INSERT INTO chunks (hash, codec, raw_bytes, rows, data) "
                              "VALUES (?1, 'zstd', ?2, ?3, ?4)"));
    insert.Bind(1, std::string_view(key)).Bind(2, static_cast<int64_t>(chunk.raw_bytes));
    insert.Bind(3, static_cast<int64_t>(chunk.rows)).BindBlob(4, chunk.compressed);
    FS_CHECK(insert.Run());
    return key;
  }
}

}  // namespace

Status WriteColumn(Database& db, const ColumnRef& ref, ColumnType type,
                   const std::vector<Chunk>& chunks, size_t rows,
                   const std::optional<std::vector<std::string>>& levels) {
  FS_TRY(column, db.Prepare("INSERT INTO columns (owner_kind, owner_id, name, type, rows, levels) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  column.Bind(1, ref.owner_kind).Bind(2, ref.owner_id).Bind(3, ref.name);
  column.Bind(4, internal::ColumnTypeName(type)).Bind(5, static_cast<int64_t>(rows));
  if (levels) {
    column.Bind(6, std::string_view(ToJsonList(*levels)));
  } else {
    column.BindNull(6);
  }
  FS_CHECK(column.Run());
  for (size_t i = 0; i < chunks.size(); ++i) {
    FS_TRY(key, StoreChunk(db, chunks[i]));
    FS_TRY(link,
           db.Prepare("INSERT INTO column_chunks (owner_kind, owner_id, name, chunk_index, hash) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)"));
    link.Bind(1, ref.owner_kind).Bind(2, ref.owner_id).Bind(3, ref.name);
    link.Bind(4, static_cast<int64_t>(i)).Bind(5, std::string_view(key));
    FS_CHECK(link.Run());
  }
  return {};
}

Status ReadColumn(Database& db, const ColumnRef& ref, size_t rows, std::vector<double>& out) {
  return ReadTyped(db, ref, ColumnType::kFloat64, rows, out, nullptr);
}

Status ReadColumn(Database& db, const ColumnRef& ref, size_t rows, std::vector<int32_t>& out,
                  std::optional<std::vector<std::string>>* levels) {
  return ReadTyped(db, ref, ColumnType::kInt32, rows, out, levels);
}

Status ReadColumn(Database& db, const ColumnRef& ref, size_t rows, std::vector<std::string>& out) {
  return ReadTyped(db, ref, ColumnType::kString, rows, out, nullptr);
}

}  // namespace foresight::store::sqlite
