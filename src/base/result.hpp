// Result<T> and Error: how an operation that failed reports it across module boundaries.
//
// Problems in a user's file are Diagnostics (see diag/), not Errors. An Error is for an
// operation that could not be done: a file that cannot be read, a database that refuses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace foresight {

// Canonical error codes, a small closed set that maps onto exit codes and HTTP statuses.
enum class ErrorCode {
  kInvalidArgument,     // the caller's input is wrong (exit 2, HTTP 400)
  kNotFound,            // a named thing does not exist (exit 2, HTTP 404)
  kAlreadyExists,       // a named thing exists already (exit 2, HTTP 409)
  kFailedPrecondition,  // the system is not in the state the operation needs (exit 2, HTTP 412)
  kResourceExhausted,   // a size or count limit was hit (exit 2, HTTP 413)
  kUnavailable,         // a transient failure; retrying may help (exit 75, HTTP 503)
  kDataLoss,            // stored data is damaged (exit 2, HTTP 500)
  kInternal,            // a bug (exit 70, HTTP 500)
  kUnauthenticated,     // no valid credentials: no token, or a wrong, expired or revoked one
                        // (exit 77, HTTP 401)
  kPermissionDenied,    // valid credentials without the right (exit 77, HTTP 403)
  kRateLimited,         // too many attempts in a short time; wait, then retry (exit 75, HTTP 429)
                        // (the last: ParseErrorCodeName reads the codes up to it)
};

// The stable lower-case name of a code, e.g. "invalid_argument".
std::string_view ErrorCodeName(ErrorCode code);
// The code of such a name (as an API's error carries it), or nothing for an unknown name.
std::optional<ErrorCode> ParseErrorCodeName(std::string_view name);

// An error value: a code, a message saying what went wrong and how to fix it, and
// context added on the way up ("reading charter 'x.yaml'").
class [[nodiscard]] Error {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The input field the error is about ("folds", "time_budget"), or empty. Front doors spell
  // it their own way: the CLI as a flag (--time-budget), the server as a JSON key.
  const std::string& field() const { return field_; }

  // Returns the error with `field` set.
  Error WithField(std::string field) &&;

  // Returns a copy with `context` prepended: "context: message".
  Error WithContext(std::string_view context) const&;
  Error WithContext(std::string_view context) &&;

 private:
  ErrorCode code_;
  std::string message_;
  std::string field_;
};

template <typename T>
using Result = tl::expected<T, Error>;

using Status = Result<void>;

// Shorthand for `return Fail(ErrorCode::kNotFound, "...")` in functions returning Result<T>.
inline tl::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error(code, std::move(message)));
}

inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

// A reference to an input field inside a message or a diagnostic, written where a sentence
// names what the user should set ("choose one with " + FieldRef("evalset")). The core never
// spells options: each front door replaces the references with its own spelling (SpellFields).
// A reference is the field's identifier (lower case, digits, '_') between two U+001F unit
// separators, a character no message or file name of ours contains.
std::string FieldRef(std::string_view field);

// The same reference as a string literal, for format strings and constants:
// "pass " FORESIGHT_FIELD("task") " regression".
#define FORESIGHT_FIELD(name) "\x1f" name "\x1f"

// `text` with every field reference replaced by spell(field).
std::string SpellFields(std::string_view text, std::string (*spell)(std::string_view field));

// The process exit code for an error of this code: 2 for the caller's mistakes, 70 otherwise.
int ExitCodeFor(ErrorCode code);

}  // namespace foresight
