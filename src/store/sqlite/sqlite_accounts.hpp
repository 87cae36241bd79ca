// The SQLite backend of store::Accounts, over a migrated database (sqlite_store.cpp opens it).
#pragma once

#include <memory>

#include "store/accounts.hpp"
#include "store/sqlite/db.hpp"

namespace foresight::store::sqlite {

std::unique_ptr<Accounts> MakeSqliteAccounts(std::unique_ptr<Database> db);

// Appends an entry to the audit log, inside the caller's transaction.
Status InsertAudit(Database& db, const core::AuditEntry& entry);

}  // namespace foresight::store::sqlite
