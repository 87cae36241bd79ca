// Fuzz target: bytes -> one request to the server's routes (no network): the request line
// "METHOD TARGET" (path and query), then a Content-Type line, then the body, served against
// a small store made once. A tab in the Content-Type line starts an Authorization header: the
// request is then served with accounts (tokens checked, JSON bodies read, writes audited). Nothing
// may crash, hang or trip a sanitizer; every answer is JSON, and no request, however malformed, is
// a bug (500 internal).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/server.hpp"

namespace {

const std::string& StoreUrl() {
  static const std::string url = [] {
    const auto dir = std::filesystem::temp_directory_path() / "foresight-fuzz-server";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string store = "sqlite:" + (dir / "store.db").string();
    std::string set = "id,label\n";
    std::string run = "id,score\n";
    for (int i = 0; i < 40; ++i) {
      set += "ex" + std::to_string(i) + "," + (i % 3 == 0 ? "yes" : "no") + "\n";
      run += "ex" + std::to_string(i) + ",0." + std::to_string(i % 10) + "\n";
    }
    foresight::server::HandleDirect(
        store, "POST",
        "/api/v1/projects/default/evalsets?name=holdout&id=id&label=label&positive=yes", "text/csv",
        set);
    foresight::server::HandleDirect(
        store, "POST", "/api/v1/projects/default/runs?name=r&evalset=holdout&score=score",
        "text/csv", run);
    return store;
  }();
  return url;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65536) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t line1 = input.find('\n');
  if (line1 == std::string_view::npos) return 0;
  const std::string_view request_line = input.substr(0, line1);
  const size_t space = request_line.find(' ');
  if (space == std::string_view::npos) return 0;
  const std::string_view rest = input.substr(line1 + 1);
  const size_t line2 = rest.find('\n');
  std::string_view type = rest.substr(0, line2);
  std::string_view authorization;
  const size_t tab = type.find('\t');
  if (tab != std::string_view::npos) {
    authorization = type.substr(tab + 1);
    type = type.substr(0, tab);
  }
  const std::string_view body = line2 == std::string_view::npos ? "" : rest.substr(line2 + 1);
  const foresight::server::DirectReply reply = foresight::server::HandleDirect(
      StoreUrl(), request_line.substr(0, space), request_line.substr(space + 1), type, body,
      authorization, tab != std::string_view::npos);
  if (reply.status == 500 && reply.body.find("\"internal\"") != std::string::npos) std::abort();
  if (reply.type == "application/json" && !nlohmann::json::accept(reply.body)) std::abort();
  return 0;
}
