#include "store/remote/remote_store.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "store/remote/wire.hpp"

namespace foresight::store {
namespace remote_http {

using Json = nlohmann::json;

// Every byte but the unreserved ones (RFC 3986) as %XX: names may hold anything.
std::string Escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

using Query = std::vector<std::pair<std::string, std::string>>;

std::string WithQuery(std::string path, const Query& query) {
  char separator = '?';
  for (const auto& [name, value] : query) {
    path += separator;
    path += name + "=" + Escaped(value);
    separator = '&';
  }
  return path;
}

ErrorCode CodeOfStatus(int status) {
  switch (status) {
    case 400:
      return ErrorCode::kInvalidArgument;
    case 401:
      return ErrorCode::kUnauthenticated;
    case 403:
      return ErrorCode::kPermissionDenied;
    case 404:
      return ErrorCode::kNotFound;
    case 409:
      return ErrorCode::kAlreadyExists;
    case 412:
      return ErrorCode::kFailedPrecondition;
    case 413:
      return ErrorCode::kResourceExhausted;
    case 429:
      return ErrorCode::kRateLimited;
    default:
      return status >= 500 ? ErrorCode::kUnavailable : ErrorCode::kInvalidArgument;
  }
}

// The server's refusal as the Error it was: {"error": {code, message, field?}}. The message
// keeps the core's field marks when the server sent them (message_marked), so the CLI spells
// a field as its own flag, as for a local store.
Error ErrorOfReply(int status, const std::string& body, const std::string& server) {
  const Json json = Json::parse(body, nullptr, false);
  if (json.is_object() && json.contains("error") && json["error"].is_object()) {
    const Json& e = json["error"];
    const auto code = e.contains("code") && e["code"].is_string()
                          ? ParseErrorCodeName(e["code"].get<std::string>())
                          : std::nullopt;
    std::string message;
    for (const char* key : {"message_marked", "message"}) {
      if (message.empty() && e.contains(key) && e[key].is_string()) {
        message = e[key].get<std::string>();
      }
    }
    if (code && !message.empty()) {
      Error error(*code, message);
      if (e.contains("field") && e["field"].is_string()) {
        return std::move(error).WithField(e["field"].get<std::string>());
      }
      return error;
    }
  }
  return Error(CodeOfStatus(status),
               fmt::format("the foresight server at {} answered HTTP {} without saying why{}",
                           server, status,
                           status == 404 ? " (is this the server's root URL, and is it a "
                                           "foresight server of this version?)"
                                         : ""));
}

// An answer this client cannot read: the server's fault (or another version's), not the
// caller's.
Error GarbledAnswer(const std::string& server) {
  return Error(ErrorCode::kUnavailable,
               fmt::format("the foresight server at {} answered with data this foresight cannot "
                           "read; are both the same version?",
                           server));
}

class RemoteStore final : public Store {
 public:
  RemoteStore(const RemoteOptions& options, const std::string& base, std::string prefix,
              std::string project, bool read_only)
      : client_(base),
        shown_(options.url),
        prefix_(std::move(prefix)),
        project_(std::move(project)),
        read_only_(read_only) {
    Configure(client_, options);
  }

  static void Configure(httplib::Client& client, const RemoteOptions& options) {
    if (!options.token.empty()) client.set_bearer_token_auth(options.token);
    client.set_connection_timeout(10, 0);
    // A large set's upload, or the server's busy store, may take a while.
    client.set_read_timeout(300, 0);
    client.set_write_timeout(300, 0);
    client.set_keep_alive(true);
    client.enable_server_certificate_verification(true);
    if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file);
  }

  // The server says the caller's role may only read.
  void SetViewer() { viewer_ = true; }
  // The server says the caller may change the project's success criteria.
  void SetMaintainer() { maintainer_ = true; }

  // One request; its body on 2xx, else the server's error.
  static Result<std::string> Send(httplib::Client& client, const std::string& shown,
                                  const std::string& method, const std::string& target,
                                  const std::string& body) {
    const std::string type = "application/json";
    httplib::Result result = method == "GET"    ? client.Get(target)
                             : method == "PUT"  ? client.Put(target, body, type)
                             : method == "POST" ? client.Post(target, body, type)
                                                : client.Delete(target);
    if (!result) {
      return Fail(ErrorCode::kUnavailable,
                  fmt::format("cannot reach the foresight server at {}: {}; check the URL "
                              "(FORESIGHT_URL or --server) and that the server is running",
                              shown, httplib::to_string(result.error())));
    }
    if (result->status < 200 || result->status >= 300) {
      return Fail(ErrorOfReply(result->status, result->body, shown));
    }
    return std::move(result->body);
  }

  Result<std::string> Call(const std::string& method, std::string_view route, const Query& query,
                           const std::string& body = {}) {
    const std::string target = WithQuery(
        fmt::format("{}/api/v1/projects/{}/data{}", prefix_, Escaped(project_), route), query);
    return Send(client_, shown_, method, target, body);
  }

  Status CallStatus(const std::string& method, std::string_view route, const Query& query,
                    const std::string& body = {}) {
    auto reply = Call(method, route, query, body);
    if (!reply) return Fail(reply.error());
    return {};
  }

  Status Writable() const {
    if (viewer_) {
      return Fail(ErrorCode::kPermissionDenied,
                  fmt::format("your role in project '{}' on {} lets you read, not write; ask one "
                              "of its admins for the contributor role",
                              project_, shown_));
    }
    if (read_only_) {
      return Fail(ErrorCode::kFailedPrecondition,
                  fmt::format("project '{}' on {} was opened to read only", project_, shown_));
    }
    return {};
  }

  Status AddEvalSet(const core::EvalSet& evalset) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("PUT", "/evalset", {}, wire::EncodeEvalSet(evalset));
  }

  Result<core::EvalSet> GetEvalSet(std::string_view name, bool with_ids) override {
    auto reply = Call("GET", "/evalset",
                      {{"name", std::string(name)}, {"ids", with_ids ? "true" : "false"}});
    if (!reply) return Fail(reply.error());
    return Decoded(wire::DecodeEvalSet(*reply));
  }

  Result<std::vector<core::EvalSetInfo>> ListEvalSets() override {
    auto reply = Call("GET", "/evalsets", {});
    if (!reply) return Fail(reply.error());
    return Decoded(wire::DecodeEvalSetInfos(*reply));
  }

  Status AddRun(const core::Run& run) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("PUT", "/run", {}, wire::EncodeRun(run));
  }

  Result<core::Run> GetRun(std::string_view name) override {
    auto reply = Call("GET", "/run", {{"name", std::string(name)}});
    if (!reply) return Fail(reply.error());
    return Decoded(wire::DecodeRun(*reply));
  }

  Status AddEvalSetWithRuns(const core::EvalSet& evalset,
                            const std::vector<core::Run>& runs) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("PUT", "/bundle", {}, wire::EncodeBundle(evalset, runs));
  }

  Result<std::vector<core::RunInfo>> ListRuns(const RunFilter& filter) override {
    Query query;
    if (filter.evalset) query.emplace_back("evalset", *filter.evalset);
    if (filter.method) query.emplace_back("method", *filter.method);
    for (const auto& [key, value] : filter.tags) {
      std::string pair = key;
      pair += '=';
      pair += value;
      query.emplace_back("tag", std::move(pair));
    }
    // The server answers a page at a time (at most kRunPageLimit runs): ask for pages until
    // the filter's limit is reached or the server says there are no more.
    std::vector<core::RunInfo> out;
    size_t offset = filter.offset;
    while (true) {
      size_t want = kRunPageLimit;
      if (filter.limit != 0) want = std::min(want, filter.limit - out.size());
      Query page = query;
      page.emplace_back("limit", std::to_string(want));
      if (offset != 0) page.emplace_back("offset", std::to_string(offset));
      auto reply = Call("GET", "/runs", page);
      if (!reply) return Fail(reply.error());
      auto decoded = Decoded(wire::DecodeRunPage(*reply));
      if (!decoded) return Fail(decoded.error());
      const size_t got = decoded->runs.size();
      std::move(decoded->runs.begin(), decoded->runs.end(), std::back_inserter(out));
      if (!decoded->next_offset || got == 0 || (filter.limit != 0 && out.size() >= filter.limit)) {
        return out;
      }
      offset = *decoded->next_offset;
    }
  }

  Status DeleteRun(std::string_view name) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("DELETE", "/run", {{"name", std::string(name)}});
  }

  Status RenameRun(std::string_view name, std::string_view new_name) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("POST", "/run/rename",
                      {{"name", std::string(name)}, {"to", std::string(new_name)}});
  }

  Status DeleteEvalSet(std::string_view name, bool with_runs) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("DELETE", "/evalset",
                      {{"name", std::string(name)}, {"with_runs", with_runs ? "true" : "false"}});
  }

  Status RenameEvalSet(std::string_view name, std::string_view new_name) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("POST", "/evalset/rename",
                      {{"name", std::string(name)}, {"to", std::string(new_name)}});
  }

  Result<std::optional<core::CriteriaVersion>> RecordCriteria(
      const core::CriteriaVersion& version) override {
    if (Status ok = Writable(); !ok) return Fail(ok.error());
    if (!maintainer_) {
      // Below maintainer, the same charter is no change (nothing to send); another one is a
      // change of the project's success criteria, which the caller's role may not make.
      auto versions = ListCriteria();
      if (!versions) return Fail(versions.error());
      if (!versions->empty() && versions->back().charter_hash == version.charter_hash) {
        return std::optional(versions->back());
      }
      return Fail(ErrorCode::kPermissionDenied,
                  fmt::format("your charter's success criteria differ from the last ones project "
                              "'{}' recorded, and changing them needs the maintainer role",
                              project_));
    }
    auto reply = Call("POST", "/criteria", {}, wire::EncodeCriteriaVersion(version));
    if (!reply) return Fail(reply.error());
    return Decoded(wire::DecodeCriteriaVersion(*reply));
  }

  Result<std::vector<core::CriteriaVersion>> ListCriteria() override {
    auto reply = Call("GET", "/criteria", {});
    if (!reply) return Fail(reply.error());
    return Decoded(wire::DecodeCriteria(*reply));
  }

  Status AddPlanEvents(const std::vector<core::PlanEvent>& events) override {
    if (Status ok = Writable(); !ok) return ok;
    return CallStatus("POST", "/plan-events", {}, wire::EncodePlanEvents(events));
  }

  Result<std::vector<core::PlanEvent>> ListPlanEvents() override {
    auto reply = Call("GET", "/plan-events", {});
    if (!reply) return Fail(reply.error());
    return Decoded(wire::DecodePlanEvents(*reply));
  }

  Result<std::vector<std::optional<std::string>>> GetCachedResults(
      std::string_view key, const std::vector<std::string>& runs) override {
    Query query{{"key", std::string(key)}};
    for (const std::string& run : runs) query.emplace_back("run", run);
    auto reply = Call("GET", "/cache", query);
    if (!reply) return Fail(reply.error());
    auto values = Decoded(wire::DecodeCacheValues(*reply));
    if (values && values->size() != runs.size()) {
      return Fail(ErrorCode::kUnavailable,
                  fmt::format("the foresight server at {} answered {} cached values for {} runs",
                              shown_, values->size(), runs.size()));
    }
    return values;
  }

  // Not sent: see the header.
  Status PutCachedResults(const std::vector<core::CachedResult>& /*entries*/) override {
    return {};
  }

  Result<std::vector<std::string>> ListProjects() override {
    auto reply = Send(client_, shown_, "GET", prefix_ + "/api/v1/projects", {});
    if (!reply) return Fail(reply.error());
    const Json json = Json::parse(*reply, nullptr, false);
    if (!json.is_object() || !json.contains("projects") || !json["projects"].is_array()) {
      return Fail(Garbled());
    }
    std::vector<std::string> out;
    for (const Json& name : json["projects"]) {
      if (!name.is_string()) return Fail(Garbled());
      out.push_back(name.get<std::string>());
    }
    return out;
  }

  // Whether the server's health route answers as foresight's does.
  bool AnswersAsForesight() {
    auto reply = Send(client_, shown_, "GET", prefix_ + "/api/v1/health", {});
    if (!reply) return false;
    const Json json = Json::parse(*reply, nullptr, false);
    return json.is_object() && json.contains("status") && json.contains("version");
  }

  Status CreateProject(std::string_view name) override {
    auto reply = Send(client_, shown_, "POST",
                      WithQuery(prefix_ + "/api/v1/projects", {{"name", std::string(name)}}), {});
    if (!reply) return Fail(reply.error());
    return {};
  }

  void AuditWrites(core::AuditEntry /*entry*/, bool* /*written*/) override {}

  bool ReadOnly() const override { return read_only_ || viewer_; }

 private:
  Error Garbled() const { return GarbledAnswer(shown_); }

  // A document the server sent that does not decode is the server's fault, not the caller's.
  template <typename T>
  Result<T> Decoded(Result<T> decoded) const {
    if (decoded) return decoded;
    return Fail(Error(ErrorCode::kUnavailable,
                      fmt::format("{} ({})", Garbled().message(), decoded.error().message())));
  }

  httplib::Client client_;
  std::string shown_;
  std::string prefix_;
  std::string project_;
  bool read_only_;
  bool viewer_ = false;
  bool maintainer_ = false;
};

// "https://host:8443/team" as {"https://host:8443", "/team"}.
Result<std::pair<std::string, std::string>> SplitUrl(std::string_view url) {
  const size_t scheme_end = url.find("://");
  const size_t path = url.find('/', scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  std::string base(url.substr(0, path));
  std::string prefix = path == std::string_view::npos ? "" : std::string(url.substr(path));
  while (prefix.ends_with('/')) prefix.pop_back();
  const std::string_view host =
      scheme_end == std::string_view::npos ? "" : std::string_view(base).substr(scheme_end + 3);
  if (!IsServerUrl(url) || host.empty() || host.find_first_of("?#@ ") != std::string_view::npos ||
      prefix.find_first_of("?# ") != std::string::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is not a server URL; write http://HOST:PORT or "
                            "https://HOST[:PORT][/PATH], the address `foresight serve` listens on",
                            url));
  }
  return std::pair{std::move(base), std::move(prefix)};
}

}  // namespace remote_http

bool IsServerUrl(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

Result<std::unique_ptr<Store>> OpenRemoteStore(const RemoteOptions& options,
                                               std::string_view project, Access access) {
  using remote_http::Json;
  if (Status fits = CheckProjectName(project); !fits) return Fail(fits.error());
  auto split = remote_http::SplitUrl(options.url);
  if (!split) return Fail(split.error());
  auto store = std::make_unique<remote_http::RemoteStore>(
      options, split->first, split->second, std::string(project), access == Access::kReadOnly);
  // The project and the caller's role in it, in one round trip; a missing project is made
  // for `init` (kCreate).
  auto hello = store->Call("GET", "", {});
  // (A project the caller is no member of reads as forbidden, whether it exists or not.)
  if (!hello && access == Access::kCreate &&
      (hello.error().code() == ErrorCode::kNotFound ||
       hello.error().code() == ErrorCode::kPermissionDenied)) {
    if (Status made = store->CreateProject(project); made) {
      hello = store->Call("GET", "", {});
    } else if (made.error().code() != ErrorCode::kAlreadyExists) {
      return Fail(made.error());
    }
  }
  if (!hello) {
    if (hello.error().code() == ErrorCode::kUnauthenticated && options.token.empty()) {
      return Fail(ErrorCode::kUnauthenticated,
                  fmt::format("the foresight server at {} needs a token: set FORESIGHT_TOKEN to "
                              "one (an administrator makes it on the server's machine with "
                              "`foresight admin token create USER`; a user with a password gets "
                              "one from POST /api/v1/tokens)",
                              options.url));
    }
    if (hello.error().code() == ErrorCode::kNotFound && !store->AnswersAsForesight()) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} does not answer as a foresight server (GET "
                              "{}/api/v1/health): check the URL, and the path under which a "
                              "proxy serves it",
                              options.url, split->second));
    }
    if (hello.error().code() == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("the foresight server at {} has no project '{}' you can see; "
                              "`foresight init` makes it, or ask its admin to add you "
                              "(FORESIGHT_PROJECT or --project names another)",
                              options.url, project));
    }
    return Fail(hello.error());
  }
  const Json json = Json::parse(*hello, nullptr, false);
  if (!json.is_object() || !json.contains("writable") || !json["writable"].is_boolean()) {
    return Fail(remote_http::GarbledAnswer(options.url));
  }
  if (!json["writable"].get<bool>()) store->SetViewer();
  const std::string role =
      json.contains("role") && json["role"].is_string() ? json["role"].get<std::string>() : "";
  if (role == "maintainer" || role == "admin") store->SetMaintainer();
  if (access == Access::kWrite && store->ReadOnly()) {
    if (Status writable = store->Writable(); !writable) return Fail(writable.error());
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace foresight::store
