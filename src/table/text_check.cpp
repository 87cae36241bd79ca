#include "table/internal/text_check.hpp"

#include <fmt/format.h>

#include "base/strings.hpp"

namespace foresight::table {

std::optional<TextProblem> CheckTableText(std::string_view text, std::string_view kind,
                                          std::string_view empty_help,
                                          std::string_view export_help) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return TextProblem{0, "the file is empty", std::string(empty_help)};
  }
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return TextProblem{static_cast<uint32_t>(nul),
                       fmt::format("this is a binary file, not {} (NUL byte)", kind),
                       std::string(export_help)};
  }
  if (auto bad = FindInvalidUtf8(text)) {
    return TextProblem{static_cast<uint32_t>(*bad),
                       fmt::format("the file is not valid UTF-8 (byte 0x{:02x})",
                                   static_cast<unsigned char>(text[*bad])),
                       "save the file as UTF-8"};
  }
  return std::nullopt;
}

}  // namespace foresight::table
