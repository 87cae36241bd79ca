// The PostgreSQL backend of store::Accounts, over a migrated connection
// (postgres_store.cpp opens it).
#pragma once

#include <memory>
#include <string>

#include "store/accounts.hpp"
#include "store/postgres/pool.hpp"

namespace foresight::store::postgres {

// `url` names the database's kept grants (kept_grants.hpp).
std::unique_ptr<Accounts> MakePostgresAccounts(Lease db, const std::string& url);

}  // namespace foresight::store::postgres
