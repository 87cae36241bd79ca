// The `rules` and `explain` use cases: the rule registry's metadata.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "core/rule_meta.hpp"

namespace foresight::app {

// Every rule's metadata, in registry order (by factor, then id).
std::vector<core::RuleMeta> ListRules();

// One rule. Fails with kNotFound (with a did-you-mean) for an unknown id.
Result<core::RuleMeta> FindRule(std::string_view id);

}  // namespace foresight::app
