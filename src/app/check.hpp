// The `check` use case: read a charter, run the rules, render the result.
#pragma once

#include <string>

#include "base/result.hpp"
#include "base/severity.hpp"
#include "report/format.hpp"

namespace foresight::app {

struct CheckOptions {
  // A charter file, or a directory holding foresight.yaml.
  std::string path = ".";
  report::Format format = report::Format::kText;
  // Findings at or above this severity make the exit code 1.
  Severity fail_on = Severity::kError;
  bool color = false;
};

struct CheckOutcome {
  std::string output;  // the rendered report, for stdout
  // 0: nothing at or above fail_on; 1: findings at or above it; 2: the charter is unreadable.
  int exit_code = 0;
};

// Fails (kNotFound) only when there is no charter at the path; every problem inside the
// file is a diagnostic in the outcome.
Result<CheckOutcome> RunCheck(const CheckOptions& options);

// The charter file a path names: the path itself, or `foresight.yaml` inside a directory.
std::string ResolveCharterPath(const std::string& path);

}  // namespace foresight::app
