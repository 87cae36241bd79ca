// Reading and writing whole files, with limits and without half-written results.
#pragma once

#include <cstddef>
#include <string>

#include "base/result.hpp"

namespace foresight {

// Reads a whole regular file. Fails with kNotFound if it does not exist, kInvalidArgument
// if it is a directory, not a regular file (a pipe, which could block forever, or a device
// such as /dev/zero, which never ends: refused before reading) or unreadable, and
// kResourceExhausted if it is larger than `max_bytes` (checked before reading, so a huge
// file costs nothing).
Result<std::string> ReadFile(const std::string& path, size_t max_bytes);

// Writes a file atomically: to a temporary file beside it, then renamed over the target, so
// readers see the old or the new content, never a part. Fails with kAlreadyExists when
// `overwrite` is false and the file exists.
Status WriteFileAtomic(const std::string& path, const std::string& content, bool overwrite);

}  // namespace foresight
