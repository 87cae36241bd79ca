#include "base/progress.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace foresight {
namespace {

TEST(ProgressTest, FractionIsDoneOverPlannedAndNeverPastTheEnd) {
  Progress p;
  EXPECT_EQ(p.Read().Fraction(), 0) << "nothing planned: nothing to show";
  p.Plan(300);
  p.Plan(100);
  p.Advance(100);
  EXPECT_DOUBLE_EQ(p.Read().Fraction(), 0.25);
  p.Advance(1000);
  EXPECT_EQ(p.Read().Fraction(), 1);
}

// Workers advance and rename the subject while a reader polls: every unit is counted once
// (ThreadSanitizer runs this in the concurrency build).
TEST(ProgressTest, ManyThreadsAdvanceWhileOneReads) {
  Progress p;
  constexpr int kThreads = 4;
  constexpr int kSteps = 20000;
  p.Plan(uint64_t{kThreads} * kSteps);
  std::atomic<bool> stop{false};
  std::thread reader([&] {
    while (!stop.load()) {
      const Progress::Snapshot s = p.Read();
      EXPECT_LE(s.done, s.total);
      EXPECT_TRUE(s.subject.empty() || s.subject.rfind("worker ", 0) == 0) << s.subject;
    }
  });
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&p, t] {
      for (int i = 0; i < kSteps; ++i) {
        if (i % 1000 == 0) p.SetSubject("worker " + std::to_string(t));
        p.Advance(1);
      }
    });
  }
  for (auto& w : workers) w.join();
  stop = true;
  reader.join();
  EXPECT_EQ(p.Read().done, uint64_t{kThreads} * kSteps);
}

}  // namespace
}  // namespace foresight
