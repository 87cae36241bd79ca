// Fuzz target: bytes -> CSV, JSON Lines and ARFF readers -> every cell parsed as a number.
// The first byte picks the format (its value modulo 3). Nothing may crash, hang or trip a
// sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "table/table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace foresight;
  if (size == 0 || size > (1U << 20U)) return 0;
  const table::TableFormat formats[] = {table::TableFormat::kCsv, table::TableFormat::kJsonLines,
                                        table::TableFormat::kArff};
  const table::TableFormat format = formats[data[0] % 3U];
  const SourceFile file("fuzz.csv", std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  diag::DiagnosticSink sink;
  const std::optional<table::Table> table = table::ReadTable(file, format, sink);
  if (!table) return 0;
  double sum = 0;
  for (size_t r = 0; r < table->rows(); ++r) {
    for (size_t c = 0; c < table->columns().size(); ++c) {
      if (auto v = table::ParseNumber(table->Cell(r, c))) sum += *v;
      static_cast<void>(file.LocationOf(table->CellOffset(r, c)));
    }
  }
  static_cast<void>(sum);
  return 0;
}
