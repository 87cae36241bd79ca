// The Rule: metadata (core::RuleMeta) plus a check that reads a charter and returns findings.
//
// A rule is one file under rules/<factor>/ defining `RuleDef Make<ID>()`; builtin_rules.cpp
// lists them. Rules are pure functions of the charter: no I/O, no state, no order.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/source_file.hpp"
#include "core/charter.hpp"
#include "core/rule_meta.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::rules {

// One problem a rule found. The engine turns it into a Diagnostic carrying the rule's id,
// severity and fix.
struct Finding {
  Span span;            // the value that triggered it (or the section, if the value is missing)
  std::string message;  // one line, specific to this charter
  std::vector<std::string> fields;  // the charter fields that made it fire
  std::vector<std::string> words;   // for free-text matches, the words that matched
  std::vector<std::string> help;    // extra help before the rule's fix
  std::vector<diag::Related> related;
};

// What a rule may look at.
class TextCache;  // text_match.cpp

struct RuleInput {
  const core::Charter& charter;
  const SourceFile& file;
  // The prose fields prepared for phrase searches, made on first use and shared by every
  // rule that reads the same input (one thread at a time).
  mutable std::shared_ptr<TextCache> text_cache = {};
};

using CheckFn = void (*)(const RuleInput& input, std::vector<Finding>& out);

struct RuleDef {
  core::RuleMeta meta;
  CheckFn check = nullptr;
};

}  // namespace foresight::rules
