// A bounded load generator for `foresight serve`, on loopback: T client threads, each with its
// own keep-alive connection, make one kind of call back to back for S seconds; then the rate,
// the latency percentiles, and every answer that was not a success are reported (as JSON on
// stdout). No call is lost quietly: each one is counted as a success or a failure by status.
//
// Calls:
//   run      POST a run of ROWS predictions (the single logging call: one run, its method,
//            params, tags and predictions, stored in one durable transaction)
//   list     GET the runs of a method, tag-filtered and paged (limit=50)
//   search   GET the runs of one owner tag (about 1% of the runs; bench/make_runs.cpp)
//   page     GET the first page of every run (the server's default page: 1,000 runs)
//   list-all GET every run, page after page (10,000 a page, following next_offset)
//
// With ACKED, the name of every run the server acknowledged (201) is written there, one per
// line, for a soak test to check against the store; answers without a status (the server
// was down) are then retried on a new connection rather than counted as failures.
//
// Usage: server_load PORT TOKEN CALL THREADS SECONDS [ROWS] [EVALSET] [ACKED]
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>

namespace {

struct Totals {
  std::mutex mutex;
  std::vector<double> latencies_ms;
  std::map<int, size_t> failures;  // status (0: no answer) -> count
  size_t ok = 0;
};

std::string Predictions(size_t rows, size_t salt) {
  std::string out = "id,score\n";
  for (size_t i = 0; i < rows; ++i) {
    out += fmt::format("ex{},0.{:03}\n", i, (i * 7919 + salt * 31) % 1000);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(
        stderr,
        "usage: server_load PORT TOKEN run|list|search|page|list-all THREADS SECONDS [ROWS] "
        "[EVALSET]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const std::string token = argv[2];
  const std::string call = argv[3];
  const int threads = std::atoi(argv[4]);
  const double seconds = std::atof(argv[5]);
  const size_t rows = argc > 6 ? static_cast<size_t>(std::atol(argv[6])) : 10;
  const std::string evalset = argc > 7 ? argv[7] : "small";
  const std::string acked_path = argc > 8 ? argv[8] : "";
  std::vector<std::string> acked;
  size_t unanswered = 0;
  Totals totals;
  std::atomic<size_t> next{0};
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port);
      client.set_bearer_token_auth(token);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);
      std::vector<double> mine;
      std::vector<std::string> mine_acked;
      size_t mine_unanswered = 0;
      std::map<int, size_t> failed;
      size_t ok = 0;
      const std::string body = Predictions(rows, static_cast<size_t>(t));
      while (std::chrono::steady_clock::now() < end) {
        const size_t n = next++;
        const auto begin = std::chrono::steady_clock::now();
        // The process's id in the name: two loads of one size on one store do not collide.
        const std::string name = fmt::format("load{}-{}-{}-{}", getpid(), rows, t, n);
        const auto send = [&]() -> httplib::Result {
          if (call == "run") {
            return client.Post(fmt::format("/api/v1/projects/default/runs?name={}&evalset={}&"
                                           "score=score&method=m{}&train_size={}&tag=thread%3D{}",
                                           name, evalset, n % 5, 1000 + n % 7, t)
                                   .c_str(),
                               body, "text/csv");
          }
          if (call == "list") {
            return client.Get(
                fmt::format("/api/v1/projects/default/runs?method=m{}&tag=thread%3D{}&"
                            "limit=50",
                            n % 5, n % 4)
                    .c_str());
          }
          if (call == "search") {
            return client.Get(
                fmt::format("/api/v1/projects/default/runs?tag=owner%3Do{}", n % 100).c_str());
          }
          if (call == "page") return client.Get("/api/v1/projects/default/runs");
          // Every page in turn: one call is the whole listing.
          std::string offset = "0";
          while (true) {
            httplib::Result page =
                client.Get(("/api/v1/projects/default/runs?limit=10000&offset=" + offset).c_str());
            if (!page || page->status != 200) return page;
            const std::string_view key = R"("next_offset": )";
            const size_t at = page->body.find(key);
            if (at == std::string::npos) return page;
            const size_t from = at + key.size();
            offset =
                page->body.substr(from, page->body.find_first_not_of("0123456789", from) - from);
          }
        };
        const httplib::Result res = send();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
                .count();
        const int status = res ? res->status : 0;
        if (status >= 200 && status < 300) {
          ++ok;
          mine.push_back(ms);
          if (call == "run") mine_acked.push_back(name);
        } else if (status == 0 && !acked_path.empty()) {
          // The server is down (a soak test killed it): wait, and try a new connection.
          ++mine_unanswered;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } else {
          ++failed[status];
          if (status == 0) {
            // Which failure of the connection, for whoever reads the report.
            fmt::print(stderr, "server_load: {} got no answer: {}\n", name,
                       httplib::to_string(res.error()));
          }
        }
      }
      const std::lock_guard<std::mutex> lock(totals.mutex);
      totals.ok += ok;
      acked.insert(acked.end(), mine_acked.begin(), mine_acked.end());
      unanswered += mine_unanswered;
      totals.latencies_ms.insert(totals.latencies_ms.end(), mine.begin(), mine.end());
      for (const auto& [status, count] : failed) totals.failures[status] += count;
    });
  }
  for (std::thread& t : pool) t.join();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(totals.latencies_ms.begin(), totals.latencies_ms.end());
  const auto percentile = [&](double p) {
    if (totals.latencies_ms.empty()) return 0.0;
    const auto i = static_cast<size_t>(p * static_cast<double>(totals.latencies_ms.size() - 1));
    return totals.latencies_ms[i];
  };
  std::string failures;
  for (const auto& [status, count] : totals.failures) {
    failures += fmt::format("{}\"{}\": {}", failures.empty() ? "" : ", ", status, count);
  }
  if (!acked_path.empty()) {
    std::FILE* out = std::fopen(acked_path.c_str(), "w");
    if (out == nullptr) return 2;
    for (const std::string& name : acked) std::fprintf(out, "%s\n", name.c_str());
    std::fclose(out);
  }
  fmt::print(
      "{{\"call\": \"{}\", \"threads\": {}, \"seconds\": {:.2f}, \"ok\": {}, \"per_second\": "
      "{:.1f}, \"rows_per_second\": {:.0f}, \"p50_ms\": {:.2f}, \"p99_ms\": {:.2f}, "
      "\"unanswered\": {}, \"failures\": {{{}}}}}\n",
      call, threads, elapsed, totals.ok, static_cast<double>(totals.ok) / elapsed,
      call == "run" ? static_cast<double>(totals.ok * rows) / elapsed : 0.0, percentile(0.5),
      percentile(0.99), unanswered, failures);
  return totals.failures.empty() ? 0 : 1;
}
