// The `check` use case: read a charter, run the rules, return what they found.
#pragma once

#include <string>

#include "base/result.hpp"
#include "base/source_file.hpp"
#include "core/charter.hpp"
#include "core/check.hpp"

namespace foresight::app {

// Checks the charter at `path` (a file, or a folder holding foresight.yaml). Fails
// (kNotFound) only when there is no charter there; every problem inside the file is a
// diagnostic in the result, and an unreadable charter is a result with `readable` false.
Result<core::CheckResult> CheckCharterFile(const std::string& path);

// Checks a charter already read (the server's entry point: a charter posted to it).
core::CheckResult CheckCharter(std::shared_ptr<const SourceFile> file);
// Checks a charter's text, shown as `name`; a text over the charter size limit is a finding,
// as for a file.
core::CheckResult CheckCharterText(const std::string& name, std::string text);

// The charter file a path names: the path itself, or `foresight.yaml` inside a directory.
std::string ResolveCharterPath(const std::string& path);

}  // namespace foresight::app
