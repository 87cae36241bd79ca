// The PostgreSQL Store: the team server's database. The same contract as the SQLite store
// (store.hpp, store_contract_test.cpp): numbered migrations, predictions in the same
// compressed, content-addressed chunks (bytea), one transaction per write. Private to the
// store module.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/accounts.hpp"
#include "store/store.hpp"

namespace foresight::store::postgres {

// The schema version this build writes; databases are migrated up to it on open.
int LatestSchemaVersion();

// Connects to `url` (postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?...]), migrates the
// schema when `access` may write, and returns a Store for `project`. The database itself
// must exist (the server's administrator creates it); kCreate creates foresight's tables in
// it, the other modes need them there already. Fails as OpenStore does, and with
// kUnavailable when the server cannot be reached.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                 std::string_view project = kDefaultProject,
                                                 Access access = Access::kCreate);

// Tests only. While groups of `url` are held, the runs added wait (group commit gathers the
// small runs added at the same time into one transaction); AwaitGroupForTesting returns
// once `writers` wait; released, they are stored as one group.
void HoldGroupsForTesting(const std::string& url, bool held);
void AwaitGroupForTesting(const std::string& url, size_t writers);

Result<std::unique_ptr<Accounts>> OpenPostgresAccounts(const std::string& url, Access access);

}  // namespace foresight::store::postgres
