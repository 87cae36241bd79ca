#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "store/accounts.hpp"
#include "store/postgres/pg.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace foresight::store {
namespace {

using Opener = Result<std::unique_ptr<Store>> (*)(std::string_view location,
                                                  std::string_view project, Access access);

Result<std::unique_ptr<Store>> OpenSqlite(std::string_view path, std::string_view project,
                                          Access access) {
  return sqlite::OpenSqliteStore(std::string(path), project, access);
}

// libpq reads the whole URL, scheme included.
Result<std::unique_ptr<Store>> OpenPostgres(std::string_view rest, std::string_view project,
                                            Access access) {
  return postgres::OpenPostgresStore("postgresql://" + std::string(rest), project, access);
}

// The table of URL schemes: a prefix and the backend that opens what follows it. A URL
// without a "scheme://" is a file path, opened by the first row.
struct Scheme {
  std::string_view prefix;
  Opener open;
};
constexpr std::array<Scheme, 3> kSchemes = {
    {{"sqlite:", OpenSqlite}, {"postgresql://", OpenPostgres}, {"postgres://", OpenPostgres}}};

}  // namespace

std::string RedactedUrl(std::string_view url) { return postgres::Redacted(url); }

Status CheckProjectName(std::string_view name) {
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (name.empty()) {
    return Fail(Error(ErrorCode::kInvalidArgument, "a project needs a name; give a non-empty one")
                    .WithField("name"));
  }
  if (name.find('/') != std::string_view::npos || control) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("'{}' cannot name a project: a project's name is part of the "
                                  "server's paths, so it must not hold '/' or a control "
                                  "character",
                                  name))
                    .WithField("name"));
  }
  return {};
}

Result<std::unique_ptr<Accounts>> OpenAccounts(std::string_view url, Access access) {
  for (const std::string_view prefix : {"postgresql://", "postgres://"}) {
    if (url.starts_with(prefix)) {
      return postgres::OpenPostgresAccounts(
          "postgresql://" + std::string(url.substr(prefix.size())), access);
    }
  }
  if (url.starts_with("sqlite:")) url.remove_prefix(7);
  if (url.find("://") != std::string_view::npos) {
    // The same refusal as OpenStore's.
    auto store = OpenStore(url, kDefaultProject, access);
    return Fail(store ? Error(ErrorCode::kInvalidArgument, "unknown store URL") : store.error());
  }
  return sqlite::OpenSqliteAccounts(std::string(url), access);
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view url, std::string_view project,
                                         Access access) {
  for (const Scheme& scheme : kSchemes) {
    if (url.starts_with(scheme.prefix)) {
      return scheme.open(url.substr(scheme.prefix.size()), project, access);
    }
  }
  if (url.find("://") != std::string_view::npos) {
    std::string known;
    known = " sqlite:PATH postgresql://USER@HOST:PORT/DATABASE";
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("unknown store URL '{}'; use a file path or one of:{}", url, known));
  }
  return kSchemes[0].open(url, project, access);
}

}  // namespace foresight::store
