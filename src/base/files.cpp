#include "base/files.hpp"

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
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(ErrorCode::kInvalidArgument, "cannot open '" + path + "': " + std::strerror(errno));
  }
  if (fs::is_regular_file(status)) {
    const auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
      return Fail(ErrorCode::kResourceExhausted, "'" + path + "' is " + std::to_string(size) +
                                                     " bytes; the limit is " +
                                                     std::to_string(max_bytes) + " bytes");
    }
  }
  // Regular files are read in one piece of their size; pipes and special files in blocks,
  // stopping one byte past the limit, so every input is bounded.
  std::string content;
  if (fs::is_regular_file(status)) {
    content.resize(static_cast<size_t>(fs::file_size(path, ec)));
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<size_t>(in.gcount()));
  } else {
    char block[65536];
    while (in && content.size() <= max_bytes) {
      in.read(block, sizeof block);
      content.append(block, static_cast<size_t>(in.gcount()));
    }
  }
  if (content.size() > max_bytes) {
    return Fail(ErrorCode::kResourceExhausted, "'" + path + "' is larger than the limit of " +
                                                   std::to_string(max_bytes) + " bytes");
  }
  if (in.bad()) {
    return Fail(ErrorCode::kInvalidArgument, "error reading '" + path + "'");
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
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Fail(ErrorCode::kInvalidArgument,
                  "cannot write '" + temp + "': " + std::strerror(errno));
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return Fail(ErrorCode::kUnavailable, "error writing '" + temp + "'");
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Fail(ErrorCode::kUnavailable, "cannot rename '" + temp + "' to '" + path + "'");
  }
  return {};
}

}  // namespace foresight
