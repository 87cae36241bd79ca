#include "base/memory.hpp"

#include <gtest/gtest.h>

namespace foresight {
namespace {

constexpr std::string_view kMeminfo =
    "MemTotal:       24000000 kB\nMemFree:         1000000 kB\nMemAvailable:   16000000 kB\n";

TEST(MemoryTest, AvailableIsTheKernelsFigureCappedByTheCgroupsLimit) {
  EXPECT_EQ(AvailableMemoryFrom(kMeminfo, "", ""), uint64_t{16000000} * 1024);
  EXPECT_EQ(AvailableMemoryFrom(kMeminfo, "max\n", "123\n"), uint64_t{16000000} * 1024)
      << "no limit";
  EXPECT_EQ(AvailableMemoryFrom(kMeminfo, "4294967296\n", "1073741824\n"), uint64_t{3} << 30U);
  EXPECT_EQ(AvailableMemoryFrom(kMeminfo, "100\n", "200\n"), 0u) << "over the limit already";
  EXPECT_EQ(AvailableMemoryFrom("", "", ""), std::nullopt);
  EXPECT_EQ(AvailableMemoryFrom("", "1000\n", "10\n"), 990u);
}

TEST(MemoryTest, ThisMachineReportsSome) {
  const auto available = AvailableMemoryBytes();
  ASSERT_TRUE(available.has_value()) << "Linux reports MemAvailable";
  EXPECT_GT(*available, 0u);
}

}  // namespace
}  // namespace foresight
