#include "app/table_input.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "app/ingest.hpp"
#include "base/files.hpp"
#include "base/strings.hpp"

namespace foresight::app {

diag::Diagnostic FileProblem(const SourceFile& file, std::string message, std::string help) {
  return table::InputProblem(file, 0, std::move(message), std::move(help));
}

std::optional<size_t> RequireColumn(const table::Table& t, const SourceFile& file,
                                    const std::string& name, std::string_view option,
                                    std::vector<diag::Diagnostic>& out) {
  if (auto index = t.Column(name)) return index;
  std::vector<std::string_view> names(t.columns().begin(), t.columns().end());
  std::string help = fmt::format("the columns are: {}", Join(t.columns(), ", "));
  if (auto match = ClosestMatch(name, names)) {
    help = fmt::format("did you mean '{}'? ", *match) + help;
  }
  out.push_back(FileProblem(file, fmt::format("no column '{}' (given by {})", name, option), help));
  return std::nullopt;
}

Result<std::unique_ptr<SourceFile>> LoadTable(const std::string& path) {
  Result<std::string> text = ReadFile(path, kMaxTableBytes);
  if (!text) return Fail(text.error());
  return TableFromBytes(path, std::move(*text));
}

// A SourceFile's offsets are 32-bit.
static_assert(kMaxTableBytes < UINT32_MAX);

Result<std::unique_ptr<SourceFile>> TableFromBytes(const std::string& path, std::string bytes) {
  if (bytes.size() > kMaxTableBytes) {
    return Fail(ErrorCode::kResourceExhausted,
                fmt::format("'{}' is larger than {} MiB; split it", path, kMaxTableBytes >> 20U));
  }
  return std::make_unique<SourceFile>(path, std::move(bytes));
}

}  // namespace foresight::app
