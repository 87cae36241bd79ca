// The numbered schema migrations of the SQLite store. Migration i (1-based) takes a database
// from version i-1 to i; PRAGMA user_version holds the version. Append, never edit.
#pragma once

#include <span>
#include <string_view>

namespace foresight::store::sqlite {

std::span<const std::string_view> Migrations();

}  // namespace foresight::store::sqlite
