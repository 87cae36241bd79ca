// Reading a user's table (CSV, JSON Lines or ARFF) for a use case, with problems reported as
// diagnostics that point into the file: shared by ingestion and the forecaster.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"
#include "table/problems.hpp"
#include "table/table.hpp"

namespace foresight::app {

using table::RowProblems;

// A problem with the file as a whole (pointing at its first byte).
diag::Diagnostic FileProblem(const SourceFile& file, std::string message, std::string help);

// The column's index, or a diagnostic naming the columns there are (with a did-you-mean).
std::optional<size_t> RequireColumn(const table::Table& t, const SourceFile& file,
                                    const std::string& name, std::string_view option,
                                    std::vector<diag::Diagnostic>& out);

// Reads a table file of at most kMaxTableBytes.
Result<std::unique_ptr<SourceFile>> LoadTable(const std::string& path);
// The same from bytes already read, named `path` in messages.
Result<std::unique_ptr<SourceFile>> TableFromBytes(const std::string& path, std::string bytes);

}  // namespace foresight::app
