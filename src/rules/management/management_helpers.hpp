// Helpers shared by the management rules (M001-M010).
#pragma once

#include <string>
#include <string_view>

#include "core/charter.hpp"

namespace foresight::rules {

// Whether the field, list or section at `path` was written as a "TODO" placeholder. Lists
// and sections written as TODO leave no Field to ask, only an entry in charter.placeholders.
bool IsPlaceholderAt(const core::Charter& charter, std::string_view path);

// Whether a method's effort still lies ahead: planned and running methods count, done and
// dropped ones do not; a method without a status counts.
bool StillToDo(const core::Method& method);

// A role in words, plural, for messages: "annotators", "ML engineers".
std::string RolePlural(core::Role role);

// How a method is named in messages: "method 'fine-tune BERT'", or "method 2" (1-based)
// when it has no name.
std::string MethodLabel(const core::Method& method, size_t index);

}  // namespace foresight::rules
