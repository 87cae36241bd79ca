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

// Writes DIRECTORY/foresight.yaml (atomically; never over an existing file unless `force`).
// Returns the path written.
Result<std::string> RunInit(const InitOptions& options);

// The template text. Every value is TODO, so `foresight check` reports only
// "fill this in" findings (M001) on it.
std::string_view CharterTemplate();

}  // namespace foresight::app
