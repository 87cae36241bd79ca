#include "stats/power.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "stats/distributions.hpp"

namespace foresight::stats {
namespace {

TEST(StatsPowerTest, ScalesWithTheSquaredRatio) {
  // se = |difference| at n = 1000, 95% confidence, 80% power (the default): need
  // n (z_0.975 + z_0.8)^2 = 1000 * 2.801585^2 = 7848.9 -> 7849 (SciPy's norm.ppf); at 50%
  // power z_0.5 = 0: 1000 * 1.959964^2 = 3841.5 -> 3842.
  EXPECT_EQ(ExamplesToResolve(0.01, 0.01, 1000, 0.95), 7849U);
  EXPECT_EQ(ExamplesToResolve(-0.01, 0.01, 1000, 0.95), 7849U);
  EXPECT_EQ(ExamplesToResolve(0.01, 0.01, 1000, 0.95, 0.5), 3842U);
  // Already resolved with room to spare: fewer than n.
  EXPECT_LT(ExamplesToResolve(0.1, 0.01, 1000, 0.95), 1000U);
  // At the returned size, the difference lies (z + z_power) standard errors from 0.
  const size_t needed = ExamplesToResolve(0.003, 0.004, 5000, 0.9);
  const double z = NormalQuantile(0.95) + NormalQuantile(0.8);
  const double se = 0.004 * std::sqrt(5000.0 / static_cast<double>(needed));
  EXPECT_LE(z * se, 0.003);
  const double se_one_less = 0.004 * std::sqrt(5000.0 / static_cast<double>(needed - 1));
  EXPECT_GT(z * se_one_less, 0.003);
}

TEST(StatsPowerTest, Edges) {
  constexpr size_t kNever = std::numeric_limits<size_t>::max();
  EXPECT_EQ(ExamplesToResolve(0, 0.01, 1000, 0.95), kNever);
  EXPECT_EQ(ExamplesToResolve(std::nan(""), 0.01, 1000, 0.95), kNever);
  EXPECT_EQ(ExamplesToResolve(1e-300, 1, 1000, 0.95), kNever);
  EXPECT_EQ(ExamplesToResolve(0.1, 0, 1000, 0.95), 0U);
}

}  // namespace
}  // namespace foresight::stats
