// Number formatting and column widths shared by the renderers. Internal to report: not part of
// its interface.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/strings.hpp"
#include "core/rule_meta.hpp"

namespace foresight::report {

// A JSON number, or null for NaN and the infinities (JSON has neither).
inline nlohmann::ordered_json JsonNumber(double v) {
  return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

// Four decimals: 0.8123; "n/a" when not finite.
inline std::string Number(double v) { return std::isfinite(v) ? fmt::format("{:.4f}", v) : "n/a"; }

// A share as a whole percentage: 0.954 -> 95.
inline int Percent(double share) { return static_cast<int>(std::lround(share * 100)); }

// A count with its noun: "1 run", "3 runs".
inline std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The width of a text column: `minimum`, or the widest of `cell(row)` over `rows` (in code
// points, as fmt pads), so a long name widens its column instead of pushing the rest out of
// line.
template <typename Rows, typename Cell>
size_t ColumnWidth(size_t minimum, const Rows& rows, Cell cell) {
  size_t width = minimum;
  for (const auto& row : rows) {
    width = std::max(width, CodePoints(cell(row)));
  }
  return width;
}

// `text` broken at spaces into lines of at most `width` code points after `indent` (a longer
// word gets a line of its own), each line starting with `indent` and ending with '\n'.
inline std::string Wrap(std::string_view text, size_t width, std::string_view indent) {
  std::string out;
  std::string line;
  size_t line_width = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    const size_t w = CodePoints(word);
    if (!line.empty() && line_width + 1 + w > width) {
      out += fmt::format("{}{}\n", indent, line);
      line.clear();
      line_width = 0;
    }
    if (!word.empty()) {
      if (!line.empty()) {
        line += ' ';
        ++line_width;
      }
      line += word;
      line_width += w;
    }
    start = end + 1;
  }
  if (!line.empty()) out += fmt::format("{}{}\n", indent, line);
  return out;
}

// Text made safe inside HTML or XML, in element content and in quoted attributes: & < > " '
// escaped, and the control characters XML 1.0 forbids (even escaped) replaced by spaces.
inline std::string EscapeMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
          out += ' ';
        } else {
          out += ch;
        }
    }
  }
  return out;
}

// A verdict as an icon, for Markdown.
inline std::string_view VerdictIcon(core::Verdict verdict) {
  switch (verdict) {
    case core::Verdict::kOk:
      return "✅";
    case core::Verdict::kAtRisk:
      return "⚠️";
    case core::Verdict::kFailing:
      return "❌";
  }
  return "";
}

// Percent-encodes a path into a URI reference (keeps '/' and unreserved characters), for
// SARIF's artifact locations.
inline std::string PathToUri(const std::string& path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (keep) {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// A SARIF 2.1.0 log of one run of foresight over one file (`artifact`, a path): its rules
// (tool.driver.rules) and results, as `check` and `gate` write them.
inline std::string SarifLog(nlohmann::ordered_json rules, nlohmann::ordered_json results,
                            const std::string& artifact, const std::string& tool_version) {
  using Json = nlohmann::ordered_json;
  Json run;
  run["tool"] = {{"driver",
                  {{"name", "foresight"},
                   {"version", tool_version},
                   {"informationUri", "https://github.com/foresight-ml/foresight"},
                   {"rules", std::move(rules)}}}};
  run["artifacts"] = Json::array({{{"location", {{"uri", PathToUri(artifact)}}}}});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  Json out;
  out["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  out["version"] = "2.1.0";
  out["runs"] = Json::array({std::move(run)});
  return out.dump(2) + "\n";
}

// Text made safe for one cell of a Markdown table: '|' escaped, line breaks as spaces.
inline std::string EscapeMarkdownCell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace foresight::report
