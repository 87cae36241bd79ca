// The SQLite Store: one database file (WAL mode), numbered schema migrations, predictions
// in columnar, compressed, content-hashed chunks. Private to the store module.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/accounts.hpp"
#include "store/store.hpp"

namespace foresight::store::sqlite {

// The schema version this build writes; databases are migrated up to it on open.
int LatestSchemaVersion();

// Opens as `access` says, migrates to the latest version when it can write and returns a
// Store for `project`. Fails as OpenStore does.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               std::string_view project = kDefaultProject,
                                               Access access = Access::kCreate);

// For tests that build databases of earlier versions: creates the database at `path` if
// needed and migrates it to `version` (not beyond), without opening a Store.
Result<std::unique_ptr<Accounts>> OpenSqliteAccounts(const std::string& path, Access access);

Status MigrateSqliteForTesting(const std::string& path, int version);

// For tests of durability: the `PRAGMA synchronous` level (2: FULL) of a connection opened
// to write, as every storing command opens one.
Result<int64_t> WritersSynchronousForTesting(const std::string& path);

}  // namespace foresight::store::sqlite
