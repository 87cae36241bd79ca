#include "report/format.hpp"

namespace foresight::report {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kJson:
      return "json";
    case Format::kSarif:
      return "sarif";
    case Format::kMarkdown:
      return "md";
  }
  return "text";
}

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "sarif") return Format::kSarif;
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  return std::nullopt;
}

}  // namespace foresight::report
