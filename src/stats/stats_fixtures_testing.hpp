// Test-only helpers: reading the reference values in tests/fixtures/stats/ (generated once
// by make_fixtures.py with SciPy / scikit-learn) and small kernels to bootstrap.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
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

}  // namespace foresight::stats::testing
