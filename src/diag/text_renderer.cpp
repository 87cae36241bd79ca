#include "diag/text_renderer.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "base/strings.hpp"

namespace foresight::diag {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kBlue = "\x1b[1;34m";
constexpr std::string_view kCyan = "\x1b[1;36m";

std::string_view SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kInfo:
      return "\x1b[1;36m";
  }
  return "";
}

std::string Paint(std::string_view text, std::string_view color, const TextStyle& style) {
  if (!style.color) return std::string(text);
  return fmt::format("{}{}{}", color, text, kReset);
}

// The line as it is safe to print on a terminal: control characters and bytes that are not
// UTF-8 become U+FFFD, one code point each, so columns still line up.
std::string Printable(std::string_view line) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80U) {
      if ((c < 0x20U && c != '\t') || c == 0x7FU) {
        out += kReplacement;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const size_t length = Utf8SequenceAt(line, i);
    if (length > 0) {
      out += line.substr(i, length);
      i += length;
    } else {
      out += kReplacement;
      ++i;
      while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U) ++i;
    }
  }
  return out;
}

// Byte offset of the code point `index` (0-based) of `line`, or line.size() past the end.
size_t ByteOfCodePoint(std::string_view line, size_t index) {
  size_t seen = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U) continue;
    if (seen == index) return i;
    ++seen;
  }
  return line.size();
}

// The part of a line a snippet shows: all of it, or, for a line longer than kMaxColumns code
// points (minified JSON, a binary file), a window around the span's start, with an ellipsis
// on each side that was cut.
struct Window {
  std::string_view text;  // the bytes shown
  size_t first_column;    // the column (1-based, in code points) of text's first character
  bool cut_left;
  bool cut_right;
};
constexpr size_t kMaxColumns = 120;
constexpr size_t kColumnsBefore = 40;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

Window ShownPart(std::string_view line, size_t column) {
  const size_t columns = CodePoints(line);
  if (columns <= kMaxColumns) return {line, 1, false, false};
  const size_t first = column > kColumnsBefore ? std::min(column - kColumnsBefore, columns) : 1;
  const size_t begin = ByteOfCodePoint(line, first - 1);
  const size_t end = ByteOfCodePoint(line, first - 1 + kMaxColumns);
  return {line.substr(begin, end - begin), first, first > 1, end < line.size()};
}

// The source line, then an underline under the span (to the end of the line if the span
// continues past it). Tabs before the span are kept so the underline lines up.
void AppendSnippet(std::string& out, const Diagnostic& d, const TextStyle& style) {
  const SourceFile& file = *d.file;
  const Location start = file.LocationOf(d.span.begin);
  const std::string_view full_line = file.LineText(start.line);
  const Window shown = ShownPart(full_line, start.column);
  const std::string_view line = shown.text;
  const std::string number = std::to_string(start.line);
  const std::string gutter(number.size(), ' ');
  out += fmt::format("{} {}\n", gutter, Paint("|", kBlue, style));
  out += fmt::format("{} {} {}{}{}\n", Paint(number, kBlue, style), Paint("|", kBlue, style),
                     shown.cut_left ? kEllipsis : "", Printable(line),
                     shown.cut_right ? kEllipsis : "");

  std::string pad = shown.cut_left ? " " : "";
  size_t column = shown.first_column;
  for (size_t i = 0; i < line.size() && column < start.column; ++i) {
    const char c = line[i];
    if ((static_cast<unsigned char>(c) & 0xC0U) == 0x80U) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++column;
  }
  const Location end = file.LocationOf(d.span.end);
  // The underline stops where the shown part does.
  const size_t last_shown = shown.first_column + CodePoints(line);
  size_t width = 1;
  if (end.line == start.line && end.column > start.column) {
    width = std::min<size_t>(end.column, last_shown) - std::min<size_t>(start.column, last_shown);
  } else if (end.line > start.line) {
    width = last_shown - std::min<size_t>(start.column, last_shown);
  }
  width = std::max<size_t>(width, 1);
  out += fmt::format("{} {} {}{}\n", gutter, Paint("|", kBlue, style), pad,
                     Paint(std::string(width, '^'), SeverityColor(d.severity), style));
  if (!d.fields.empty()) {
    std::string fields;
    for (size_t i = 0; i < d.fields.size(); ++i) fields += (i ? ", " : "") + d.fields[i];
    out += fmt::format("{} {} fields: {}\n", gutter, Paint("=", kBlue, style), fields);
  }
  if (!d.words.empty()) {
    std::string words;
    for (size_t i = 0; i < d.words.size(); ++i) {
      words += (i ? ", " : "") + ("\"" + d.words[i] + "\"");
    }
    out += fmt::format("{} {} matched words: {}\n", gutter, Paint("=", kBlue, style), words);
  }
}

}  // namespace

std::string PositionLabel(const Diagnostic& d) {
  if (d.file == nullptr) return "<input>";
  const Location loc = d.file->LocationOf(d.span.begin);
  return fmt::format("{}:{}:{}", EscapeControls(d.file->path()), loc.line, loc.column);
}

std::string RenderText(const Diagnostic& d, const TextStyle& style) {
  std::string out;
  const std::string head = fmt::format("{}[{}]", SeverityName(d.severity), d.code);
  out += fmt::format("{}: {}: {}\n", Paint(PositionLabel(d), kBold, style),
                     Paint(head, SeverityColor(d.severity), style),
                     Paint(EscapeControls(d.message), kBold, style));
  if (d.file != nullptr && !d.file->text().empty()) AppendSnippet(out, d, style);
  for (const Related& related : d.related) {
    if (d.file == nullptr) break;
    const Location loc = d.file->LocationOf(related.span.begin);
    out += fmt::format("{}: {}:{}:{}: {}\n", Paint("note", kCyan, style),
                       EscapeControls(d.file->path()), loc.line, loc.column,
                       EscapeControls(related.label));
  }
  for (const std::string& line : d.help) {
    out += fmt::format("{}: {}\n", Paint("help", kCyan, style), EscapeControls(line));
  }
  return out;
}

}  // namespace foresight::diag
