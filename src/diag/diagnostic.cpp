#include "diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace foresight::diag {

size_t DiagnosticSink::Count(Severity severity) const {
  return static_cast<size_t>(
      std::count_if(diagnostics_.begin(), diagnostics_.end(),
                    [&](const Diagnostic& d) { return d.severity == severity; }));
}

void SortByPosition(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.begin, a.code) < std::tie(b.span.begin, b.code);
                   });
}

}  // namespace foresight::diag
