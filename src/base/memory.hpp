// How much memory a process may still use: what the kernel reports as available, capped by
// the control group's limit when one is set (containers, CI runners, systemd slices).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace foresight {

// min(MemAvailable of /proc/meminfo, memory.max - memory.current of the process's cgroup v2
// group); nullopt when neither can be read (not Linux, /proc not mounted).
std::optional<uint64_t> AvailableMemoryBytes();

// The same from given file contents, for tests: `meminfo` as /proc/meminfo, `cgroup_max`
// and `cgroup_current` as the cgroup files ("max" means no limit; empty: not read).
std::optional<uint64_t> AvailableMemoryFrom(std::string_view meminfo, std::string_view cgroup_max,
                                            std::string_view cgroup_current);

}  // namespace foresight
