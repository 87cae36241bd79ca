// Progress: how much of a long piece of work is done, for a progress bar on a terminal.
//
// A use case plans the units of work it expects (Plan, at the start, so that the fraction
// done and the time left mean something from the first update) and counts units off as
// they finish (Advance), from any thread: the bootstrap's workers advance it as their
// resamples finish. A reader on another thread (the CLI's bar) polls Read. Units are the
// use case's choice; the bootstrap counts examples times resamples, so a large run weighs
// more than a small slice. What is being worked on is a short subject (a run's name and a
// metric), never a sentence: the words around it are the report's.
//
// Thread-safety: every member may be called concurrently. The counters are atomics; the
// subject is behind a mutex, and is meant to change a few times per piece of work, not
// per unit.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>

namespace foresight {

class Progress {
 public:
  struct Snapshot {
    uint64_t done = 0;
    uint64_t total = 0;   // units planned; 0 when nothing has been planned yet
    std::string subject;  // what is being worked on now; may be empty
    double Fraction() const {
      if (total == 0) return 0;
      return std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    }
  };

  // Adds `units` to the work planned.
  void Plan(uint64_t units) { total_.fetch_add(units, std::memory_order_relaxed); }
  // Counts `units` of the planned work as done.
  void Advance(uint64_t units) { done_.fetch_add(units, std::memory_order_relaxed); }
  void SetSubject(std::string subject) {
    const std::lock_guard lock(mutex_);
    subject_ = std::move(subject);
  }
  Snapshot Read() const {
    Snapshot s;
    s.done = done_.load(std::memory_order_relaxed);
    s.total = total_.load(std::memory_order_relaxed);
    const std::lock_guard lock(mutex_);
    s.subject = subject_;
    return s;
  }

 private:
  std::atomic<uint64_t> done_{0};
  std::atomic<uint64_t> total_{0};
  mutable std::mutex mutex_;
  std::string subject_;
};

}  // namespace foresight
