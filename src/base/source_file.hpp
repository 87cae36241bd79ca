// SourceFile and Span: a user's file held in memory, and byte ranges into it.
//
// Positions are stored as byte offsets (cheap, exact); line and column are computed only
// when a diagnostic is rendered. Columns count Unicode code points, as SARIF's
// `unicodeCodePoints` column kind does, so a caret lines up under non-ASCII text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace foresight {

// A half-open byte range [begin, end) into one SourceFile. An empty span marks a point.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// A 1-based line and a 1-based column counted in code points.
struct Location {
  uint32_t line = 1;
  uint32_t column = 1;
};

// An immutable file: its display path and its bytes. Thread-safe to read.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // The location of a byte offset; offsets past the end map to the end of the file.
  Location LocationOf(uint32_t offset) const;

  // The text of a 1-based line, without its line terminator; empty past the last line.
  std::string_view LineText(uint32_t line) const;

  // The bytes a span covers (clamped to the file).
  std::string_view TextOf(Span span) const;

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;  // byte offset of the first byte of each line
};

}  // namespace foresight
