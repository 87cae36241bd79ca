// Severity of a finding, shared by diagnostics and rule metadata.
#pragma once

#include <optional>
#include <string_view>

namespace foresight {

// Ordered: a finding "at or above" a level compares >= to it.
enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

// "info", "warning" or "error".
std::string_view SeverityName(Severity severity);

// Parses "info" | "warning" | "error"; nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view text);

}  // namespace foresight
