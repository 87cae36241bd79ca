// Reader: typed, validated reads of YAML nodes into charter fields, reporting "schema"
// diagnostics. MapView: one mapping's entries, with duplicate and unknown-key checks.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "charter/internal/yaml_tree.hpp"
#include "core/charter.hpp"
#include "diag/diagnostic.hpp"

namespace foresight::charter::internal {

// A key and its value inside a mapping; both null when the key was not written.
struct Entry {
  const Node* key = nullptr;
  const Node* value = nullptr;
  explicit operator bool() const { return value != nullptr; }
};

// Whether a node is the "TODO" placeholder (TODO alone, or text starting "TODO:" or "TODO ").
bool IsPlaceholder(const Node& node);

class Reader {
 public:
  Reader(const SourceFile& file, diag::DiagnosticSink& sink, core::Charter& charter)
      : file_(file), sink_(sink), charter_(charter) {}

  void SchemaError(Span span, std::string message, std::vector<std::string> help = {});
  // Records a "TODO" placeholder written where a whole section or list was expected.
  void NotePlaceholder(const std::string& path, Span span) {
    charter_.placeholders.emplace_back(path, span);
  }

  void Read(Entry entry, const std::string& path, core::Field<std::string>& field);
  void Read(Entry entry, const std::string& path, core::Field<bool>& field);
  void Read(Entry entry, const std::string& path, core::Field<int64_t>& field, int64_t min,
            int64_t max);
  void Read(Entry entry, const std::string& path, core::Field<double>& field, double min,
            double max);
  void Read(Entry entry, const std::string& path, core::Field<core::Date>& field);

  template <typename E>
  void Read(Entry entry, const std::string& path, core::Field<E>& field) {
    if (!entry || !Begin(entry, path, field.span, field.state, "one of " + EnumNameList<E>())) {
      return;
    }
    std::vector<std::string_view> names;
    for (const auto& e : core::EnumEntries<E>()) names.push_back(e.name);
    const int index = FindName(*entry.value, path, names);
    if (index >= 0) {
      field.value = core::EnumEntries<E>()[static_cast<size_t>(index)].value;
      field.state = core::FieldState::kSet;
    }
  }

  // Calls `read_item(node, "path[i]")` for each item of a list; a null value is an empty
  // list. Marks `mark` present at the key.
  void ReadList(Entry entry, const std::string& path, core::SectionMark& mark,
                const std::function<void(const Node&, const std::string&)>& read_item);

  // Reads a list of scalars (strings or enum values) into fields.
  template <typename T>
  void ReadScalars(Entry entry, const std::string& path, core::SectionMark& mark,
                   std::vector<core::Field<T>>& out) {
    ReadList(entry, path, mark, [&](const Node& item, const std::string& item_path) {
      core::Field<T> field;
      Read(Entry{&item, &item}, item_path, field);
      if (!field.absent()) out.push_back(std::move(field));
    });
  }

 private:
  // Handles null, placeholders and non-scalars; true when the scalar should be parsed.
  bool Begin(Entry entry, const std::string& path, Span& span, core::FieldState& state,
             const std::string& expected);
  // Index of the node's text among names, or -1 after reporting an error.
  int FindName(const Node& node, const std::string& path, std::span<const std::string_view> names);
  template <typename E>
  static std::string EnumNameList() {
    std::string out;
    for (const auto& e : core::EnumEntries<E>()) {
      out += (out.empty() ? "" : ", ") + std::string(e.name);
    }
    return out;
  }

  const SourceFile& file_;
  diag::DiagnosticSink& sink_;
  core::Charter& charter_;
};

// The entries of one mapping. Reports duplicate keys at construction and, in Finish(), every
// key that was never asked for, with a did-you-mean among the keys that were.
class MapView {
 public:
  MapView(Reader& reader, const Node& node, std::string path);

  // The entry for `key`; an empty Entry when not written.
  Entry Get(std::string_view key);

  // Reports unknown keys. `allowed` are the keys this mapping may hold.
  void Finish(std::initializer_list<std::string_view> allowed);

  // Duplicate and unknown keys each reported one by one up to this many per mapping, then
  // in one error that counts the rest: a mapping of 100,000 stray keys is one screen, not
  // 100,000 errors.
  static constexpr size_t kMaxKeyErrors = 20;

 private:
  Reader& reader_;
  const Node& node_;
  std::string path_;
  std::vector<bool> used_;
};

// Marks a section present at its key and returns a MapView of it, or nullopt (after a
// schema error) when the value is not a mapping, or when it is null.
std::optional<MapView> OpenSection(Reader& reader, Entry entry, const std::string& path,
                                   core::SectionMark& mark);

}  // namespace foresight::charter::internal
