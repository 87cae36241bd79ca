#include <fmt/format.h>

#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace foresight::store {

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  // The table of schemes; PostgreSQL ("postgresql://") joins it later.
  if (url.starts_with("sqlite:")) return sqlite::OpenSqliteStore(std::string(url.substr(7)));
  if (url.find("://") != std::string_view::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("unknown store URL '{}'; use sqlite:PATH or a file path", url));
  }
  return sqlite::OpenSqliteStore(std::string(url));
}

}  // namespace foresight::store
