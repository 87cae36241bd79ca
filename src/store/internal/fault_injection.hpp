// Fault injection for the store's tests: a countdown to the statement that fails, as a lost
// connection would, shared by the backends (each keeps its own). Thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace foresight::store::internal {

class FaultInjection {
 public:
  // From now on, the nth statement (1-based) and the count - 1 after it fail; nth = 0: off.
  void Arm(int nth, int count);
  // Whether the statement `what`, starting now, is to fail (and notes it when so).
  bool Hit(std::string_view what);
  // The statements that failed by injection since the last call.
  std::vector<std::string> Take();
  // The error an injected failure returns: kUnavailable, naming the statement.
  static Error Failure(std::string_view what);

 private:
  std::mutex mutex_;
  int countdown_ = 0;  // the statement that fails first, counted from 1; 0: off
  int remaining_ = 0;  // how many fail from there
  std::vector<std::string> hit_;
  std::atomic<bool> armed_{false};
};

}  // namespace foresight::store::internal
