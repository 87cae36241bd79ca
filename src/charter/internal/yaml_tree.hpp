// A YAML document as a tree of nodes with byte spans, built from libyaml's event API.
//
// Hardened for hostile input: nesting deeper than kMaxDepth, more than kMaxNodes nodes,
// aliases (the "billion laughs" vector) and more than one document are errors, reported as
// diagnostics with a position. The tree is small and owned by value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::charter::internal {

inline constexpr size_t kMaxDepth = 64;
inline constexpr size_t kMaxNodes = 200'000;

struct Node {
  enum class Kind { kScalar, kSequence, kMapping };

  Kind kind = Kind::kScalar;
  Span span;
  std::string text;    // scalars: the value after YAML unescaping/folding
  bool plain = false;  // scalars: written without quotes or block style
  // Sequences: the items. Mappings: keys and values alternating (key0, value0, key1, ...).
  std::vector<Node> children;

  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_mapping() const { return kind == Kind::kMapping; }
  bool is_sequence() const { return kind == Kind::kSequence; }
};

// Parses `file` (already checked to be UTF-8 without NUL bytes). Returns the root node, or
// nullopt for an empty document. Problems go to `sink` as "syntax" diagnostics; when any
// is reported the return value is nullopt.
std::optional<Node> ParseYaml(const SourceFile& file, diag::DiagnosticSink& sink);

// A short description of a node's kind for messages: "a string", "a list", "a mapping".
std::string DescribeNode(const Node& node);

}  // namespace foresight::charter::internal
