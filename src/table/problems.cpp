#include "table/problems.hpp"

#include <fmt/format.h>

#include "base/strings.hpp"

namespace foresight::table {

diag::Diagnostic InputProblem(const SourceFile& file, uint32_t offset, std::string message,
                              std::string help) {
  diag::Diagnostic d;
  d.code = "input";
  d.message = std::move(message);
  d.file = &file;
  d.span = Span{offset, offset + 1};
  d.help.push_back(std::move(help));
  return d;
}

void RowProblems::Add(uint32_t offset, std::string detail) {
  if (offsets_.size() < 5) {
    offsets_.push_back(offset);
    if (details_.size() < 3 && !detail.empty()) {
      // A quoted cell may be a megabyte long: its start says which it is.
      constexpr size_t kMaxDetailBytes = 80;
      if (detail.size() > kMaxDetailBytes) {
        size_t cut = kMaxDetailBytes - 20;
        while (cut > 0 && (static_cast<unsigned char>(detail[cut]) & 0xC0U) == 0x80U) --cut;
        detail = detail.substr(0, cut) + "… (" + std::to_string(detail.size()) + " bytes)";
      }
      details_.push_back(std::move(detail));
    }
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
  std::string message = fmt::format("{} {}{} {} (line{} {})", count_, noun_, count_ == 1 ? "" : "s",
                                    what_, offsets_.size() == 1 ? "" : "s", lines);
  if (!details_.empty()) message += ": " + Join(details_, "; ");
  out.push_back(InputProblem(file, offsets_.front(), std::move(message), help_));
}

}  // namespace foresight::table
