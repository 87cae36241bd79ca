// The SQLite Store: one database file (WAL mode), numbered schema migrations, predictions
// in columnar, compressed, content-hashed chunks. Private to the store module.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace foresight::store::sqlite {

// The schema version this build writes; databases are migrated up to it on open.
int LatestSchemaVersion();

// Opens (creating if needed) and migrates. `migrate_to` < latest is for tests that build
// databases of earlier versions.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, int migrate_to = -1);

}  // namespace foresight::store::sqlite
