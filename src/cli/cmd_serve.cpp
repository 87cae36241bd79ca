// `foresight serve [--store URL] [--listen HOST:PORT] [--threads N]`
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/workspace.hpp"
#include "cli/command.hpp"
#include "server/server.hpp"

namespace foresight::cli {

Runner AddServe(CLI::App& sub) {
  struct Options {
    std::string store;
    std::string listen = "127.0.0.1:8080";
    size_t threads = 8;
    std::string tls_cert;
    std::string tls_key;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("--store", opts->store,
                 "The store to serve: postgresql://USER@HOST:PORT/DATABASE, sqlite:PATH or a "
                 "workspace folder (default: the workspace found upwards)");
  sub.add_option("--listen", opts->listen, "HOST:PORT to listen on (loopback only for now)")
      ->capture_default_str();
  sub.add_option("--threads", opts->threads, "Requests served at once")->capture_default_str();
  sub.add_option("--tls-cert", opts->tls_cert, "Serve HTTPS with this PEM certificate (chain)");
  sub.add_option("--tls-key", opts->tls_key, "The certificate's PEM private key");
  return [opts] {
    server::ServeOptions o;
    o.threads = opts->threads;
    o.tls_cert = opts->tls_cert;
    o.tls_key = opts->tls_key;
    if (opts->store.empty()) {
      auto found = app::FindWorkspace(std::nullopt, std::filesystem::current_path().string());
      if (!found) return ReportError(found.error());
      o.store_url = "sqlite:" + found->database;
    } else {
      o.store_url = opts->store;
    }
    const size_t colon = opts->listen.rfind(':');
    if (colon == std::string::npos || colon == 0) {
      return ReportError(Error(ErrorCode::kInvalidArgument,
                               fmt::format("--listen must be HOST:PORT, not '{}'", opts->listen)));
    }
    o.host = opts->listen.substr(0, colon);
    try {
      o.port = std::stoi(opts->listen.substr(colon + 1));
    } catch (const std::exception&) {
      return ReportError(Error(ErrorCode::kInvalidArgument,
                               fmt::format("--listen must be HOST:PORT, not '{}'", opts->listen)));
    }
    // SIGINT and SIGTERM stop the server: blocked here (and so in every thread started
    // after), then waited for by one thread.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    auto started = server::Server::Start(o);
    if (!started) return ReportError(started.error());
    server::Server& http = **started;
    fmt::print(stderr,
               "foresight: serving {} on {}://{}:{} (loopback only: accounts and tokens are "
               "not built yet); Ctrl-C stops it\n",
               http.StoreShown(), http.Tls() ? "https" : "http", o.host, http.port());
    std::thread waiter([&http, stop_signals] {
      int signal = 0;
      sigwait(&stop_signals, &signal);
      http.Stop();
    });
    http.Run();
    // Stopped by a signal, the waiter is done; otherwise this wakes it (a SIGTERM to the
    // process goes to the one thread waiting for it). Once it is done, the signal stays
    // blocked and pending, and the process ends as the command returns.
    kill(getpid(), SIGTERM);
    waiter.join();
    return 0;
  };
}

}  // namespace foresight::cli
