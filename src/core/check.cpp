#include "core/check.hpp"

#include <algorithm>

namespace foresight::core {

bool CheckResult::HasFindingAtOrAbove(Severity severity) const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const diag::Diagnostic& d) { return d.severity >= severity; });
}

}  // namespace foresight::core
