// The numbered schema migrations of the SQLite store. Migration i (1-based) takes a database
// from version i-1 to i; PRAGMA user_version holds the version. Append, never edit.
#pragma once

#include <span>
#include <string_view>

#include "base/result.hpp"
#include "store/sqlite/db.hpp"

namespace foresight::store::sqlite {

std::span<const std::string_view> Migrations();

// The database's schema version (PRAGMA user_version). Fails with kFailedPrecondition when
// it is newer than this build knows.
Result<int> ReadVersion(Database& db);

// Migrates `db` up to version `target`, one transaction per migration. Safe when several
// connections open the same new database at once: each step re-reads the version under the
// write lock. Foreign keys must be off (they cannot change inside a transaction, and the
// table rebuilds of a migration break them for a moment); every step ends with a foreign key
// check. Fails with kFailedPrecondition when the database is newer than this build knows.
Status Migrate(Database& db, int target);

}  // namespace foresight::store::sqlite
