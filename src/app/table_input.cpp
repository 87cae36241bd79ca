#include "app/table_input.hpp"

#include <fmt/format.h>

#include "app/ingest.hpp"
#include "base/files.hpp"
#include "base/strings.hpp"

namespace foresight::app {

void RowProblems::Add(uint32_t offset, std::string detail) {
  if (offsets_.size() < 5) {
    offsets_.push_back(offset);
    if (details_.size() < 3 && !detail.empty()) details_.push_back(std::move(detail));
  }
  ++count_;
}

void RowProblems::Report(const SourceFile& file, std::vector<diag::Diagnostic>& out) const {
  if (count_ == 0) return;
  std::string lines;
  for (size_t i = 0; i < offsets_.size(); ++i) {
    lines += (i ? ", " : "") + std::to_string(file.LocationOf(offsets_[i]).line);
  }
  if (count_ > offsets_.size()) lines += fmt::format(" and {} more", count_ - offsets_.size());
  diag::Diagnostic d;
  d.code = "input";
  d.message = fmt::format("{} row{} {} (line{} {})", count_, count_ == 1 ? "" : "s", what_,
                          offsets_.size() == 1 ? "" : "s", lines);
  if (!details_.empty()) d.message += ": " + Join(details_, "; ");
  d.file = &file;
  d.span = Span{offsets_.front(), offsets_.front() + 1};
  d.help.push_back(help_);
  out.push_back(std::move(d));
}

diag::Diagnostic FileProblem(const SourceFile& file, std::string message, std::string help) {
  diag::Diagnostic d;
  d.code = "input";
  d.message = std::move(message);
  d.file = &file;
  d.span = Span{0, 1};
  d.help.push_back(std::move(help));
  return d;
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
  if (text->size() >= UINT32_MAX) {
    return Fail(ErrorCode::kResourceExhausted, fmt::format("'{}' is larger than 4 GiB", path));
  }
  return std::make_unique<SourceFile>(path, std::move(*text));
}

}  // namespace foresight::app
