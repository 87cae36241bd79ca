// The PostgreSQL backend of store::Accounts, over a migrated connection
// (postgres_store.cpp opens it).
#pragma once

#include <memory>

#include "store/accounts.hpp"
#include "store/postgres/pool.hpp"

namespace foresight::store::postgres {

std::unique_ptr<Accounts> MakePostgresAccounts(Lease db);

}  // namespace foresight::store::postgres
