// Field<T>: a charter value together with where it was written and whether it was.
#pragma once

#include <cstdint>
#include <string>

#include "base/source_file.hpp"

namespace foresight::core {

// A field is absent (not written, or written as null), a placeholder ("TODO", what
// `foresight init` writes for the user to fill in), or set.
enum class FieldState { kAbsent, kPlaceholder, kSet };

template <typename T>
struct Field {
  T value{};
  Span span;  // the value's span when set or a placeholder; the key's span when null
  FieldState state = FieldState::kAbsent;

  bool has() const { return state == FieldState::kSet; }
  bool absent() const { return state == FieldState::kAbsent; }
  bool placeholder() const { return state == FieldState::kPlaceholder; }
  const T& operator*() const { return value; }
  const T* operator->() const { return &value; }
  // The value if set, else `fallback`.
  T value_or(T fallback) const { return has() ? value : fallback; }
};

// A calendar date (proleptic Gregorian), as written in the charter: YYYY-MM-DD.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;
  std::string ToString() const;
};

}  // namespace foresight::core
