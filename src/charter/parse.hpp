// Turns a charter file's text into a typed core::Charter, with a span on every value.
//
// Every problem is reported to the sink, so one run shows all of them:
//   "input"  — the bytes are not a text file (NUL bytes, invalid UTF-8, too large)
//   "syntax" — malformed YAML, nesting too deep, aliases, several documents
//   "schema" — wrong types, unknown keys (with a did-you-mean), duplicate keys, bad enum
//              values, numbers out of range, invalid dates
// A charter with any of these is unreadable: callers should not run rules on it.
#pragma once

#include <cstddef>

#include "base/source_file.hpp"
#include "core/charter.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::charter {

// The largest charter accepted; a real one is a few kilobytes.
inline constexpr size_t kMaxCharterBytes = size_t{1024} * 1024;

// Parses and validates. Fields that could not be read are left absent.
core::Charter ParseCharter(const SourceFile& file, diag::DiagnosticSink& sink);

// The top-level keys of a charter, in the order docs/charter.md lists them.
std::span<const std::string_view> TopLevelKeys();

}  // namespace foresight::charter
