// The SQLite backend of store::Accounts, over a migrated database (sqlite_store.cpp opens it).
#pragma once

#include <memory>

#include "store/accounts.hpp"
#include "store/sqlite/db.hpp"

namespace foresight::store::sqlite {

std::unique_ptr<Accounts> MakeSqliteAccounts(std::unique_ptr<Database> db);

}  // namespace foresight::store::sqlite
