// Early returns for Result values inside functions returning Status or Result<T>. Private to
// the store module (its backends).
#pragma once

#include "base/result.hpp"

#define FS_CONCAT_INNER(a, b) a##b
#define FS_CONCAT(a, b) FS_CONCAT_INNER(a, b)
// FS_TRY(x, expr): evaluates expr (a Result<T>); returns its error, or binds `x` to its value.
#define FS_TRY(var, expr)                                                     \
  auto FS_CONCAT(var, _result) = (expr);                                      \
  if (!FS_CONCAT(var, _result)) return Fail(FS_CONCAT(var, _result).error()); \
  auto& var = *FS_CONCAT(var, _result)  // NOLINT(bugprone-macro-parentheses)
#define FS_CHECK_IMPL(expr, name)                                   \
  do {                                                              \
    if (Status name = (expr); !(name)) return Fail((name).error()); \
  } while (false)
// FS_CHECK(expr): evaluates expr (a Status) and returns its error, if any.
#define FS_CHECK(expr) FS_CHECK_IMPL(expr, FS_CONCAT(fs_status_, __COUNTER__))
