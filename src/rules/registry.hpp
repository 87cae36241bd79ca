// The rule registry: every rule, in id order, from one hand-written list (builtin_rules.cpp).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace foresight::rules {

class Registry {
 public:
  // Asserts that ids are unique and well-formed (letter of the factor + three digits).
  explicit Registry(std::vector<RuleDef> rules);

  std::span<const RuleDef> rules() const { return rules_; }
  // Every rule's metadata, in id order (for renderers, which do not see rules).
  std::vector<core::RuleMeta> Metas() const;
  // The rule with this id (case-insensitive), or null.
  const RuleDef* Find(std::string_view id) const;

 private:
  std::vector<RuleDef> rules_;
};

// The built-in rules. Cheap to call; returns the same contents every time.
const Registry& BuiltinRules();

}  // namespace foresight::rules
