#include "base/memory.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <string>

namespace foresight {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::optional<uint64_t> Number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  return value;
}

// The cgroup v2 group of this process: "0::/user.slice/..." in /proc/self/cgroup.
std::string CgroupDirectory() {
  const std::string self = Slurp("/proc/self/cgroup");
  const size_t at = self.find("0::");
  if (at == std::string::npos) return {};
  const size_t end = self.find('\n', at);
  return "/sys/fs/cgroup" + self.substr(at + 3, end == std::string::npos ? end : end - at - 3);
}

}  // namespace

std::optional<uint64_t> AvailableMemoryFrom(std::string_view meminfo, std::string_view cgroup_max,
                                            std::string_view cgroup_current) {
  std::optional<uint64_t> available;
  constexpr std::string_view kKey = "MemAvailable:";
  if (const size_t at = meminfo.find(kKey); at != std::string_view::npos) {
    if (const auto kib = Number(meminfo.substr(at + kKey.size()))) available = *kib * 1024;
  }
  const auto limit = Number(cgroup_max);  // "max" (no limit) does not parse
  const auto used = Number(cgroup_current);
  if (limit && used) {
    const uint64_t left = *limit > *used ? *limit - *used : 0;
    available = available ? std::min(*available, left) : left;
  }
  return available;
}

std::optional<uint64_t> AvailableMemoryBytes() {
  const std::string group = CgroupDirectory();
  return AvailableMemoryFrom(Slurp("/proc/meminfo"),
                             group.empty() ? "" : Slurp(group + "/memory.max"),
                             group.empty() ? "" : Slurp(group + "/memory.current"));
}

}  // namespace foresight
