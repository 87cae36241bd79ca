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
#include "report/accounts_report.hpp"
#include "server/server.hpp"

namespace foresight::cli {

Runner AddServe(CLI::App& sub) {
  struct Options {
    std::string store;
    std::string listen = "127.0.0.1:8080";
    size_t threads = 8;
    std::string tls_cert;
    std::string tls_key;
    bool no_auth = false;
    bool behind_tls_proxy = false;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("--store", opts->store,
                 "The store to serve: postgresql://USER@HOST:PORT/DATABASE, sqlite:PATH or a "
                 "workspace folder (default: the workspace found upwards)");
  sub.add_option("--listen", opts->listen,
                 "HOST:PORT to listen on; beyond loopback, with HTTPS or behind a TLS proxy")
      ->capture_default_str();
  sub.add_option("--threads", opts->threads, "Requests served at once")->capture_default_str();
  sub.add_option("--tls-cert", opts->tls_cert, "Serve HTTPS with this PEM certificate (chain)");
  sub.add_option("--tls-key", opts->tls_key, "The certificate's PEM private key");
  sub.add_flag("--behind-tls-proxy", opts->behind_tls_proxy,
               "A TLS-terminating proxy is in front: accept tokens over plain HTTP beyond "
               "loopback (the proxy encrypts them on the network)");
  sub.add_flag("--no-auth", opts->no_auth,
               "Serve without accounts: no tokens, anyone on this machine is an administrator "
               "(loopback only; for one person's own machine)");
  return [opts] {
    server::ServeOptions o;
    o.threads = opts->threads;
    o.tls_cert = opts->tls_cert;
    o.tls_key = opts->tls_key;
    o.accounts = !opts->no_auth;
    o.behind_tls_proxy = opts->behind_tls_proxy;
    auto store = ChosenStore(opts->store);
    if (!store) return ReportError(store.error());
    o.store_url = *store;
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
    fmt::print(stderr, "{}",
               report::RenderServeBanner({http.StoreShown(), http.Tls(), o.host, http.port(),
                                          http.Accounts(), o.behind_tls_proxy}));
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
