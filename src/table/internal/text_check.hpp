// The checks every text table format shares before parsing: not empty, not binary, UTF-8.
// Private to the table module.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foresight::table {

struct TextProblem {
  uint32_t offset = 0;
  std::string message;
  std::string help;
};

// The first reason `text` cannot be a `kind` file ("CSV or JSON Lines", "ARFF"), if any.
// `empty_help` says what an empty file should start with; `export_help` how to get text.
std::optional<TextProblem> CheckTableText(std::string_view text, std::string_view kind,
                                          std::string_view empty_help,
                                          std::string_view export_help);

}  // namespace foresight::table
