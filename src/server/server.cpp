#include "server/server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <regex>
#include <utility>

#include <fmt/format.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/check.hpp"
#include "app/evaluate.hpp"
#include "app/forecast.hpp"
#include "app/ingest.hpp"
#include "app/listings.hpp"
#include "app/manage.hpp"
#include "app/version.hpp"
#include "app/workspace.hpp"
#include "base/clock.hpp"
#include "base/executor.hpp"
#include "base/strings.hpp"
#include "report/check_report.hpp"
#include "report/evidence_report.hpp"
#include "report/forecast_report.hpp"
#include "report/workspace_report.hpp"
#include "store/accounts.hpp"
#include "store/remote/wire.hpp"
#include "store/store.hpp"

namespace foresight::server {
namespace http_api {

using Json = nlohmann::ordered_json;

// An uploaded table, received whole: the table reader holds a file's bytes in memory anyway,
// so a small upload costs no file on disk (creating, writing, reading and removing one was a
// seventh of a single call's time), and a large one no second copy.
struct Upload {
  std::string name;  // "upload.csv" or "upload.jsonl": the extension gives the format
  std::string bytes;

  static Result<Upload> Receive(const httplib::Request& request,
                                const httplib::ContentReader& reader) {
    const std::string type = request.get_header_value("Content-Type");
    const bool lines = type.find("ndjson") != std::string::npos ||
                       type.find("jsonl") != std::string::npos ||
                       type.find("json-seq") != std::string::npos;
    Upload upload{lines ? "upload.jsonl" : "upload.csv", {}};
    // One allocation when the client says the size (it cannot make the server hold more).
    const std::string declared = request.get_header_value("Content-Length");
    uint64_t announced = 0;
    if (std::from_chars(declared.data(), declared.data() + declared.size(), announced).ec ==
        std::errc()) {
      upload.bytes.reserve(static_cast<size_t>(std::min<uint64_t>(announced, app::kMaxTableBytes)));
    }
    bool too_large = false;
    const bool read = reader([&](const char* data, size_t length) {
      if (upload.bytes.size() + length > app::kMaxTableBytes) {
        too_large = true;
        return false;
      }
      upload.bytes.append(data, length);
      return true;
    });
    if (too_large) {
      return Fail(
          ErrorCode::kResourceExhausted,
          fmt::format("the upload is larger than {} MiB; split it", app::kMaxTableBytes >> 20U));
    }
    if (!read) {
      return Fail(ErrorCode::kUnavailable,
                  "the upload could not be received whole (the connection closed); send it "
                  "again");
    }
    return upload;
  }
  // The same from bytes already in memory (HandleDirect).
  static Result<Upload> FromBytes(const httplib::Request& request, std::string_view bytes) {
    httplib::ContentReader reader(
        [bytes](const httplib::ContentReceiver& receive) {
          return bytes.empty() || receive(bytes.data(), bytes.size());
        },
        [](const httplib::MultipartContentHeader&, const httplib::ContentReceiver&) {
          return false;
        });
    return Receive(request, reader);
  }
};

// A request as the handlers see it: the path's captures ({project}, {run}), the query, the
// body, and the store to open.
struct Call {
  const httplib::Request& request;
  std::vector<std::string> captures;
  const std::string& store_url;
  Executor* executor;       // the server's one pool for parallel measuring, shared by requests
  app::Principal who = {};  // who asks (an administrator, without accounts)
  // The role `who` holds in the path's project, when the route needs one and accounts are on.
  std::optional<core::ProjectRole> role = {};
  store::Accounts* accounts = nullptr;  // the store's accounts; nullptr without accounts
  Json json = {};                       // the JSON body, for the routes that read one
  std::string text = {};                // the text body, for the routes that read one
  std::string_view data = {};           // the store protocol's document, for its routes
  // The uploaded table, for the routes that read one; a handler takes its bytes.
  mutable std::optional<Upload> upload = {};
  // A write's audit entry, written by the Store in the write's own transaction.
  mutable std::optional<core::AuditEntry> audit = {};
  mutable bool audit_written = false;
};

struct Reply {
  int status = 200;
  std::string json;  // the body: JSON, unless `type` says otherwise
  std::string type = "application/json";
};

using Handler = std::function<Result<Reply>(const Call&)>;

struct Route {
  RouteInfo info;
  Handler handler;
  bool audits_itself = false;  // its use case writes the audit entry (account changes)
};

// The message without the core's field marks: a field is named as the API's parameter.
std::string Spelled(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (const char c : message) {
    if (c != '\x1f') out += c;
  }
  return out;
}

std::string ErrorJson(const Error& error) {
  Json body{{"code", std::string(ErrorCodeName(error.code()))},
            {"message", Spelled(error.message())}};
  if (!error.field().empty()) body["field"] = error.field();
  // With the core's field marks, for the CLI's remote mode to spell them as its flags.
  if (error.message() != body["message"].get<std::string>()) {
    body["message_marked"] = error.message();
  }
  return Json{{"error", body}}.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Refuses a request whose path or query is not UTF-8: names are text, and nothing else
// could be stored, listed or quoted in a message.
Status CheckUtf8(const httplib::Request& request, const std::vector<std::string>& captures) {
  for (const std::string& capture : captures) {
    if (FindInvalidUtf8(capture)) {
      return Fail(ErrorCode::kInvalidArgument, "the path is not UTF-8 text");
    }
  }
  for (const auto& [name, value] : request.params) {
    if (FindInvalidUtf8(name) || FindInvalidUtf8(value)) {
      return Fail(Error(ErrorCode::kInvalidArgument,
                        "a query parameter is not UTF-8 text; names and values are text")
                      .WithField(FindInvalidUtf8(name) ? "query" : name));
    }
  }
  return {};
}

std::optional<std::string> Param(const Call& call, const char* name) {
  if (!call.request.has_param(name)) return std::nullopt;
  return call.request.get_param_value(name);
}

std::vector<std::string> Params(const Call& call, const char* name) {
  std::vector<std::string> out;
  const size_t n = call.request.get_param_value_count(name);
  for (size_t i = 0; i < n; ++i) out.push_back(call.request.get_param_value(name, i));
  return out;
}

Result<std::string> Required(const Call& call, const char* name) {
  if (auto value = Param(call, name); value && !value->empty()) return *value;
  return Fail(
      Error(ErrorCode::kInvalidArgument, fmt::format("the query parameter '{}' is required", name))
          .WithField(name));
}

Result<std::optional<int64_t>> IntParam(const Call& call, const char* name) {
  auto text = Param(call, name);
  if (!text) return std::optional<int64_t>();
  char* end = nullptr;
  const long long value = std::strtoll(text->c_str(), &end, 10);
  if (text->empty() || end == nullptr || *end != '\0') {
    return Fail(
        Error(ErrorCode::kInvalidArgument,
              fmt::format("the query parameter '{}' must be a whole number, not '{}'", name, *text))
            .WithField(name));
  }
  return std::optional<int64_t>(value);
}

// "key=value" pairs of a repeated query parameter (tag=owner=ana).
Result<std::vector<std::pair<std::string, std::string>>> Pairs(const Call& call, const char* name) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& pair : Params(call, name)) {
    const size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Fail(Error(ErrorCode::kInvalidArgument,
                        fmt::format("'{}' must be KEY=VALUE, not '{}'", name, pair))
                      .WithField(name));
    }
    out.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  return out;
}

Result<std::unique_ptr<store::Store>> Open(const Call& call, store::Access access) {
  const std::string project =
      call.captures.empty() ? std::string(store::kDefaultProject) : call.captures[0];
  auto store = store::OpenStore(call.store_url, project, access);
  if (store && call.audit && access != store::Access::kRead && access != store::Access::kReadOnly) {
    (*store)->AuditWrites(*call.audit, &call.audit_written);
  }
  return store;
}

// Problems in an uploaded file: 400 with each problem's line, column and message.
Reply Problems(const app::IngestOutcome& outcome) {
  Json problems = Json::array();
  for (const diag::Diagnostic& d : outcome.diagnostics) {
    Json p{{"message", Spelled(d.message)}};
    if (d.file != nullptr) {
      const Location position = d.file->LocationOf(d.span.begin);
      p["line"] = position.line;
      p["column"] = position.column;
    }
    if (!d.help.empty()) p["help"] = d.help;
    problems.push_back(p);
  }
  Json body{{"code", "invalid_argument"},
            {"message", "the upload has problems; nothing was stored"},
            {"problems", problems}};
  return {400, Json{{"error", body}}.dump(2) + "\n"};
}

Result<Reply> Health(const Call& /*call*/) {
  return Reply{200,
               Json{{"status", "ok"}, {"version", std::string(app::Version())}}.dump(2) + "\n"};
}

Result<Reply> OpenApi(const Call& /*call*/) { return Reply{200, OpenApiJson()}; }

Result<Reply> ListProjects(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto names = call.accounts == nullptr ? (*store)->ListProjects()
                                        : app::VisibleProjects(*call.accounts, **store, call.who);
  if (!names) return Fail(names.error());
  return Reply{200, Json{{"projects", *names}}.dump(2) + "\n"};
}

Result<Reply> CreateProject(const Call& call) {
  auto name = Required(call, "name");
  if (!name) return Fail(name.error());
  if (call.accounts != nullptr) {
    // Its maker is its admin.
    if (Status made = call.accounts->CreateProject(*name, call.who.user); !made) {
      return Fail(made.error());
    }
    return Reply{201, Json{{"project", *name}}.dump(2) + "\n"};
  }
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status made = (*store)->CreateProject(*name); !made) return Fail(made.error());
  return Reply{201, Json{{"project", *name}}.dump(2) + "\n"};
}

Result<Reply> ListEvalSets(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto sets = app::ListEvalSets(**store);
  if (!sets) return Fail(sets.error());
  return Reply{200, report::RenderEvalSetsJson(*sets)};
}

Result<Reply> AddEvalSet(const Call& call) {
  app::EvalSetAddOptions o;
  for (auto [field, name] : {std::pair{&o.name, "name"}, std::pair{&o.id_column, "id"},
                             std::pair{&o.label_column, "label"}}) {
    auto value = Required(call, name);
    if (!value) return Fail(value.error());
    *field = *value;
  }
  o.slice_columns = Params(call, "slice");
  o.task = Param(call, "task");
  o.positive = Param(call, "positive");
  o.file = call.upload->name;
  o.content = std::move(call.upload->bytes);
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  const SystemClock clock;
  auto outcome = app::AddEvalSet(**store, o, clock);
  if (!outcome) return Fail(outcome.error());
  if (!outcome->stored()) return Problems(*outcome);
  return Reply{201, report::RenderEvalSetsJson({*outcome->evalset})};
}

// Which runs a listing asks for (evalset, method, tag=KEY=VALUE..., offset) and the size of
// its page (limit), which app::ListRunPage checks.
struct RunQuery {
  store::RunFilter filter;
  std::optional<int64_t> limit;
};
Result<RunQuery> RunQueryOf(const Call& call) {
  RunQuery query;
  store::RunFilter& filter = query.filter;
  filter.evalset = Param(call, "evalset");
  filter.method = Param(call, "method");
  auto tags = Pairs(call, "tag");
  if (!tags) return Fail(tags.error());
  filter.tags = std::move(*tags);
  auto offset = IntParam(call, "offset");
  if (!offset) return Fail(offset.error());
  if (*offset && **offset < 0) {
    return Fail(
        Error(ErrorCode::kInvalidArgument, "the query parameter 'offset' must not be negative")
            .WithField("offset"));
  }
  if (*offset) filter.offset = static_cast<size_t>(**offset);
  auto limit = IntParam(call, "limit");
  if (!limit) return Fail(limit.error());
  query.limit = *limit;
  return query;
}

Result<Reply> ListRuns(const Call& call) {
  auto query = RunQueryOf(call);
  if (!query) return Fail(query.error());
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto page = app::ListRunPage(**store, query->filter, query->limit);
  if (!page) return Fail(page.error());
  return Reply{200, report::RenderRunPageJson(page->runs, page->next_offset)};
}

Result<Reply> AddRun(const Call& call) {
  app::RunAddOptions o;
  for (auto [field, name] : {std::pair{&o.name, "name"}, std::pair{&o.evalset, "evalset"}}) {
    auto value = Required(call, name);
    if (!value) return Fail(value.error());
    *field = *value;
  }
  if (auto id = Param(call, "id")) o.id_column = *id;
  o.score_column = Param(call, "score");
  o.proba_prefix = Param(call, "proba_prefix");
  o.value_column = Param(call, "value");
  o.method = Param(call, "method").value_or("");
  auto train_size = IntParam(call, "train_size");
  if (!train_size) return Fail(train_size.error());
  o.train_size = *train_size;
  auto params = Pairs(call, "param");
  if (!params) return Fail(params.error());
  o.params = std::move(*params);
  auto tags = Pairs(call, "tag");
  if (!tags) return Fail(tags.error());
  o.tags = std::move(*tags);
  o.predictions_file = call.upload->name;
  o.content = std::move(call.upload->bytes);
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  const SystemClock clock;
  auto outcome = app::AddRun(**store, o, clock);
  if (!outcome) return Fail(outcome.error());
  if (!outcome->stored()) return Problems(*outcome);
  return Reply{201, report::RenderRunsJson({*outcome->run})};
}

Result<Reply> DeleteRun(const Call& call) {
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status deleted = app::DeleteRun(**store, call.captures[1]); !deleted) {
    return Fail(deleted.error());
  }
  return Reply{200, Json{{"deleted", call.captures[1]}}.dump(2) + "\n"};
}

Result<app::EvidenceOptions> EvidenceOf(const Call& call);

Result<Reply> Evaluate(const Call& call) {
  auto evidence = EvidenceOf(call);
  if (!evidence) return Fail(evidence.error());
  const app::EvidenceOptions& o = *evidence;
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto result =
      app::Evaluate(**store, Params(call, "run"), o, Param(call, "slices") == "true", std::nullopt);
  if (!result) return Fail(result.error());
  return Reply{200, report::RenderEvalJson(*result, o.confidence)};
}

// The accounts a route needs; a 412 on a server without them.
Result<store::Accounts*> NeedAccounts(const Call& call) {
  if (call.accounts == nullptr) {
    return Fail(ErrorCode::kFailedPrecondition,
                "this server runs without accounts (--no-auth): there are no users, tokens or "
                "members to manage");
  }
  return call.accounts;
}

Result<std::string> JsonText(const Call& call, const char* name, bool required) {
  if (!call.json.contains(name)) {
    if (!required) return std::string();
    return Fail(
        Error(ErrorCode::kInvalidArgument, fmt::format("the JSON body needs the field '{}'", name))
            .WithField(name));
  }
  if (!call.json[name].is_string()) {
    return Fail(Error(ErrorCode::kInvalidArgument, fmt::format("'{}' must be a string", name))
                    .WithField(name));
  }
  return call.json[name].get<std::string>();
}

std::string TokenJson(const app::IssuedToken& issued) {
  return Json{{"token", issued.secret},
              {"id", issued.token.id},
              {"user", issued.token.user},
              {"label", issued.token.label},
              {"expires_at", issued.token.expires_at}}
             .dump(2) +
         "\n";
}

Result<Reply> Login(const Call& call) {
  auto accounts = NeedAccounts(call);
  if (!accounts) return Fail(accounts.error());
  auto user = JsonText(call, "user", true);
  if (!user) return Fail(user.error());
  auto password = JsonText(call, "password", true);
  if (!password) return Fail(password.error());
  auto label = JsonText(call, "label", false);
  if (!label) return Fail(label.error());
  int days = app::kDefaultTokenDays;
  if (call.json.contains("days")) {
    if (!call.json["days"].is_number_integer()) {
      return Fail(
          Error(ErrorCode::kInvalidArgument, "'days' must be a whole number").WithField("days"));
    }
    const auto value = call.json["days"].get<int64_t>();
    days = value < 0 || value > app::kMaxTokenDays ? -1 : static_cast<int>(value);
  }
  const SystemClock clock;
  auto issued = app::Login(**accounts, *user, *password, *label, days, clock);
  if (!issued) return Fail(issued.error());
  return Reply{201, TokenJson(*issued)};
}

Result<Reply> RevokeOwnToken(const Call& call) {
  auto accounts = NeedAccounts(call);
  if (!accounts) return Fail(accounts.error());
  const std::string& id = call.captures[0];
  auto found = (*accounts)->FindToken(id);
  if (!found) return Fail(found.error());
  // Someone else's token is "not found" to a user who is no administrator.
  if (!*found || (!call.who.admin && (*found)->token.user != call.who.user)) {
    return Fail(ErrorCode::kNotFound, fmt::format("no token '{}' of yours", id));
  }
  const SystemClock clock;
  if (Status revoked = app::RevokeToken(**accounts, id, call.who.user, clock); !revoked) {
    return Fail(revoked.error());
  }
  return Reply{200, Json{{"revoked", id}}.dump(2) + "\n"};
}

Result<Reply> Me(const Call& call) {
  return Reply{200, Json{{"user", call.who.user},
                         {"admin", call.who.admin},
                         {"accounts", call.accounts != nullptr}}
                            .dump(2) +
                        "\n"};
}

std::string MembersJson(const std::vector<core::Member>& members) {
  Json list = Json::array();
  for (const core::Member& m : members) {
    list.push_back(Json{{"user", m.user}, {"role", std::string(core::ProjectRoleName(m.role))}});
  }
  return Json{{"members", list}}.dump(2) + "\n";
}

Result<Reply> ListMembers(const Call& call) {
  auto accounts = NeedAccounts(call);
  if (!accounts) return Fail(accounts.error());
  auto members = (*accounts)->ListMembers(call.captures[0]);
  if (!members) return Fail(members.error());
  return Reply{200, MembersJson(*members)};
}

Result<Reply> SetMember(const Call& call, std::optional<core::ProjectRole> role) {
  auto accounts = NeedAccounts(call);
  if (!accounts) return Fail(accounts.error());
  const SystemClock clock;
  if (Status set = app::SetMemberRole(**accounts, call.captures[0], call.captures[1], role,
                                      call.who.user, clock);
      !set) {
    return Fail(set.error());
  }
  auto members = (*accounts)->ListMembers(call.captures[0]);
  if (!members) return Fail(members.error());
  return Reply{200, MembersJson(*members)};
}

Result<Reply> PutMember(const Call& call) {
  auto name = Required(call, "role");
  if (!name) return Fail(name.error());
  const auto role = core::ParseProjectRole(*name);
  if (!role) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("unknown role '{}'; the roles are viewer, contributor, "
                                  "maintainer and admin",
                                  *name))
                    .WithField("role"));
  }
  return SetMember(call, role);
}

Result<Reply> RemoveMember(const Call& call) { return SetMember(call, std::nullopt); }

Result<Reply> ProjectAudit(const Call& call) {
  auto accounts = NeedAccounts(call);
  if (!accounts) return Fail(accounts.error());
  auto limit = IntParam(call, "limit");
  if (!limit) return Fail(limit.error());
  if (*limit && **limit < 0) {
    return Fail(
        Error(ErrorCode::kInvalidArgument, "the query parameter 'limit' must not be negative")
            .WithField("limit"));
  }
  auto entries =
      (*accounts)->ListAudit(call.captures[0], *limit ? static_cast<size_t>(**limit) : size_t{100});
  if (!entries) return Fail(entries.error());
  Json list = Json::array();
  for (const core::AuditEntry& e : *entries) {
    list.push_back(Json{{"at", e.at},
                        {"user", e.user},
                        {"action", e.action},
                        {"project", e.project},
                        {"target", e.target},
                        {"status", e.status}});
  }
  return Reply{200, Json{{"entries", list}}.dump(2) + "\n"};
}

Result<Reply> RenameItem(const Call& call, bool run) {
  auto to = Required(call, "to");
  if (!to) return Fail(to.error());
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  const Status renamed = run ? app::RenameRun(**store, call.captures[1], *to)
                             : app::RenameEvalSet(**store, call.captures[1], *to);
  if (!renamed) return Fail(renamed.error());
  return Reply{200, Json{{"renamed", call.captures[1]}, {"to", *to}}.dump(2) + "\n"};
}

Result<Reply> RenameRun(const Call& call) { return RenameItem(call, true); }

Result<Reply> RunPredictions(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto predictions = app::ExportRun(**store, call.captures[1]);
  if (!predictions) return Fail(predictions.error());
  return Reply{200, report::RenderPredictionsCsv(*predictions), "text/csv"};
}
Result<Reply> RenameEvalSet(const Call& call) { return RenameItem(call, false); }

Result<Reply> DeleteEvalSet(const Call& call) {
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  const bool with_runs = Param(call, "with_runs") == "true";
  if (Status deleted = app::DeleteEvalSet(**store, call.captures[1], with_runs); !deleted) {
    return Fail(deleted.error());
  }
  return Reply{200, Json{{"deleted", call.captures[1]}}.dump(2) + "\n"};
}

// The evidence options the measuring routes share: metric, resamples, seed.
Result<app::EvidenceOptions> EvidenceOf(const Call& call) {
  app::EvidenceOptions o;
  o.metrics = Params(call, "metric");
  o.executor = call.executor;
  auto resamples = IntParam(call, "resamples");
  if (!resamples) return Fail(resamples.error());
  if (*resamples) {
    if (**resamples < 1 || **resamples > 100000) {
      return Fail(Error(ErrorCode::kInvalidArgument, "resamples must be between 1 and 100000")
                      .WithField("resamples"));
    }
    o.resamples = static_cast<size_t>(**resamples);
  }
  auto seed = IntParam(call, "seed");
  if (!seed) return Fail(seed.error());
  if (*seed) o.seed = static_cast<uint64_t>(**seed);
  return o;
}

Result<Reply> CompareRuns(const Call& call) {
  auto a = Required(call, "a");
  if (!a) return Fail(a.error());
  const std::vector<std::string> b = Params(call, "b");
  if (b.empty()) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      "give the runs to compare with a: b=RUN, repeated for several")
                    .WithField("b"));
  }
  auto o = EvidenceOf(call);
  if (!o) return Fail(o.error());
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto result = app::Compare(**store, *a, b, *o, std::nullopt);
  if (!result) return Fail(result.error());
  return Reply{200, report::RenderCompareJson(*result, o->confidence)};
}

Result<Reply> History(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto versions = app::CriteriaHistory(**store);
  if (!versions) return Fail(versions.error());
  return Reply{200, report::RenderHistoryJson(*versions)};
}

Result<std::optional<double>> DoubleParam(const Call& call, const char* name) {
  auto text = Param(call, name);
  if (!text) return std::optional<double>();
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || end == nullptr || *end != '\0' || !std::isfinite(value)) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("the query parameter '{}' must be a finite number, not '{}'",
                                  name, *text))
                    .WithField(name));
  }
  return std::optional<double>(value);
}

Result<Reply> Forecast(const Call& call) {
  auto method = Required(call, "method");
  if (!method) return Fail(method.error());
  app::ForecastSettings settings;
  for (const std::string& at : Params(call, "at")) {
    char* end = nullptr;
    const double size = std::strtod(at.c_str(), &end);
    if (at.empty() || *end != '\0' || !std::isfinite(size) || size <= 0) {
      return Fail(Error(ErrorCode::kInvalidArgument,
                        fmt::format("'at' must be a training size above 0, not '{}'", at))
                      .WithField("at"));
    }
    settings.at.push_back(size);
  }
  auto target = DoubleParam(call, "target");
  if (!target) return Fail(target.error());
  settings.target = *target;
  auto band = DoubleParam(call, "band");
  if (!band) return Fail(band.error());
  if (*band) {
    if (**band < 0.5 || **band > 0.99) {
      return Fail(Error(ErrorCode::kInvalidArgument, "band must be between 0.5 and 0.99")
                      .WithField("band"));
    }
    settings.band = **band;
  }
  if (auto lower = Param(call, "lower_is_better")) settings.higher_is_better = *lower != "true";
  auto o = EvidenceOf(call);
  if (!o) return Fail(o.error());
  o->resamples = Param(call, "resamples") ? o->resamples : app::kCurveResamples;
  auto tags = Pairs(call, "tag");
  if (!tags) return Fail(tags.error());
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  std::optional<std::string> metric;
  if (!o->metrics.empty()) metric = o->metrics.front();
  auto outcome = app::ForecastFromMethod(**store, *method, metric,
                                         {.evalset = Param(call, "evalset"), .tags = *tags},
                                         settings, *o, std::nullopt);
  if (!outcome) return Fail(outcome.error());
  if (!outcome->forecast) {
    return Fail(ErrorCode::kInvalidArgument, "the method's runs give no forecast");
  }
  return Reply{200, report::RenderForecastJson(*outcome->forecast)};
}

// The store protocol (store/remote/wire.hpp): the data routes the CLI's remote mode reads and
// writes through, one Store method each, on the project of the path.

Reply Data(std::string document, int status = 200) { return Reply{status, std::move(document)}; }

// The audit entry of a write whose item is named in its body, not its query.
void NameInAudit(const Call& call, const std::string& name) {
  if (call.audit) call.audit->target += " name=" + name;
}

// The project and what the caller may do in it: a Store over HTTP opens with this.
Result<Reply> DataHello(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  // The role admitted with (no accounts: everyone administers).
  const core::ProjectRole role = call.role.value_or(core::ProjectRole::kAdmin);
  const bool writable =
      core::Permits(role, core::ProjectRole::kContributor) && !(*store)->ReadOnly();
  return Reply{200, Json{{"project", call.captures[0]},
                         {"role", std::string(core::ProjectRoleName(role))},
                         {"writable", writable}}
                            .dump(2) +
                        "\n"};
}

Result<Reply> DataEvalSets(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto sets = (*store)->ListEvalSets();
  if (!sets) return Fail(sets.error());
  return Data(store::wire::EncodeEvalSetInfos(*sets));
}

Result<Reply> DataEvalSet(const Call& call) {
  auto name = Required(call, "name");
  if (!name) return Fail(name.error());
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto set = (*store)->GetEvalSet(*name, Param(call, "ids") != "false");
  if (!set) return Fail(set.error());
  return Data(store::wire::EncodeEvalSet(*set));
}

Result<Reply> DataPutEvalSet(const Call& call) {
  auto set = store::wire::DecodeEvalSet(call.data);
  if (!set) return Fail(set.error());
  NameInAudit(call, set->name);
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status added = (*store)->AddEvalSet(*set); !added) return Fail(added.error());
  return Data(Json{{"stored", set->name}}.dump() + "\n", 201);
}

Result<Reply> DataDeleteEvalSet(const Call& call) {
  auto name = Required(call, "name");
  if (!name) return Fail(name.error());
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status deleted = (*store)->DeleteEvalSet(*name, Param(call, "with_runs") == "true");
      !deleted) {
    return Fail(deleted.error());
  }
  return Data(Json{{"deleted", *name}}.dump() + "\n");
}

Result<Reply> DataRename(const Call& call, bool run) {
  auto name = Required(call, "name");
  if (!name) return Fail(name.error());
  auto to = Required(call, "to");
  if (!to) return Fail(to.error());
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  const Status renamed =
      run ? (*store)->RenameRun(*name, *to) : (*store)->RenameEvalSet(*name, *to);
  if (!renamed) return Fail(renamed.error());
  return Data(Json{{"renamed", *name}, {"to", *to}}.dump() + "\n");
}

Result<Reply> DataRenameEvalSet(const Call& call) { return DataRename(call, false); }
Result<Reply> DataRenameRun(const Call& call) { return DataRename(call, true); }

Result<Reply> DataRuns(const Call& call) {
  auto query = RunQueryOf(call);
  if (!query) return Fail(query.error());
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto page = app::ListRunPage(**store, query->filter, query->limit);
  if (!page) return Fail(page.error());
  return Data(store::wire::EncodeRunPage(*page));
}

Result<Reply> DataRun(const Call& call) {
  auto name = Required(call, "name");
  if (!name) return Fail(name.error());
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto run = (*store)->GetRun(*name);
  if (!run) return Fail(run.error());
  return Data(store::wire::EncodeRun(*run));
}

Result<Reply> DataPutRun(const Call& call) {
  auto run = store::wire::DecodeRun(call.data);
  if (!run) return Fail(run.error());
  NameInAudit(call, run->name);
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status added = (*store)->AddRun(*run); !added) return Fail(added.error());
  return Data(Json{{"stored", run->name}}.dump() + "\n", 201);
}

Result<Reply> DataDeleteRun(const Call& call) {
  auto name = Required(call, "name");
  if (!name) return Fail(name.error());
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status deleted = (*store)->DeleteRun(*name); !deleted) return Fail(deleted.error());
  return Data(Json{{"deleted", *name}}.dump() + "\n");
}

Result<Reply> DataPutBundle(const Call& call) {
  auto bundle = store::wire::DecodeBundle(call.data);
  if (!bundle) return Fail(bundle.error());
  NameInAudit(call, bundle->evalset.name);
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status added = (*store)->AddEvalSetWithRuns(bundle->evalset, bundle->runs); !added) {
    return Fail(added.error());
  }
  return Data(Json{{"stored", bundle->evalset.name}}.dump() + "\n", 201);
}

Result<Reply> DataCriteria(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto versions = (*store)->ListCriteria();
  if (!versions) return Fail(versions.error());
  return Data(store::wire::EncodeCriteria(*versions));
}

Result<Reply> DataRecordCriteria(const Call& call) {
  auto version = store::wire::DecodeCriteriaVersion(call.data);
  if (!version) return Fail(version.error());
  if (!*version) {
    return Fail(Error(ErrorCode::kInvalidArgument, "the body must hold one criteria version")
                    .WithField("versions"));
  }
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  auto previous = (*store)->RecordCriteria(**version);
  if (!previous) return Fail(previous.error());
  return Data(store::wire::EncodeCriteriaVersion(*previous));
}

Result<Reply> DataPlanEvents(const Call& call) {
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto events = (*store)->ListPlanEvents();
  if (!events) return Fail(events.error());
  return Data(store::wire::EncodePlanEvents(*events));
}

Result<Reply> DataAddPlanEvents(const Call& call) {
  auto events = store::wire::DecodePlanEvents(call.data);
  if (!events) return Fail(events.error());
  auto store = Open(call, store::Access::kWrite);
  if (!store) return Fail(store.error());
  if (Status added = (*store)->AddPlanEvents(*events); !added) return Fail(added.error());
  return Data(Json{{"stored", events->size()}}.dump() + "\n", 201);
}

Result<Reply> DataCache(const Call& call) {
  auto key = Required(call, "key");
  if (!key) return Fail(key.error());
  auto store = Open(call, store::Access::kRead);
  if (!store) return Fail(store.error());
  auto values = (*store)->GetCachedResults(*key, Params(call, "run"));
  if (!values) return Fail(values.error());
  return Data(store::wire::EncodeCacheValues(*values));
}

Result<Reply> CheckPostedCharter(const Call& call) {
  const std::string name = Param(call, "name").value_or("foresight.yaml");
  const core::CheckResult result = app::CheckCharterText(name, call.text);
  return Reply{200, report::RenderCheckJson(result)};
}

const std::vector<Route>& RouteTable() {
  using P = Permission;
  static const std::vector<Route> routes = {
      {{"get", "/api/v1/health", "The server's state and version", {}, false, P::kPublic}, Health},
      {{"get",
        "/api/v1/openapi.json",
        "This description of the API (OpenAPI 3)",
        {},
        false,
        P::kPublic},
       OpenApi},
      {{"post",
        "/api/v1/tokens",
        "A new token for the user of a JSON body {user, password, label?, days?}; shown once",
        {},
        false,
        P::kPublic,
        true},
       Login,
       true},
      {{"delete", "/api/v1/tokens/{token}", "Revokes one of your tokens", {}, false, P::kUser},
       RevokeOwnToken,
       true},
      {{"get", "/api/v1/me", "Who the token belongs to", {}, false, P::kUser}, Me},
      {{"get",
        "/api/v1/projects",
        "The projects you are a member of, in the order they were created",
        {},
        false,
        P::kUser},
       ListProjects},
      {{"post",
        "/api/v1/projects",
        "Creates an empty project; its maker is its admin",
        {"name"},
        false,
        P::kUser},
       CreateProject},
      {{"get",
        "/api/v1/projects/{project}/members",
        "The project's members and their roles",
        {},
        false,
        P::kViewer},
       ListMembers},
      {{"put",
        "/api/v1/projects/{project}/members/{user}",
        "Gives a user a role in the project (viewer, contributor, maintainer, admin)",
        {"role"},
        false,
        P::kAdmin},
       PutMember,
       true},
      {{"delete",
        "/api/v1/projects/{project}/members/{user}",
        "Takes a user's role in the project away",
        {},
        false,
        P::kAdmin},
       RemoveMember,
       true},
      {{"get",
        "/api/v1/projects/{project}/audit",
        "The project's audit log: who wrote what, when (the newest `limit`, 100 unless given)",
        {"limit"},
        false,
        P::kAdmin},
       ProjectAudit},
      {{"get",
        "/api/v1/projects/{project}/evalsets",
        "The project's evaluation sets",
        {},
        false,
        P::kViewer},
       ListEvalSets},
      {{"post",
        "/api/v1/projects/{project}/evalsets",
        "Stores an evaluation set from the CSV or JSON Lines body (as `foresight evalset add`)",
        {"name", "id", "label", "slice", "task", "positive"},
        true,
        P::kContributor},
       AddEvalSet},
      {{"delete",
        "/api/v1/projects/{project}/evalsets/{evalset}",
        "Deletes an evaluation set; with with_runs=true, its runs too",
        {"with_runs"},
        false,
        P::kMaintainer},
       DeleteEvalSet},
      {{"post",
        "/api/v1/projects/{project}/evalsets/{evalset}/rename",
        "Renames an evaluation set",
        {"to"},
        false,
        P::kMaintainer},
       RenameEvalSet},
      {{"get",
        "/api/v1/projects/{project}/runs",
        "The project's runs, in the order they were added: those on an evaluation set, of a "
        "method, with tags (tag=KEY=VALUE), a page of them (limit, 1,000 unless asked, at "
        "most 10,000; next_offset says where the next page starts)",
        {"evalset", "method", "tag", "limit", "offset"},
        false,
        P::kViewer},
       ListRuns},
      {{"post",
        "/api/v1/projects/{project}/runs",
        "Stores a run's predictions from the CSV or JSON Lines body (as `foresight run add`)",
        {"name", "evalset", "id", "score", "proba_prefix", "value", "method", "train_size", "param",
         "tag"},
        true,
        P::kContributor},
       AddRun},
      {{"delete",
        "/api/v1/projects/{project}/runs/{run}",
        "Deletes a run",
        {},
        false,
        P::kMaintainer},
       DeleteRun},
      {{"get",
        "/api/v1/projects/{project}/runs/{run}/predictions",
        "A run's stored predictions as CSV (as `foresight run export`; POST /runs reads it)",
        {},
        false,
        P::kViewer},
       RunPredictions},
      {{"post",
        "/api/v1/projects/{project}/runs/{run}/rename",
        "Renames a run",
        {"to"},
        false,
        P::kMaintainer},
       RenameRun},
      {{"get",
        "/api/v1/projects/{project}/eval",
        "Metrics of runs with confidence intervals (as `foresight eval --format json`)",
        {"run", "metric", "resamples", "seed", "slices"},
        false,
        P::kViewer},
       Evaluate},
      {{"get",
        "/api/v1/projects/{project}/compare",
        "Paired comparison of runs b against run a (as `foresight compare --format json`)",
        {"a", "b", "metric", "resamples", "seed"},
        false,
        P::kViewer},
       CompareRuns},
      {{"get",
        "/api/v1/projects/{project}/history",
        "How the project's success criteria changed (as `foresight history --format json`)",
        {},
        false,
        P::kViewer},
       History},
      {{"get",
        "/api/v1/projects/{project}/forecast",
        "The learning-curve forecast of a method's runs (as `foresight forecast --method`)",
        {"method", "metric", "evalset", "tag", "at", "target", "band", "lower_is_better",
         "resamples", "seed"},
        false,
        P::kViewer},
       Forecast},
      {{"get",
        "/api/v1/projects/{project}/data",
        "Store protocol: the project, your role in it and whether you may write",
        {},
        false,
        P::kViewer},
       DataHello},
      {{"get",
        "/api/v1/projects/{project}/data/evalsets",
        "Store protocol: the project's evaluation sets, without their columns",
        {},
        false,
        P::kViewer},
       DataEvalSets},
      {{"get",
        "/api/v1/projects/{project}/data/evalset",
        "Store protocol: one evaluation set, whole (without its ids when ids=false)",
        {"name", "ids"},
        false,
        P::kViewer},
       DataEvalSet},
      {{"put",
        "/api/v1/projects/{project}/data/evalset",
        "Store protocol: stores the evaluation set of the body",
        {},
        false,
        P::kContributor,
        false,
        false,
        true},
       DataPutEvalSet},
      {{"delete",
        "/api/v1/projects/{project}/data/evalset",
        "Store protocol: deletes an evaluation set (with_runs=true: its runs too)",
        {"name", "with_runs"},
        false,
        P::kMaintainer},
       DataDeleteEvalSet},
      {{"post",
        "/api/v1/projects/{project}/data/evalset/rename",
        "Store protocol: renames an evaluation set",
        {"name", "to"},
        false,
        P::kMaintainer},
       DataRenameEvalSet},
      {{"get",
        "/api/v1/projects/{project}/data/runs",
        "Store protocol: the project's runs without their predictions, filtered and paged",
        {"evalset", "method", "tag", "limit", "offset"},
        false,
        P::kViewer},
       DataRuns},
      {{"get",
        "/api/v1/projects/{project}/data/run",
        "Store protocol: one run with its predictions",
        {"name"},
        false,
        P::kViewer},
       DataRun},
      {{"put",
        "/api/v1/projects/{project}/data/run",
        "Store protocol: stores the run of the body",
        {},
        false,
        P::kContributor,
        false,
        false,
        true},
       DataPutRun},
      {{"delete",
        "/api/v1/projects/{project}/data/run",
        "Store protocol: deletes a run",
        {"name"},
        false,
        P::kMaintainer},
       DataDeleteRun},
      {{"post",
        "/api/v1/projects/{project}/data/run/rename",
        "Store protocol: renames a run",
        {"name", "to"},
        false,
        P::kMaintainer},
       DataRenameRun},
      {{"put",
        "/api/v1/projects/{project}/data/bundle",
        "Store protocol: stores an evaluation set and runs on it together (a probe's)",
        {},
        false,
        P::kContributor,
        false,
        false,
        true},
       DataPutBundle},
      {{"get",
        "/api/v1/projects/{project}/data/criteria",
        "Store protocol: every version of the success criteria the project has seen",
        {},
        false,
        P::kViewer},
       DataCriteria},
      {{"post",
        "/api/v1/projects/{project}/data/criteria",
        "Store protocol: records the charter's criteria version (a change of the project's "
        "success criteria); answers the version recorded before",
        {},
        false,
        P::kMaintainer,
        false,
        false,
        true},
       DataRecordCriteria,
       true},
      {{"get",
        "/api/v1/projects/{project}/data/plan-events",
        "Store protocol: the plan ledger's events",
        {},
        false,
        P::kViewer},
       DataPlanEvents},
      {{"post",
        "/api/v1/projects/{project}/data/plan-events",
        "Store protocol: appends plan ledger events",
        {},
        false,
        P::kContributor,
        false,
        false,
        true},
       DataAddPlanEvents},
      {{"get",
        "/api/v1/projects/{project}/data/cache",
        "Store protocol: the server's cached results under key of each run named",
        {"key", "run"},
        false,
        P::kViewer},
       DataCache},
      {{"post",
        "/api/v1/check",
        "Checks the charter in the body (YAML), as `foresight check --format json`",
        {"name"},
        false,
        P::kUser,
        false,
        true},
       CheckPostedCharter},
  };
  return routes;
}

// "/api/v1/projects/{project}/runs" as a regular expression capturing each {name}.
std::string PatternOf(std::string_view path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '{') {
      i = path.find('}', i) + 1;
      out += "([^/]+)";
    } else {
      if (std::string_view(".+*?()[]^$|\\").find(path[i]) != std::string_view::npos) out += '\\';
      out += path[i++];
    }
  }
  return out;
}

// How a route that reads a body receives it: streamed from the connection, or from bytes.
using Receive = std::function<Result<Upload>()>;

// What every request of one server shares.
struct Context {
  std::string store_url;
  Executor* executor = nullptr;
  bool accounts = true;  // false: --no-auth
};

// The largest JSON body a route reads (a login), and the largest text (a charter; the check
// itself says when one is over the charter limit).
constexpr size_t kMaxJsonBody = size_t{64} << 10U;
constexpr size_t kMaxTextBody = size_t{4} << 20U;

// The token of "Authorization: Bearer <token>", or a 401 saying what is missing.
Result<std::string> BearerToken(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kScheme = "bearer ";
  std::string scheme = header.substr(0, kScheme.size());
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (header.empty() || scheme != kScheme) {
    return Fail(ErrorCode::kUnauthenticated,
                "this needs a token: send the header 'Authorization: Bearer fst_...'; log in with "
                "POST /api/v1/tokens, or ask an administrator (`foresight admin token create`)");
  }
  return header.substr(kScheme.size());
}

core::ProjectRole RoleFor(Permission permission) {
  switch (permission) {
    case Permission::kContributor:
      return core::ProjectRole::kContributor;
    case Permission::kMaintainer:
      return core::ProjectRole::kMaintainer;
    case Permission::kAdmin:
      return core::ProjectRole::kAdmin;
    default:
      return core::ProjectRole::kViewer;
  }
}

// Who asks, checked against the route's permission: fills call.who and call.accounts.
Status Admit(const Route& route, const Context& context, Call& call,
             std::unique_ptr<store::Accounts>& accounts) {
  const Permission needed = route.info.permission;
  if (!context.accounts) {
    call.who = {"(no accounts)", true};
    return {};
  }
  const bool writes = route.info.method != "get";
  if (needed != Permission::kPublic || writes || route.info.json) {
    auto opened = store::OpenAccounts(call.store_url, store::Access::kWrite);
    if (!opened) return Fail(opened.error());
    accounts = std::move(*opened);
    call.accounts = accounts.get();
  }
  if (needed == Permission::kPublic) return {};
  auto token = BearerToken(call.request);
  if (!token) return Fail(token.error());
  const SystemClock clock;
  // A project's route: the user's role there is read with the token, in one round trip.
  const bool in_project = needed != Permission::kUser && !call.captures.empty();
  auto who = app::Authenticate(
      *accounts, *token, clock,
      in_project ? std::optional<std::string_view>(call.captures[0]) : std::nullopt);
  if (!who) return Fail(who.error());
  call.who = *who;
  if (needed == Permission::kUser) return {};
  auto held = app::Authorize(*accounts, call.who, call.captures[0], RoleFor(needed));
  if (!held) return Fail(held.error());
  call.role = *held;
  return {};
}

// Records a write in the audit log: who, the route, its project and path, and how it ended.
bool Audited(const Route& route, const Call& call) {
  return call.accounts != nullptr && !call.who.user.empty() && route.info.method != "get" &&
         !route.audits_itself && !route.info.text;
}

// The audit entry of a write: who, the route, its project, its path with the item's name.
core::AuditEntry AuditEntryOf(const Route& route, const Call& call, int status) {
  core::AuditEntry e;
  const SystemClock clock;
  e.at = clock.NowIso8601();
  e.user = call.who.user;
  std::string method(route.info.method);
  for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  e.action = method + " " + std::string(route.info.path);
  e.project = route.info.path.find("{project}") != std::string_view::npos && !call.captures.empty()
                  ? call.captures[0]
                  : "";
  e.target = call.request.path;
  if (auto name = Param(call, "name")) e.target += " name=" + *name;
  if (auto to = Param(call, "to")) e.target += " to=" + *to;
  e.status = status;
  return e;
}

// The status a write route answers when it succeeds: 201 for what it makes, else 200.
int SuccessStatus(const Route& route) {
  const bool makes = (route.info.method == "post" && !route.info.path.ends_with("/rename")) ||
                     (route.info.method == "put" && route.info.data);
  return makes ? 201 : 200;
}

// Records a write that was refused, or that did not go through a Store (whose transaction
// would have recorded it with the write itself).
void AuditWrite(const Route& route, const Call& call, int status) {
  if (!Audited(route, call) || call.audit_written) return;
  const core::AuditEntry e = AuditEntryOf(route, call, status);
  // The write is done (or refused) whatever happens here; a log that cannot be written is
  // said on the server's error output, without the request's secrets.
  if (Status appended = call.accounts->AppendAudit(e); !appended) {
    fmt::print(stderr, "foresight: the audit log could not record {} by '{}': {}\n", e.action,
               e.user, appended.error().message());
  }
}

// The error with the server's own file names replaced: a client is told "the store", never
// where the server keeps it on its disk.
Error WithoutServerPaths(const Error& error, const std::string& store_url) {
  std::string path = store_url;
  if (path.starts_with("sqlite:")) path.erase(0, 7);
  if (path.find("://") != std::string::npos || path.empty()) return error;
  std::string message = error.message();
  for (const std::string& shown : {"'" + path + "'", path}) {
    for (size_t at = message.find(shown); at != std::string::npos; at = message.find(shown, at)) {
      message.replace(at, shown.size(), "the store");
    }
  }
  Error out(error.code(), message);
  if (!error.field().empty()) return std::move(out).WithField(error.field());
  return out;
}

// Serves one request matched to `route`, whichever door it came through (the network, or
// HandleDirect): its text checked, who asks admitted, its body received when the route reads
// one, the handler run, the write audited; a failure, or an exception, becomes the error JSON
// with its status.
Reply Dispatch(const Route& route, const httplib::Request& request, const Context& context,
               const Receive& receive, std::string_view json_body) {
  Call call{request, {}, context.store_url, context.executor};
  for (size_t i = 1; i < request.matches.size(); ++i) {
    call.captures.push_back(request.matches[i].str());
  }
  std::unique_ptr<store::Accounts> accounts;
  bool admitted = false;
  Result<Reply> reply = [&]() -> Result<Reply> {
    try {
      if (Status text = CheckUtf8(request, call.captures); !text) return Fail(text.error());
      Status admit = Admit(route, context, call, accounts);
      admitted = admit.has_value() || admit.error().code() == ErrorCode::kPermissionDenied;
      if (!admit) return Fail(admit.error());
      if (route.info.json) {
        if (json_body.size() > kMaxJsonBody) {
          return Fail(ErrorCode::kResourceExhausted,
                      fmt::format("the JSON body is larger than {} KiB", kMaxJsonBody >> 10U));
        }
        call.json = Json::parse(json_body, nullptr, false);
        if (!call.json.is_object()) {
          return Fail(ErrorCode::kInvalidArgument, "the body must be a JSON object");
        }
      }
      if (route.info.text) {
        if (json_body.size() > kMaxTextBody) {
          return Fail(ErrorCode::kResourceExhausted,
                      fmt::format("the body is larger than {} MiB", kMaxTextBody >> 20U));
        }
        call.text = std::string(json_body);
      }
      if (route.info.data) call.data = json_body;
      if (Audited(route, call)) call.audit = AuditEntryOf(route, call, SuccessStatus(route));
      if (route.info.body) {
        auto received = receive();
        if (!received) return Fail(received.error());
        call.upload = std::move(*received);
      }
      return route.handler(call);
    } catch (const std::exception& e) {
      return Fail(ErrorCode::kInternal, fmt::format("internal error: {}", e.what()));
    }
  }();
  Reply out = reply ? *reply
                    : Reply{HttpStatus(reply.error().code()),
                            ErrorJson(WithoutServerPaths(reply.error(), context.store_url))};
  if (admitted) AuditWrite(route, call, out.status);
  return out;
}

}  // namespace http_api

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
      return 409;
    case ErrorCode::kFailedPrecondition:
      return 412;
    case ErrorCode::kResourceExhausted:
      return 413;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kDataLoss:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

const std::vector<RouteInfo>& Routes() {
  static const std::vector<RouteInfo> infos = [] {
    std::vector<RouteInfo> out;
    for (const http_api::Route& r : http_api::RouteTable()) out.push_back(r.info);
    return out;
  }();
  return infos;
}

std::string OpenApiJson() {
  using http_api::Json;
  Json paths = Json::object();
  for (const RouteInfo& r : Routes()) {
    Json parameters = Json::array();
    std::string_view path = r.path;
    for (size_t open = path.find('{'); open != std::string_view::npos;
         open = path.find('{', open + 1)) {
      const size_t close = path.find('}', open);
      parameters.push_back(Json{{"name", std::string(path.substr(open + 1, close - open - 1))},
                                {"in", "path"},
                                {"required", true},
                                {"schema", {{"type", "string"}}}});
    }
    for (std::string_view q : r.query) {
      parameters.push_back(Json{{"name", std::string(q)},
                                {"in", "query"},
                                {"required", false},
                                {"schema", {{"type", "string"}}}});
    }
    Json op{{"summary", std::string(r.summary)},
            {"description",
             r.permission == Permission::kPublic
                 ? std::string("Open to anyone.")
                 : fmt::format("Needs a token; role: {}.", PermissionName(r.permission))},
            {"parameters", parameters},
            {"responses",
             {{"200", {{"description", "the result, as the CLI's --format json prints it"}}},
              {"4XX", {{"description", "the request's mistake: {\"error\": {code, message}}"}}},
              {"5XX", {{"description", "a busy store (503) or damaged data (500)"}}}}}};
    if (r.permission != Permission::kPublic) {
      op["security"] = Json::array({{{"bearer", Json::array()}}});
    }
    if (r.text) {
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/yaml", {{"schema", {{"type", "string"}}}}}}}};
    }
    if (r.json) {
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    if (r.data) {
      op["requestBody"] = {
          {"required", true},
          {"description", "a document of the store protocol, as the CLI's remote mode sends"},
          {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    if (r.body) {
      op["requestBody"] = {{"required", true},
                           {"content",
                            {{"text/csv", {{"schema", {{"type", "string"}}}}},
                             {"application/x-ndjson", {{"schema", {{"type", "string"}}}}}}}};
    }
    paths[std::string(r.path)][std::string(r.method)] = op;
  }
  return Json{{"openapi", "3.0.3"},
              {"info",
               {{"title", "foresight"},
                {"version", std::string(app::Version())},
                {"description", "The team's evidence: evaluation sets, runs and their metrics"}}},
              {"components",
               {{"securitySchemes",
                 {{"bearer",
                   {{"type", "http"},
                    {"scheme", "bearer"},
                    {"bearerFormat", "fst_<id>_<secret>"}}}}}}},
              {"paths", paths}}
             .dump(2) +
         "\n";
}

DirectReply HandleDirect(const std::string& store_url, std::string_view method,
                         std::string_view target, std::string_view content_type,
                         std::string_view body, std::string_view authorization, bool accounts) {
  httplib::Request request;
  request.method = std::string(method);
  const size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) {
    httplib::detail::parse_query_text(std::string(target.substr(question + 1)), request.params);
  }
  request.set_header("Content-Type", std::string(content_type));
  if (!authorization.empty()) request.set_header("Authorization", std::string(authorization));
  std::string lower_method(method);
  for (char& c : lower_method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Measured on the calling thread: a direct call is one request at a time.
  static const std::unique_ptr<Executor> inline_executor = Executor::Inline();
  const http_api::Context context{app::StoreUrlOf(store_url), inline_executor.get(), accounts};
  for (const http_api::Route& route : http_api::RouteTable()) {
    if (route.info.method != lower_method) continue;
    const std::regex pattern(http_api::PatternOf(route.info.path));
    if (!std::regex_match(request.path, request.matches, pattern)) continue;
    const http_api::Reply reply = http_api::Dispatch(
        route, request, context, [&] { return http_api::Upload::FromBytes(request, body); }, body);
    return {reply.status, reply.json, reply.type};
  }
  return {404, http_api::ErrorJson(Error(ErrorCode::kNotFound,
                                         "no such path; GET /api/v1/openapi.json lists the API"))};
}

struct Server::Impl {
  ServeOptions options;
  http_api::Context context;
  std::unique_ptr<Executor> executor;
  std::unique_ptr<httplib::Server> http;  // an httplib::SSLServer with TLS
  int port = 0;
  socket_t listener = INVALID_SOCKET;  // the socket it listens on, once bound
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;
int Server::port() const { return impl_->port; }
void Server::Run() { impl_->http->listen_after_bind(); }
void Server::Stop() { impl_->http->stop(); }
bool Server::Tls() const { return !impl_->options.tls_cert.empty(); }
bool Server::Accounts() const { return impl_->options.accounts; }
std::string Server::StoreShown() const { return store::RedactedUrl(impl_->context.store_url); }

std::string_view PermissionName(Permission permission) {
  switch (permission) {
    case Permission::kPublic:
      return "anyone";
    case Permission::kUser:
      return "any user";
    case Permission::kViewer:
      return "viewer";
    case Permission::kContributor:
      return "contributor";
    case Permission::kMaintainer:
      return "maintainer";
    case Permission::kAdmin:
      return "admin";
  }
  return "admin";
}

Result<std::unique_ptr<Server>> Server::Start(const ServeOptions& options) {
  const bool loopback =
      options.host == "127.0.0.1" || options.host == "::1" || options.host == "localhost";
  if (!loopback && !options.accounts) {
    return Fail(Error(ErrorCode::kFailedPrecondition,
                      fmt::format("the server would listen on {}, beyond this machine, without "
                                  "accounts: anyone could read and write every project; drop "
                                  "--no-auth, or listen on 127.0.0.1",
                                  options.host))
                    .WithField("listen"));
  }
  if (!loopback && options.tls_cert.empty() && !options.behind_tls_proxy) {
    return Fail(Error(ErrorCode::kFailedPrecondition,
                      fmt::format("the server would take tokens over plain HTTP on {}, where "
                                  "anyone on the network could read them; serve HTTPS "
                                  "(--tls-cert and --tls-key), or say that a TLS-terminating "
                                  "proxy is in front (--behind-tls-proxy)",
                                  options.host))
                    .WithField("listen"));
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->context.store_url = app::StoreUrlOf(options.store_url);
  impl->context.accounts = options.accounts;
  {
    // The store must open now, not at the first request.
    auto store =
        store::OpenStore(impl->context.store_url, store::kDefaultProject, store::Access::kCreate);
    if (!store) return Fail(store.error().WithContext("opening the store"));
  }
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return Fail(
        Error(ErrorCode::kInvalidArgument, "HTTPS needs both a certificate and its private key")
            .WithField(options.tls_cert.empty() ? "tls_cert" : "tls_key"));
  }
  if (options.tls_cert.empty()) {
    impl->http = std::make_unique<httplib::Server>();
  } else {
    auto tls =
        std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    if (!tls->is_valid()) {
      return Fail(Error(ErrorCode::kInvalidArgument,
                        fmt::format("cannot serve HTTPS with the certificate '{}' and the key "
                                    "'{}': they are missing, unreadable, not PEM, or do not match",
                                    options.tls_cert, options.tls_key))
                      .WithField("tls_cert"));
    }
    impl->http = std::move(tls);
  }
  httplib::Server& http = *impl->http;
  http.set_payload_max_length(options.max_body_bytes);
  http.new_task_queue = [threads = options.threads] {
    return new httplib::ThreadPool(
        threads == 0 ? 1 : threads);  // NOLINT(cppcoreguidelines-owning-memory): httplib owns it
  };
  // Small answers go out at once: without it, a response written in two parts waits for the
  // client's delayed acknowledgement (about 40 ms) before its second part leaves.
  http.set_tcp_nodelay(true);
  http.set_read_timeout(60, 0);
  http.set_write_timeout(60, 0);
  // A kept-alive connection serves up to 100 requests before it is closed (the library's
  // default is 5: a client making many small calls reconnected every fifth, an accept, a
  // handshake and a thread hand-off each time). A connection holds one of the --threads
  // while it lives, so it still ends after 100 requests, or 5 s idle, for others to be served.
  http.set_keep_alive_max_count(100);
  // The bootstrap of every request runs on one pool of the machine's cores.
  impl->executor = Executor::Start(0);
  impl->context.executor = impl->executor.get();
  const http_api::Context& context = impl->context;
  for (const http_api::Route& route : http_api::RouteTable()) {
    auto serve = [&context, &route](const httplib::Request& request, httplib::Response& response,
                                    const httplib::ContentReader* reader) {
      const http_api::Reply reply = http_api::Dispatch(
          route, request, context,
          [&]() -> Result<http_api::Upload> {
            auto streamed = http_api::Upload::Receive(request, *reader);
            // The reader stops at the size limit and marks the response 413.
            if (!streamed && response.status == 413) {
              return Fail(ErrorCode::kResourceExhausted,
                          "the request is larger than the server accepts; send a smaller file");
            }
            return streamed;
          },
          request.body);
      response.status = reply.status;
      if (reply.status == 401) response.set_header("WWW-Authenticate", "Bearer");
      response.set_content(reply.json, reply.type);
    };
    const std::string pattern = http_api::PatternOf(route.info.path);
    const auto plain = [serve](const httplib::Request& request, httplib::Response& response) {
      serve(request, response, nullptr);
    };
    if (route.info.method == "get") http.Get(pattern, plain);
    if (route.info.method == "delete") http.Delete(pattern, plain);
    if (route.info.method == "put") http.Put(pattern, plain);
    if (route.info.method == "post" && !route.info.body) http.Post(pattern, plain);
    if (route.info.method == "post" && route.info.body) {
      http.Post(pattern, [serve](const httplib::Request& request, httplib::Response& response,
                                 const httplib::ContentReader& reader) {
        serve(request, response, &reader);
      });
    }
  }
  http.set_error_handler([](const httplib::Request& /*request*/, httplib::Response& response) {
    if (!response.body.empty()) return;
    const ErrorCode code = response.status == 413   ? ErrorCode::kResourceExhausted
                           : response.status == 404 ? ErrorCode::kNotFound
                                                    : ErrorCode::kInvalidArgument;
    const std::string message =
        response.status == 413 ? "the request is larger than the server accepts"
        : response.status == 404
            ? "no such path; GET /api/v1/openapi.json lists the API"
            : fmt::format("the request could not be served (HTTP {})", response.status);
    response.set_content(http_api::ErrorJson(Error(code, message)), "application/json");
  });
  // The address may be reused after a restart (SO_REUSEADDR), but never shared with another
  // listener: httplib's default also sets SO_REUSEPORT, with which a second server on a port
  // in use starts and the kernel splits the clients between the two (and their stores).
  http.set_socket_options([listener = &impl->listener](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    *listener = sock;
  });
  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
  } else {
    impl->port = http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (impl->port <= 0) {
    return Fail(Error(ErrorCode::kUnavailable,
                      fmt::format("cannot listen on {}:{} (in use, or not allowed)", options.host,
                                  options.port))
                    .WithField("listen"));
  }
  // The library listens with a backlog of 5 connections waiting to be accepted: when more
  // clients connect at once (16 load clients starting, or reconnecting after their 100th
  // call), the kernel drops the handshakes beyond it, and each such client waits a second or
  // more for the retry. Listening again on the bound socket sets the system's limit instead.
  if (impl->listener != INVALID_SOCKET && ::listen(impl->listener, SOMAXCONN) != 0) {
    fmt::print(stderr,
               "foresight: warning: the backlog of connections waiting to be accepted stays at "
               "5; clients connecting at once may wait a second or more\n");
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

}  // namespace foresight::server
