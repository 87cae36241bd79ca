// Queries shared by the doomed rules (D002-D016): text fields by name, data totals, labels.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/charter.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules::doomed {

// The prose fields whose path is one of `paths`, in charter order. Rules that must not read
// every description (a data source's description is not what the model predicts) use it.
std::vector<TextField> ProseFieldsNamed(const core::Charter& charter,
                                        std::initializer_list<std::string_view> paths);

// How a data source is named in messages: "'CRM export'" or "#2" when it has no name.
std::string SourceLabel(const core::Charter& charter, size_t index);

// Whether the task tells apart many similar classes or individual instances.
bool IsFineGrained(const core::Task& task);

// "a fine-grained task" or "an instance-level task", for messages.
std::string FineGrainedTaskPhrase(const core::Task& task);

// The rows of all data sources, when every source states them; nullopt when a source
// leaves them out or as a placeholder, or is itself a placeholder (a partial sum would
// understate the data), or when there is no source.
std::optional<int64_t> TotalRows(const core::Charter& charter);

// The span to point at for the data volume: the single source's rows, or the sources key.
Span RowsSpan(const core::Data& data);

// The dotted path of that span, for `fields`.
std::string RowsPath(const core::Data& data);

}  // namespace foresight::rules::doomed
