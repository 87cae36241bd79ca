// Test-only helpers: reading the reference values in tests/fixtures/stats/ (generated once
// by make_fixtures.py with SciPy / scikit-learn) and small kernels to bootstrap.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stats/metric.hpp"

namespace foresight::stats::testing {

// tests/fixtures/stats/<name>, parsed; fails the test (and returns null) when unreadable.
inline nlohmann::json LoadStatsFixture(const std::string& name) {
  const std::string path = std::string(FORESIGHT_SOURCE_DIR) + "/tests/fixtures/stats/" + name;
  std::ifstream in(path);
  if (!in) {
    ADD_FAILURE() << "cannot read fixture " << path;
    return nullptr;
  }
  return nlohmann::json::parse(in);
}

// The weighted mean of fixed values: sum c_i x_i / sum c_i, NaN when every count is 0.
class MeanKernel : public Kernel {
 public:
  explicit MeanKernel(std::vector<double> values) : values_(std::move(values)) {}
  double Evaluate(const Resample& resample) const override {
    double sum = 0;
    double weight = 0;
    for (size_t i = 0; i < values_.size(); ++i) {
      const double count = resample.Count(i);
      sum += count * values_[i];
      weight += count;
    }
    return weight > 0 ? sum / weight : std::nan("");
  }

 private:
  std::vector<double> values_;
};

// The same mean, declared as one (Kernel::AsMean), which the bootstrap evaluates in batches.
class DeclaredMeanKernel : public MeanKernel {
 public:
  explicit DeclaredMeanKernel(std::vector<double> values, bool take_sqrt)
      : MeanKernel(values), values_(std::move(values)), take_sqrt_(take_sqrt) {}
  double Evaluate(const Resample& resample) const override {
    const double mean = MeanKernel::Evaluate(resample);
    return take_sqrt_ ? std::sqrt(mean) : mean;
  }
  std::optional<MeanForm> AsMean() const override { return MeanForm{values_, take_sqrt_}; }

 private:
  std::vector<double> values_;
  bool take_sqrt_;
};

// Hides AsMean, so the bootstrap takes the general path (one kernel call per resample).
class OpaqueKernel : public Kernel {
 public:
  explicit OpaqueKernel(const Kernel& inner) : inner_(inner) {}
  double Evaluate(const Resample& resample) const override { return inner_.Evaluate(resample); }

 private:
  const Kernel& inner_;
};

}  // namespace foresight::stats::testing
