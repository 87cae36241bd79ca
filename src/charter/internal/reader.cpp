#include "charter/internal/reader.hpp"

#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "base/strings.hpp"

namespace foresight::charter::internal {
namespace {

bool IsNull(const Node& node) {
  return node.is_scalar() && node.plain &&
         (node.text.empty() || node.text == "~" || node.text == "null" || node.text == "Null" ||
          node.text == "NULL");
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::string FormatNumber(double value) { return fmt::format("{}", value); }

}  // namespace

bool IsPlaceholder(const Node& node) {
  return node.is_scalar() &&
         (node.text == "TODO" || node.text.starts_with("TODO:") || node.text.starts_with("TODO "));
}

void Reader::SchemaError(Span span, std::string message, std::vector<std::string> help) {
  diag::Diagnostic d;
  d.code = "schema";
  d.severity = Severity::kError;
  d.message = std::move(message);
  d.file = &file_;
  d.span = span;
  d.help = std::move(help);
  sink_.Add(std::move(d));
}

bool Reader::Begin(Entry entry, const std::string& path, Span& span, core::FieldState& state,
                   const std::string& expected) {
  const Node& value = *entry.value;
  span = value.span;
  if (IsNull(value)) {
    span = entry.key->span;
    state = core::FieldState::kAbsent;
    return false;
  }
  if (IsPlaceholder(value)) {
    state = core::FieldState::kPlaceholder;
    charter_.placeholders.emplace_back(path, value.span);
    return false;
  }
  if (!value.is_scalar()) {
    SchemaError(value.span,
                fmt::format("`{}` must be {}, not {}", path, expected, DescribeNode(value)));
    return false;
  }
  return true;
}

void Reader::Read(Entry entry, const std::string& path, core::Field<std::string>& field) {
  if (!entry || !Begin(entry, path, field.span, field.state, "text")) return;
  field.value = entry.value->text;
  field.state = core::FieldState::kSet;
}

void Reader::Read(Entry entry, const std::string& path, core::Field<bool>& field) {
  if (!entry || !Begin(entry, path, field.span, field.state, "true or false")) return;
  const Node& node = *entry.value;
  const std::string lower = ToLowerAscii(node.text);
  if (node.plain && lower == "true") {
    field.value = true;
  } else if (node.plain && lower == "false") {
    field.value = false;
  } else {
    SchemaError(node.span,
                fmt::format("`{}` must be true or false, not {}", path, DescribeNode(node)),
                {"write true or false, without quotes"});
    return;
  }
  field.state = core::FieldState::kSet;
}

void Reader::Read(Entry entry, const std::string& path, core::Field<int64_t>& field, int64_t min,
                  int64_t max) {
  if (!entry || !Begin(entry, path, field.span, field.state, "a whole number")) return;
  const Node& node = *entry.value;
  int64_t value = 0;
  const char* begin = node.text.data();
  const char* end = begin + node.text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (!node.plain || ec != std::errc() || ptr != end) {
    std::vector<std::string> help;
    help.emplace_back(node.plain ? "write digits only, e.g. 5000" : "remove the quotes");
    if (ec == std::errc::result_out_of_range) help[0] = "the number is too large";
    SchemaError(node.span,
                fmt::format("`{}` must be a whole number, not {}", path, DescribeNode(node)),
                std::move(help));
    return;
  }
  if (value < min || value > max) {
    SchemaError(node.span,
                fmt::format("`{}` must be between {} and {}, not {}", path, min, max, value));
    return;
  }
  field.value = value;
  field.state = core::FieldState::kSet;
}

void Reader::Read(Entry entry, const std::string& path, core::Field<double>& field, double min,
                  double max) {
  if (!entry || !Begin(entry, path, field.span, field.state, "a number")) return;
  const Node& node = *entry.value;
  double value = 0;
  const char* begin = node.text.data();
  const char* end = begin + node.text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (!node.plain || ec != std::errc() || ptr != end) {
    std::string hint = "write a plain number such as 0.9";
    if (!node.plain) hint = "remove the quotes";
    if (node.text.ends_with('%')) hint = "write a fraction without '%': 90% is 0.9";
    SchemaError(node.span, fmt::format("`{}` must be a number, not {}", path, DescribeNode(node)),
                {hint});
    return;
  }
  if (!std::isfinite(value)) {
    SchemaError(node.span, fmt::format("`{}` must be a finite number, not {}", path, node.text));
    return;
  }
  if (value < min || value > max) {
    SchemaError(node.span, fmt::format("`{}` must be between {} and {}, not {}", path,
                                       FormatNumber(min), FormatNumber(max), node.text));
    return;
  }
  field.value = value;
  field.state = core::FieldState::kSet;
}

void Reader::Read(Entry entry, const std::string& path, core::Field<core::Date>& field) {
  if (!entry || !Begin(entry, path, field.span, field.state, "a date (YYYY-MM-DD)")) return;
  const Node& node = *entry.value;
  const std::string& text = node.text;
  core::Date date;
  bool ok = text.size() == 10 && text[4] == '-' && text[7] == '-';
  auto number = [&](size_t pos, size_t len, int& out) {
    const auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return ec == std::errc() && ptr == text.data() + pos + len;
  };
  ok = ok && number(0, 4, date.year) && number(5, 2, date.month) && number(8, 2, date.day);
  ok = ok && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
       date.day <= DaysInMonth(date.year, date.month);
  if (!ok) {
    SchemaError(node.span,
                fmt::format("`{}` must be a calendar date written YYYY-MM-DD, not {}", path,
                            DescribeNode(node)),
                {"for example 2026-03-31"});
    return;
  }
  field.value = date;
  field.state = core::FieldState::kSet;
}

int Reader::FindName(const Node& node, const std::string& path,
                     std::span<const std::string_view> names) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == node.text) return static_cast<int>(i);
  }
  std::string list;
  for (std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
  std::vector<std::string> help;
  if (auto match = ClosestMatch(node.text, names)) {
    help.push_back(fmt::format("did you mean '{}'?", *match));
  }
  help.push_back("allowed values: " + list);
  SchemaError(node.span, fmt::format("`{}` has an unknown value {}", path, DescribeNode(node)),
              std::move(help));
  return -1;
}

void Reader::ReadList(Entry entry, const std::string& path, core::SectionMark& mark,
                      const std::function<void(const Node&, const std::string&)>& read_item) {
  if (!entry) return;
  mark.present = true;
  mark.span = entry.key->span;
  const Node& value = *entry.value;
  if (IsNull(value)) return;
  if (IsPlaceholder(value)) {
    NotePlaceholder(path, value.span);
    return;
  }
  if (!value.is_sequence()) {
    SchemaError(value.span, fmt::format("`{}` must be a list, not {}", path, DescribeNode(value)),
                {"write one item per line, each starting with '- '"});
    return;
  }
  for (size_t i = 0; i < value.children.size(); ++i) {
    read_item(value.children[i], fmt::format("{}[{}]", path, i));
  }
}

MapView::MapView(Reader& reader, const Node& node, std::string path)
    : reader_(reader), node_(node), path_(std::move(path)), used_(node.children.size() / 2) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(node_.children.size() / 2);
  size_t duplicates = 0;
  const Node* last_duplicate = nullptr;
  for (size_t i = 0; i + 1 < node_.children.size(); i += 2) {
    const Node& key = node_.children[i];
    if (!key.is_scalar()) {
      reader_.SchemaError(key.span, "keys must be plain words, not " + DescribeNode(key));
      used_[i / 2] = true;
      continue;
    }
    // A set of the keys seen, not a scan of the earlier ones: a hostile map of 100,000
    // keys would otherwise take minutes.
    if (!seen.insert(key.text).second) {
      used_[i / 2] = true;  // the first one wins; the duplicate is not reported again
      if (++duplicates > kMaxKeyErrors) {
        last_duplicate = &key;
        continue;
      }
      const std::string where = path_.empty() ? key.text : path_ + "." + key.text;
      reader_.SchemaError(key.span, fmt::format("duplicate key `{}`", where),
                          {"each key may appear once; merge the two entries"});
    }
  }
  if (duplicates > kMaxKeyErrors) {
    reader_.SchemaError(last_duplicate->span,
                        fmt::format("{} more duplicate keys in {}", duplicates - kMaxKeyErrors,
                                    path_.empty() ? "the charter's top level" : "`" + path_ + "`"),
                        {"each key may appear once; merge the entries"});
  }
}

Entry MapView::Get(std::string_view key) {
  for (size_t i = 0; i + 1 < node_.children.size(); i += 2) {
    if (node_.children[i].is_scalar() && node_.children[i].text == key && !used_[i / 2]) {
      used_[i / 2] = true;
      return Entry{&node_.children[i], &node_.children[i + 1]};
    }
  }
  return Entry{};
}

void MapView::Finish(std::initializer_list<std::string_view> allowed) {
  const std::vector<std::string_view> names(allowed);
  size_t unknown = 0;
  const Node* last_unknown = nullptr;
  for (size_t i = 0; i + 1 < node_.children.size(); i += 2) {
    if (used_[i / 2]) continue;
    const Node& key = node_.children[i];
    const bool known = std::find(names.begin(), names.end(), key.text) != names.end();
    if (known) continue;  // duplicates of known keys were reported already
    if (++unknown > kMaxKeyErrors) {
      last_unknown = &key;
      continue;
    }
    const std::string where = path_.empty() ? key.text : path_ + "." + key.text;
    std::vector<std::string> help;
    if (auto match = ClosestMatch(key.text, names)) {
      help.push_back(fmt::format("did you mean '{}'?", *match));
    }
    std::string list;
    for (std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
    help.push_back(fmt::format("keys allowed {}: {}",
                               path_.empty() ? "at the top level" : "in `" + path_ + "`", list));
    reader_.SchemaError(key.span, fmt::format("unknown key `{}`", where), std::move(help));
  }
  if (unknown > kMaxKeyErrors) {
    std::string list;
    for (std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
    reader_.SchemaError(
        last_unknown->span,
        fmt::format("{} more unknown keys in {}", unknown - kMaxKeyErrors,
                    path_.empty() ? "the charter's top level" : "`" + path_ + "`"),
        {fmt::format("keys allowed {}: {}",
                     path_.empty() ? "at the top level" : "in `" + path_ + "`", list)});
  }
}

std::optional<MapView> OpenSection(Reader& reader, Entry entry, const std::string& path,
                                   core::SectionMark& mark) {
  if (!entry) return std::nullopt;
  mark.present = true;
  mark.span = entry.key->span;
  const Node& value = *entry.value;
  if (IsNull(value)) return std::nullopt;
  if (IsPlaceholder(value)) {
    reader.NotePlaceholder(path, value.span);
    return std::nullopt;
  }
  if (!value.is_mapping()) {
    reader.SchemaError(
        value.span,
        fmt::format("`{}` must be a mapping of keys to values, not {}", path, DescribeNode(value)),
        {"write its fields indented on the lines below the key"});
    return std::nullopt;
  }
  return MapView(reader, value, path);
}

}  // namespace foresight::charter::internal
