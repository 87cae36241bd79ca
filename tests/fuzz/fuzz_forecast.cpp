// Fuzz target: bytes -> a points file (CSV, JSON Lines or ARFF, by the first byte) ->
// the whole forecast (parse, validate, fit every family, backtests, band, target) -> the
// text and JSON renderers. Nothing may crash, hang or trip a sanitizer, whatever the
// numbers (huge, tiny, negative, repeated sizes).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "app/forecast.hpp"
#include "report/forecast_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace foresight;
  if (size == 0 || size > (1U << 16U)) return 0;
  const table::TableFormat formats[] = {table::TableFormat::kCsv, table::TableFormat::kJsonLines,
                                        table::TableFormat::kArff};
  const table::TableFormat format = formats[data[0] % 3U];
  auto file = std::make_unique<SourceFile>(
      "fuzz.csv", std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  app::ForecastSettings settings;
  // The second byte picks options, so they are fuzzed too.
  if (size > 1) {
    if ((data[1] & 1U) != 0) settings.higher_is_better = (data[1] & 2U) != 0;
    if ((data[1] & 4U) != 0) settings.target = static_cast<double>(data[1]) / 255.0;
    if ((data[1] & 8U) != 0) settings.at = {3, 1e9};
  }
  auto outcome = app::ForecastFromSource(std::move(file), format, settings);
  if (!outcome || !outcome->forecast) return 0;
  const std::string text = report::RenderForecastText(*outcome->forecast);
  const std::string json = report::RenderForecastJson(*outcome->forecast);
  static_cast<void>(text.size() + json.size());
  return 0;
}
