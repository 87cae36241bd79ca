#include "rules/doomed/doomed_helpers.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules::doomed {

std::vector<TextField> ProseFieldsNamed(const core::Charter& charter,
                                        std::initializer_list<std::string_view> paths) {
  std::vector<TextField> out;
  for (TextField& f : ProseFields(charter)) {
    if (std::find(paths.begin(), paths.end(), f.path) != paths.end()) out.push_back(std::move(f));
  }
  return out;
}

std::string SourceLabel(const core::Charter& charter, size_t index) {
  const core::DataSource& s = charter.data.sources[index];
  if (s.name.has() && !s.name->empty()) return "'" + *s.name + "'";
  return fmt::format("#{}", index + 1);
}

bool IsFineGrained(const core::Task& task) {
  if (!task.granularity.has()) return false;
  switch (*task.granularity) {
    case core::Granularity::kFineGrained:
    case core::Granularity::kInstance:
      return true;
    case core::Granularity::kCoarse:
      return false;
  }
  return false;
}

std::string FineGrainedTaskPhrase(const core::Task& task) {
  return task.granularity.has() && *task.granularity == core::Granularity::kInstance
             ? "an instance-level task"
             : "a fine-grained task";
}

std::optional<int64_t> TotalRows(const core::Charter& charter) {
  const core::Data& data = charter.data;
  // A source written as TODO is dropped from the list, so the others would be a partial sum.
  if (data.sources.empty() || UnderPlaceholder(charter, "data.sources")) return std::nullopt;
  int64_t total = 0;
  for (const core::DataSource& s : data.sources) {
    if (!s.rows.has()) return std::nullopt;
    total += *s.rows;
  }
  return total;
}

Span RowsSpan(const core::Data& data) {
  if (data.sources.size() == 1) return data.sources.front().rows.span;
  return data.sources_mark.span;
}

std::string RowsPath(const core::Data& data) {
  return data.sources.size() == 1 ? "data.sources[0].rows" : "data.sources";
}

}  // namespace foresight::rules::doomed
