#include "base/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace foresight {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return Fail(ErrorCode::kNotFound, "no such file: '" + path + "'");
  }
  if (fs::is_directory(status)) {
    return Fail(ErrorCode::kInvalidArgument, "'" + path + "' is a directory, not a file");
  }
  // Only regular files: a pipe with no writer would block the open, and a device such as
  // /dev/zero never ends. O_NONBLOCK keeps the open itself from waiting on a FIFO swapped in
  // after the check above; fstat then decides on what was opened.
  const auto not_regular = [&path] {
    return Fail(ErrorCode::kInvalidArgument,
                "'" + path +
                    "' is not a regular file (a pipe, a device or a socket): save its "
                    "content to a file and give that file");
  };
  if (!fs::is_regular_file(status)) return not_regular();
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return Fail(ErrorCode::kInvalidArgument, "cannot open '" + path + "': " + std::strerror(errno));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return not_regular();
  }
  const auto size = static_cast<size_t>(info.st_size);
  if (size > max_bytes) {
    ::close(fd);
    return Fail(ErrorCode::kResourceExhausted, "'" + path + "' is " + std::to_string(size) +
                                                   " bytes; the limit is " +
                                                   std::to_string(max_bytes) + " bytes");
  }
  // Read to the end, bounded by the limit: the file may have grown since fstat. Past the
  // size fstat gave, in blocks, so the usual file is held once, not in a doubled buffer.
  std::string content(size, '\0');
  size_t got = 0;
  while (true) {
    if (got == content.size()) {
      if (content.size() > max_bytes) break;
      content.resize(std::min(max_bytes + 1, content.size() + 65536));
    }
    const ssize_t n = ::read(fd, content.data() + got, content.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      return Fail(ErrorCode::kInvalidArgument,
                  "error reading '" + path + "': " + std::strerror(error));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  content.resize(got);
  if (content.size() > max_bytes) {
    return Fail(ErrorCode::kResourceExhausted, "'" + path + "' is larger than the limit of " +
                                                   std::to_string(max_bytes) + " bytes");
  }
  return content;
}

Status WriteFileAtomic(const std::string& path, const std::string& content, bool overwrite) {
  std::error_code ec;
  if (!overwrite && fs::exists(path, ec)) {
    return Fail(ErrorCode::kAlreadyExists, "'" + path + "' exists already; remove it or pass " +
                                               FieldRef("force") + " to overwrite it");
  }
  const std::string temp = path + ".tmp";
  // Written, flushed to the disk, then renamed, and the folder flushed too: after a power
  // cut the file holds the old content or the new, never an empty or partial one.
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot write '" + temp + "': " + std::strerror(errno));
  }
  const auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    fs::remove(temp, ec);
    return Fail(errno == ENOSPC ? ErrorCode::kResourceExhausted : ErrorCode::kUnavailable,
                what + " '" + temp + "': " + reason);
  };
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("error writing");
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("error flushing");
  ::close(fd);
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Fail(ErrorCode::kUnavailable, "cannot rename '" + temp + "' to '" + path + "'");
  }
  const fs::path parent = fs::absolute(path, ec).parent_path();
  if (const int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);  // best effort: some file systems cannot sync a folder
    ::close(dir);
  }
  return {};
}

}  // namespace foresight
