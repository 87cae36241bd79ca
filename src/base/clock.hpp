// Clock: where "now" comes from, so tests can fix it.
#pragma once

#include <string>

namespace foresight {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current UTC time as ISO 8601, e.g. "2026-11-28T15:09:11Z".
  virtual std::string NowIso8601() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::string NowIso8601() const override;
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::string now) : now_(std::move(now)) {}
  std::string NowIso8601() const override { return now_; }
  void Set(std::string now) { now_ = std::move(now); }

 private:
  std::string now_;
};

}  // namespace foresight
