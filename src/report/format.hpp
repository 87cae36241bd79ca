// Output formats, a small closed set shared by every command.
#pragma once

#include <optional>
#include <string_view>

namespace foresight::report {

enum class Format { kText, kJson, kSarif, kMarkdown };

// "text", "json", "sarif", "md".
std::string_view FormatName(Format format);
std::optional<Format> ParseFormat(std::string_view name);

}  // namespace foresight::report
