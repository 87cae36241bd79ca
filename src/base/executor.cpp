#include "base/executor.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <system_error>

namespace foresight {

// One ParallelFor call: its chunks are claimed from `next` by the caller and by any worker
// that picks the loop from the queue. Shared, because a worker may still hold the loop
// (finding nothing left to claim) after its caller has returned.
struct Executor::Loop {
  const Chunk* chunk = nullptr;  // the caller's; only called for a claimed chunk
  size_t n = 0;
  size_t grain = 1;
  size_t chunks = 0;
  std::atomic<size_t> next{0};      // the next chunk to claim
  std::atomic<size_t> finished{0};  // chunks run (or skipped after a failure)
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::condition_variable done;
  size_t error_chunk = SIZE_MAX;  // under mutex: the lowest failing chunk, and its error
  std::optional<Error> error;
};

namespace {

Result<std::thread> StartThread(std::function<void()> body) {
  try {
    return std::thread(std::move(body));
  } catch (const std::system_error& e) {
    return Fail(ErrorCode::kUnavailable, std::string("cannot start a thread: ") + e.what());
  } catch (const std::bad_alloc&) {
    return Fail(ErrorCode::kUnavailable, "cannot start a thread: out of memory");
  }
}

}  // namespace

Result<std::unique_ptr<Executor>> Executor::Create(const Options& options) {
  const size_t threads = options.threads != 0
                             ? options.threads
                             : std::max<size_t>(1, std::thread::hardware_concurrency());
  // Not make_unique: the constructor is private, so that every executor comes from here.
  std::unique_ptr<Executor> executor(new Executor());
  const ThreadFactory& factory = options.thread_factory ? options.thread_factory : StartThread;
  executor->workers_.reserve(threads - 1);
  for (size_t w = 1; w < threads; ++w) {
    Executor* raw = executor.get();
    auto thread = factory([raw] { raw->Work(); });
    if (!thread) {
      // The workers started so far are joined by the destructor when this one is dropped.
      if (!options.allow_fewer) return Fail(thread.error().WithContext("starting the executor"));
      executor->shortfall_ = "running on " + std::to_string(w) + " of " + std::to_string(threads) +
                             " threads: " + thread.error().message();
      break;
    }
    executor->workers_.push_back(std::move(*thread));
  }
  return executor;
}

std::unique_ptr<Executor> Executor::Start(size_t threads) {
  Options options;
  options.threads = threads;
  auto created = Create(options);  // allow_fewer: fails only if no executor could be made
  return created ? std::move(*created) : Inline();
}

std::unique_ptr<Executor> Executor::Inline() { return std::unique_ptr<Executor>(new Executor()); }

Executor::~Executor() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
}

void Executor::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
    if (stopping_) return;
    const std::shared_ptr<Loop> loop = pending_.front();
    lock.unlock();
    Drain(*loop);
    lock.lock();
    // Nothing is left to start in it; its caller may have dropped it from the queue already.
    const auto it = std::find(pending_.begin(), pending_.end(), loop);
    if (it != pending_.end()) pending_.erase(it);
  }
}

void Executor::Drain(Loop& loop) {
  for (;;) {
    const size_t c = loop.next.fetch_add(1, std::memory_order_relaxed);
    if (c >= loop.chunks) return;
    // After a failure the remaining chunks are skipped; chunks are claimed in order, so
    // every chunk before a failing one has been claimed and runs to its end.
    if (!loop.failed.load(std::memory_order_acquire)) {
      const size_t begin = c * loop.grain;
      const size_t end = std::min(loop.n, begin + loop.grain);
      Status status;
      // No exception may leave a worker thread (std::terminate); it becomes the loop's error.
      try {
        status = (*loop.chunk)(begin, end);
      } catch (const std::bad_alloc&) {
        status = Fail(ErrorCode::kResourceExhausted, "out of memory in a parallel task");
      } catch (const std::exception& e) {
        status = Fail(ErrorCode::kInternal, std::string("a parallel task failed: ") + e.what());
      } catch (...) {
        status = Fail(ErrorCode::kInternal, "a parallel task failed with an unknown exception");
      }
      if (!status) {
        const std::lock_guard<std::mutex> lock(loop.mutex);
        if (c < loop.error_chunk) {
          loop.error_chunk = c;
          loop.error = std::move(status).error();
        }
        loop.failed.store(true, std::memory_order_release);
      }
    }
    if (loop.finished.fetch_add(1, std::memory_order_acq_rel) + 1 == loop.chunks) {
      // Under the mutex, so the caller cannot miss the wake-up between its check and its wait.
      const std::lock_guard<std::mutex> lock(loop.mutex);
      loop.done.notify_all();
    }
  }
}

Status Executor::Run(size_t n, size_t grain, const Chunk& chunk) {
  if (n == 0) return {};
  if (grain == 0) grain = std::max<size_t>(1, n / (threads() * 32));
  const auto loop = std::make_shared<Loop>();
  loop->chunk = &chunk;
  loop->n = n;
  loop->grain = grain;
  loop->chunks = n / grain + (n % grain != 0 ? 1 : 0);
  const bool shared = !workers_.empty() && loop->chunks > 1;
  if (shared) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      pending_.push_back(loop);
    }
    wake_.notify_all();
  }
  Drain(*loop);
  if (shared) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = std::find(pending_.begin(), pending_.end(), loop);
    if (it != pending_.end()) pending_.erase(it);
  }
  {
    // Only chunks other threads have started are left; they never wait on this thread.
    std::unique_lock<std::mutex> lock(loop->mutex);
    loop->done.wait(lock,
                    [&] { return loop->finished.load(std::memory_order_acquire) == loop->chunks; });
    if (loop->error) return Fail(std::move(*loop->error));
  }
  return {};
}

}  // namespace foresight
