// The PostgreSQL backend of store::Accounts, over a migrated connection
// (postgres_store.cpp opens it).
#pragma once

#include <memory>

#include "store/accounts.hpp"
#include "store/postgres/pg.hpp"

namespace foresight::store::postgres {

std::unique_ptr<Accounts> MakePostgresAccounts(std::unique_ptr<Connection> db);

}  // namespace foresight::store::postgres
