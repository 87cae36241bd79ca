#include "store/internal/fault_injection.hpp"

#include <utility>

#include <fmt/format.h>

namespace foresight::store::internal {

void FaultInjection::Arm(int nth, int count) {
  const std::lock_guard lock(mutex_);
  countdown_ = nth > 0 && count > 0 ? nth : 0;
  remaining_ = count;
  armed_.store(countdown_ > 0);
}

bool FaultInjection::Hit(std::string_view what) {
  if (!armed_.load(std::memory_order_relaxed)) return false;
  const std::lock_guard lock(mutex_);
  if (countdown_ == 0) return false;
  if (countdown_ > 1) {
    --countdown_;
    return false;
  }
  hit_.emplace_back(what.substr(0, 40));
  if (--remaining_ <= 0) {
    countdown_ = 0;
    armed_.store(false);
  }
  return true;
}

std::vector<std::string> FaultInjection::Take() {
  const std::lock_guard lock(mutex_);
  return std::exchange(hit_, {});
}

Error FaultInjection::Failure(std::string_view what) {
  return {ErrorCode::kUnavailable,
          fmt::format("database: {}: injected failure", what.substr(0, 40))};
}

}  // namespace foresight::store::internal
