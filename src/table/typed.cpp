#include "table/typed.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "base/strings.hpp"

namespace foresight::table {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The index (0 = false, 1 = true) of a boolean spelling, if it is one.
std::optional<int> BooleanValue(std::string_view text) {
  const std::string lower = ToLowerAscii(Trim(text));
  static constexpr std::pair<std::string_view, int> kSpellings[] = {
      {"true", 1}, {"false", 0}, {"yes", 1}, {"no", 0}, {"y", 1},
      {"n", 0},    {"t", 1},     {"f", 0},   {"1", 1},  {"0", 0}};
  for (const auto& [spelling, value] : kSpellings) {
    if (lower == spelling) return value;
  }
  return std::nullopt;
}

bool FillNumeric(const Table& t, size_t c, TypedColumn& col) {
  col.values.assign(t.rows(), kMissing);
  col.missing = 0;
  for (size_t r = 0; r < t.rows(); ++r) {
    if (IsMissing(t, r, c)) {
      ++col.missing;
      continue;
    }
    const auto v = ParseNumber(Trim(t.Cell(r, c)));
    if (!v || !std::isfinite(*v)) return false;
    col.values[r] = *v;
  }
  col.kind = ColumnKind::kNumeric;
  return true;
}

bool FillBoolean(const Table& t, size_t c, TypedColumn& col) {
  col.values.assign(t.rows(), kMissing);
  col.missing = 0;
  std::string spelled[2];
  for (size_t r = 0; r < t.rows(); ++r) {
    if (IsMissing(t, r, c)) {
      ++col.missing;
      continue;
    }
    const auto b = BooleanValue(t.Cell(r, c));
    if (!b) return false;
    const std::string text(Trim(t.Cell(r, c)));
    std::string& seen = spelled[*b];
    if (seen.empty()) seen = text;
    // One spelling per value, and the two from the same pair (not "yes" with "0").
    if (ToLowerAscii(seen) != ToLowerAscii(text)) return false;
    col.values[r] = *b;
  }
  if (spelled[0].empty() || spelled[1].empty()) return false;  // one value only: not a pair
  if (BooleanValue(spelled[0]) == BooleanValue(spelled[1])) return false;
  const std::string pair = ToLowerAscii(spelled[0]) + "/" + ToLowerAscii(spelled[1]);
  static constexpr std::string_view kPairs[] = {"false/true", "no/yes", "n/y", "f/t", "0/1"};
  if (std::find(std::begin(kPairs), std::end(kPairs), pair) == std::end(kPairs)) return false;
  col.booleans = {spelled[0], spelled[1]};
  col.kind = ColumnKind::kBoolean;
  return true;
}

void FillCategorical(const Table& t, size_t c, TypedColumn& col,
                     const std::vector<std::string>* declared_levels) {
  col.values.clear();
  col.booleans.clear();
  col.codes.assign(t.rows(), -1);
  col.missing = 0;
  std::unordered_map<std::string, int32_t> index;
  if (declared_levels) {
    col.levels = *declared_levels;
    for (size_t k = 0; k < col.levels.size(); ++k) {
      index.emplace(col.levels[k], static_cast<int32_t>(k));
    }
  }
  for (size_t r = 0; r < t.rows(); ++r) {
    if (IsMissing(t, r, c)) {
      ++col.missing;
      continue;
    }
    const std::string text(declared_levels ? t.Cell(r, c) : Trim(t.Cell(r, c)));
    auto [it, inserted] = index.emplace(text, static_cast<int32_t>(col.levels.size()));
    if (inserted) col.levels.push_back(text);
    col.codes[r] = it->second;
  }
  col.kind = ColumnKind::kCategorical;
}

}  // namespace

std::string_view ColumnKindName(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kNumeric:
      return "numeric";
    case ColumnKind::kBoolean:
      return "boolean";
    case ColumnKind::kCategorical:
      return "categorical";
  }
  return "numeric";
}

std::optional<ColumnKind> ParseColumnKind(std::string_view name) {
  const std::string lower = ToLowerAscii(name);
  if (lower == "numeric") return ColumnKind::kNumeric;
  if (lower == "boolean") return ColumnKind::kBoolean;
  if (lower == "categorical") return ColumnKind::kCategorical;
  return std::nullopt;
}

bool IsMissing(const Table& table, size_t row, size_t column) {
  if (table.IsNull(row, column)) return true;
  const std::string_view text = Trim(table.Cell(row, column));
  if (text.empty()) return true;
  if (text.size() > 4) return false;
  const std::string lower = ToLowerAscii(text);
  return lower == "?" || lower == "na" || lower == "n/a" || lower == "null" || lower == "nan" ||
         lower == "none";
}

Typed TypeColumns(const Table& table, const std::map<std::string, ColumnKind>& overrides) {
  Typed typed;
  typed.rows = table.rows();
  const auto& decls = table.declarations();
  for (size_t c = 0; c < table.columns().size(); ++c) {
    TypedColumn col;
    col.name = table.columns()[c];
    const ColumnDeclaration* d = decls.empty() ? nullptr : &decls[c];
    const std::vector<std::string>* levels =
        d != nullptr && d->type == DeclaredType::kNominal ? &d->levels : nullptr;
    // An override first: the user's word beats the file's.
    if (const auto it = overrides.find(col.name); it != overrides.end()) {
      bool ok = true;
      switch (it->second) {
        case ColumnKind::kNumeric:
          ok = FillNumeric(table, c, col);
          break;
        case ColumnKind::kBoolean:
          ok = FillBoolean(table, c, col);
          break;
        case ColumnKind::kCategorical:
          FillCategorical(table, c, col, levels);
          break;
      }
      if (ok) {
        col.declared = true;
        col.overridden = true;
        typed.columns.push_back(std::move(col));
        continue;
      }
      typed.refused.push_back({.column = col.name, .kind = it->second, .declared = d != nullptr});
    }
    if (d != nullptr) {
      col.declared = true;
      if (d->type == DeclaredType::kNumeric && FillNumeric(table, c, col)) {
        typed.columns.push_back(std::move(col));
        continue;
      }
      FillCategorical(table, c, col, levels);
      typed.columns.push_back(std::move(col));
      continue;
    }
    if (!FillBoolean(table, c, col) && !FillNumeric(table, c, col)) {
      FillCategorical(table, c, col, nullptr);
    }
    typed.columns.push_back(std::move(col));
  }
  return typed;
}

}  // namespace foresight::table
