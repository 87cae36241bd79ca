// The `init` use case: write a commented template charter for the user to fill in.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"

namespace foresight::app {

struct InitOptions {
  std::string directory = ".";
  bool force = false;  // overwrite an existing foresight.yaml
};

struct InitOutcome {
  std::string charter;           // DIR/foresight.yaml
  bool charter_written = false;  // false when one existed and was kept
  std::string workspace;         // DIR/.foresight
};

// Creates the workspace DIR/.foresight/ with its database (idempotent) and writes
// DIR/foresight.yaml unless one exists (`force` overwrites it; writes are atomic).
Result<InitOutcome> RunInit(const InitOptions& options);

// The template text. Every value is TODO, so `foresight check` reports only
// "fill this in" findings (M001) on it.
std::string_view CharterTemplate();

}  // namespace foresight::app
