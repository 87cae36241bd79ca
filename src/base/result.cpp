#include "base/result.hpp"

namespace foresight {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAlreadyExists:
      return "already_exists";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kResourceExhausted:
      return "resource_exhausted";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kDataLoss:
      return "data_loss";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kRateLimited:
      return "rate_limited";
  }
  return "internal";
}

std::optional<ErrorCode> ParseErrorCodeName(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(ErrorCode::kRateLimited); ++i) {
    const auto code = static_cast<ErrorCode>(i);
    if (ErrorCodeName(code) == name) return code;
  }
  return std::nullopt;
}

Error Error::WithContext(std::string_view context) const& {
  Error copy = *this;
  return std::move(copy).WithContext(context);
}

Error Error::WithContext(std::string_view context) && {
  message_ = std::string(context) + ": " + message_;
  return std::move(*this);
}

Error Error::WithField(std::string field) && {
  field_ = std::move(field);
  return std::move(*this);
}

namespace {
constexpr char kFieldMark = '\x1f';
}  // namespace

std::string FieldRef(std::string_view field) {
  std::string out;
  out.reserve(field.size() + 2);
  out += kFieldMark;
  out += field;
  out += kFieldMark;
  return out;
}

std::string SpellFields(std::string_view text, std::string (*spell)(std::string_view field)) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find(kFieldMark, at);
    const size_t close = open == std::string_view::npos ? open : text.find(kFieldMark, open + 1);
    if (close == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, open - at));
    out += spell(text.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return out;
}

int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kResourceExhausted:
    case ErrorCode::kDataLoss:
      return 2;
    case ErrorCode::kUnavailable:
    case ErrorCode::kRateLimited:
      return 75;  // sysexits' EX_TEMPFAIL: try again later
    case ErrorCode::kInternal:
      return 70;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kPermissionDenied:
      return 77;  // sysexits' EX_NOPERM
  }
  return 70;
}

}  // namespace foresight
