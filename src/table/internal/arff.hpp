// The ARFF reader behind ReadTable(..., TableFormat::kArff). Private to the table module.
#pragma once

#include <optional>

#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"
#include "table/table.hpp"

namespace foresight::table {

std::optional<Table> ReadArff(const SourceFile& file, diag::DiagnosticSink& sink,
                              const ReadFilters& filters = {});

}  // namespace foresight::table
