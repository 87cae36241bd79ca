#include "base/executor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace foresight {
namespace {

std::unique_ptr<Executor> Make(size_t threads) {
  auto executor =
      Executor::Create({.threads = threads, .thread_factory = {}, .allow_fewer = false});
  EXPECT_TRUE(executor.has_value());
  return std::move(*executor);
}

TEST(ExecutorTest, RunsEveryIndexExactlyOnce) {
  for (const size_t threads : {1, 2, 3, 8}) {
    const auto executor = Make(threads);
    EXPECT_EQ(executor->threads(), threads);
    EXPECT_EQ(executor->shortfall(), "");
    for (const size_t n : {0, 1, 7, 1000, 100'003}) {
      for (const size_t grain : {0, 1, 64}) {
        std::vector<std::atomic<int>> visits(n);
        const Status status = executor->ParallelFor(
            n, [&](size_t i) { visits[i].fetch_add(1); }, grain);
        ASSERT_TRUE(status.has_value());
        for (size_t i = 0; i < n; ++i) {
          ASSERT_EQ(visits[i].load(), 1) << "threads " << threads << ", n " << n << ", i " << i;
        }
      }
    }
  }
}

TEST(ExecutorTest, ZeroThreadsMeansTheMachinesCores) {
  const auto executor = Make(0);
  EXPECT_GE(executor->threads(), 1U);
}

TEST(ExecutorTest, StartGivesThePoolAskedFor) {
  EXPECT_EQ(Executor::Start(3)->threads(), 3U);
  EXPECT_EQ(Executor::Start(1)->threads(), 1U);
  EXPECT_GE(Executor::Start(0)->threads(), 1U);
}

TEST(ExecutorTest, InlineRunsOnTheCallingThread) {
  const auto executor = Executor::Inline();
  EXPECT_EQ(executor->threads(), 1U);
  const auto caller = std::this_thread::get_id();
  bool elsewhere = false;
  ASSERT_TRUE(executor->ParallelFor(
      100, [&](size_t) { elsewhere = elsewhere || std::this_thread::get_id() != caller; }));
  EXPECT_FALSE(elsewhere);
}

TEST(ExecutorTest, ReturnsTheErrorOfTheLowestFailingIndex) {
  for (const size_t threads : {1, 2, 4}) {
    const auto executor = Make(threads);
    for (int repeat = 0; repeat < 20; ++repeat) {
      const Status status = executor->ParallelFor(
          1000,
          [](size_t i) -> Status {
            if (i == 517 || i == 900) {
              return Fail(ErrorCode::kInvalidArgument, "index " + std::to_string(i));
            }
            return {};
          },
          1);
      ASSERT_FALSE(status.has_value());
      EXPECT_EQ(status.error().code(), ErrorCode::kInvalidArgument);
      EXPECT_EQ(status.error().message(), "index 517");
    }
  }
}

TEST(ExecutorTest, AnExceptionBecomesAnErrorAndStopsTheLoop) {
  for (const size_t threads : {1, 3}) {
    const auto executor = Make(threads);
    std::atomic<size_t> ran{0};
    const Status status = executor->ParallelFor(
        100'000,
        [&](size_t i) {
          ran.fetch_add(1);
          if (i == 10) throw std::runtime_error("boom");
        },
        1);
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code(), ErrorCode::kInternal);
    EXPECT_EQ(status.error().message(), "a parallel task failed: boom");
    EXPECT_LT(ran.load(), 100'000U);  // no new chunks after the failure
    // The executor is still usable.
    std::atomic<size_t> after{0};
    ASSERT_TRUE(executor->ParallelFor(50, [&](size_t) { after.fetch_add(1); }));
    EXPECT_EQ(after.load(), 50U);
  }
}

TEST(ExecutorTest, NestedLoopsDoNotDeadlock) {
  for (const size_t threads : {1, 2, 4}) {
    const auto executor = Make(threads);
    std::vector<std::atomic<int>> visits(64 * 64);
    const Status status = executor->ParallelFor(
        64,
        [&](size_t outer) -> Status {
          return executor->ParallelFor(
              64, [&](size_t inner) { visits[outer * 64 + inner].fetch_add(1); }, 1);
        },
        1);
    ASSERT_TRUE(status.has_value());
    for (auto& v : visits) ASSERT_EQ(v.load(), 1);
  }
}

TEST(ExecutorTest, ConcurrentCallersShareThePool) {
  const auto executor = Make(3);
  std::vector<std::atomic<int>> a(5000);
  std::vector<std::atomic<int>> b(5000);
  std::thread other([&] {
    EXPECT_TRUE(executor->ParallelFor(
        a.size(), [&](size_t i) { a[i].fetch_add(1); }, 1));
  });
  EXPECT_TRUE(executor->ParallelFor(
      b.size(), [&](size_t i) { b[i].fetch_add(1); }, 1));
  other.join();
  for (auto& v : a) ASSERT_EQ(v.load(), 1);
  for (auto& v : b) ASSERT_EQ(v.load(), 1);
}

// A factory that starts `allowed` threads, then refuses, as a system out of threads does.
Executor::ThreadFactory FailingAfter(size_t allowed) {
  auto started = std::make_shared<size_t>(0);
  return [started, allowed](std::function<void()> body) -> Result<std::thread> {
    if (*started == allowed) {
      return Fail(ErrorCode::kUnavailable,
                  "cannot start a thread: Resource temporarily unavailable");
    }
    ++*started;
    return std::thread(std::move(body));
  };
}

TEST(ExecutorTest, AThreadThatCannotStartLeavesFewerThreads) {
  auto executor =
      Executor::Create({.threads = 4, .thread_factory = FailingAfter(1), .allow_fewer = true});
  ASSERT_TRUE(executor.has_value());
  EXPECT_EQ((*executor)->threads(), 2U);
  EXPECT_EQ((*executor)->shortfall(),
            "running on 2 of 4 threads: cannot start a thread: Resource temporarily unavailable");
  std::vector<std::atomic<int>> visits(1000);
  ASSERT_TRUE((*executor)->ParallelFor(visits.size(), [&](size_t i) { visits[i].fetch_add(1); }));
  for (auto& v : visits) ASSERT_EQ(v.load(), 1);
}

TEST(ExecutorTest, NoThreadStartingStillRunsInline) {
  auto executor =
      Executor::Create({.threads = 3, .thread_factory = FailingAfter(0), .allow_fewer = true});
  ASSERT_TRUE(executor.has_value());
  EXPECT_EQ((*executor)->threads(), 1U);
  size_t sum = 0;
  ASSERT_TRUE((*executor)->ParallelFor(10, [&](size_t i) { sum += i; }));
  EXPECT_EQ(sum, 45U);
}

TEST(ExecutorTest, AThreadThatCannotStartIsAnErrorWhenAllAreRequired) {
  auto executor =
      Executor::Create({.threads = 4, .thread_factory = FailingAfter(2), .allow_fewer = false});
  ASSERT_FALSE(executor.has_value());
  EXPECT_EQ(executor.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(executor.error().message(),
            "starting the executor: cannot start a thread: Resource temporarily unavailable");
}

}  // namespace
}  // namespace foresight
