// Executor: the one pool of threads that parallel work runs on.
//
// A fixed number of worker threads is started once, by a factory that reports a thread that
// cannot start as a value (never as an exception that would end the process), and is reused
// by every parallel loop for the executor's lifetime: a server serving many requests creates
// one executor and passes it down, instead of each request starting its own threads.
//
// Thread-safety contract:
//   - ParallelFor may be called concurrently from any number of threads, including from
//     inside a running loop's body (nested loops). The calling thread always takes part in
//     its own loop and only ever waits for chunks that another thread has already started,
//     so a nested loop cannot deadlock, even on an executor with no free worker.
//   - A body must be safe to run concurrently with itself on different indices; writing
//     each result to its own slot keeps results independent of the thread count.
//   - A body may fail by returning an Error or by throwing: the exception is caught on the
//     thread that ran it and turned into an Error. Either stops the loop from starting new
//     chunks; chunks already started finish. ParallelFor then reports the error of the
//     lowest failing index, the one a sequential loop would have stopped at.
//   - The destructor joins the workers; no loop may be running on the executor then.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace foresight {

class Executor {
 public:
  // Starts a thread running `body`, or says why it could not (the default wraps std::thread,
  // whose constructor throws std::system_error when the system refuses a thread). Tests
  // inject one that fails.
  using ThreadFactory = std::function<Result<std::thread>(std::function<void()> body)>;

  struct Options {
    // Parallelism, the calling thread included: threads - 1 workers are started. 0: the
    // machine's cores (std::thread::hardware_concurrency, at least 1).
    size_t threads = 0;
    ThreadFactory thread_factory;  // empty: std::thread
    // When a worker cannot be started: run on the ones that did (and say so in shortfall()),
    // or fail with kUnavailable.
    bool allow_fewer = true;
  };

  // Starts the workers. Fails (kUnavailable) only when a worker cannot be started and
  // options.allow_fewer is false.
  static Result<std::unique_ptr<Executor>> Create(const Options& options);
  // `threads` threads (0: the machine's cores), or fewer when the system refuses some, down
  // to the calling thread alone: shortfall() says so. What most callers want, since results
  // never depend on the thread count.
  static std::unique_ptr<Executor> Start(size_t threads);
  // One with no worker threads: every loop runs on the calling thread.
  static std::unique_ptr<Executor> Inline();

  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;
  ~Executor();

  // How many threads a loop can run on: the workers plus the calling thread.
  size_t threads() const { return workers_.size() + 1; }
  // Why fewer threads run than were asked for; empty when every worker started.
  const std::string& shortfall() const { return shortfall_; }

  // Runs body(i) for every i in [0, n) exactly once (unless a body fails) and returns when
  // all have finished. Indices are handed out in chunks of `grain` (0: about 32 chunks per
  // thread, which balances uneven bodies), in increasing order. `body` returns void or
  // Status. Returns the first error in index order (see the contract above).
  template <typename Body>
  Status ParallelFor(size_t n, Body&& body, size_t grain = 0) {
    using Returned = std::invoke_result_t<Body&, size_t>;
    static_assert(std::is_void_v<Returned> || std::is_same_v<Returned, Status>,
                  "ParallelFor's body returns void or Status");
    return Run(n, grain, [&body](size_t begin, size_t end) -> Status {
      for (size_t i = begin; i < end; ++i) {
        if constexpr (std::is_void_v<Returned>) {
          body(i);
        } else {
          Status status = body(i);
          if (!status) return status;
        }
      }
      return {};
    });
  }

 private:
  struct Loop;
  using Chunk = std::function<Status(size_t begin, size_t end)>;

  Executor() = default;
  Status Run(size_t n, size_t grain, const Chunk& chunk);
  void Work();
  // Runs chunks of `loop` until none is left to start.
  static void Drain(Loop& loop);

  std::vector<std::thread> workers_;
  std::string shortfall_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Loop>> pending_;  // loops that may have chunks left to start
  bool stopping_ = false;
};

}  // namespace foresight
