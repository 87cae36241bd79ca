#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "base/clock.hpp"
#include "base/strings.hpp"
#include "cli/command.hpp"
#include "report/progress_report.hpp"

namespace foresight::cli {
namespace {

// The CLI's spelling of an input field: its flag ("time_budget" -> "--time-budget").
std::string Flag(std::string_view field) {
  std::string out = "--";
  for (const char c : field) out += c == '_' ? '-' : c;
  return out;
}

// JSON renderers escape the field mark; the flag spelling replaces it there too.
std::string Spell(std::string_view text) {
  std::string raw;
  raw.reserve(text.size());
  constexpr std::string_view kEscaped = "\\u001f";
  size_t at = 0;
  while (at < text.size()) {
    const size_t hit = text.find(kEscaped, at);
    if (hit == std::string_view::npos) {
      raw.append(text.substr(at));
      break;
    }
    raw.append(text.substr(at, hit - at));
    raw += '\x1f';
    at = hit + kEscaped.size();
  }
  return SpellFields(raw, Flag);
}

}  // namespace

std::string SpellForCli(std::string_view text) { return Spell(text); }

namespace {

// The first failure to write the output, reported when the command ends (FinishOutput).
std::optional<Error>& OutputFailure() {
  static std::optional<Error> failure;
  return failure;
}

void NoteOutputFailure(int error) {
  if (error == EPIPE || OutputFailure()) return;  // a closed pipe: the reader went away
  OutputFailure() = Error(
      error == ENOSPC || error == EDQUOT ? ErrorCode::kResourceExhausted : ErrorCode::kUnavailable,
      report::OutputNotWritten(std::strerror(error)));
}

}  // namespace

void WriteStdout(std::string_view given) {
  const std::string spelled = Spell(given);
  const std::string_view text = spelled;
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      NoteOutputFailure(errno);
      return;
    }
    written += static_cast<size_t>(n);
  }
}

int FinishOutput(int exit_code) {
  if (std::fflush(stdout) != 0) NoteOutputFailure(errno);
  if (!OutputFailure()) return exit_code;
  const int code = ReportError(*OutputFailure());
  OutputFailure().reset();
  return code;
}

ProgressBar::ProgressBar(std::string command, const Progress& progress, bool enabled)
    : command_(std::move(command)), progress_(progress) {
  if (!enabled || ::isatty(STDERR_FILENO) == 0) return;
  thread_ = std::thread([this] { Draw(); });
}

ProgressBar::~ProgressBar() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (drawn_) {
    fmt::print(stderr, "\r\033[K");
    std::fflush(stderr);
  }
}

void ProgressBar::Draw() {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::unique_lock lock(mutex_);
  // Nothing for the first second; then every 200 ms until told to stop.
  if (wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) return;
  do {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    size_t width = 80;
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1) {
      width = size.ws_col - 1;  // the last column would wrap on some terminals
    }
    fmt::print(stderr, "\r\033[K{}",
               report::RenderProgressLine(command_, progress_.Read(), elapsed, width));
    std::fflush(stderr);
    drawn_ = true;
  } while (!wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; }));
}

int ReportError(const Error& error) {
  const bool color = ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  fmt::print(stderr, "foresight: {}: {}\n", color ? "\x1b[1;31merror\x1b[0m" : "error",
             EscapeControls(Spell(error.message())));
  return ExitCodeFor(error.code());
}

namespace {

// "foresight: warning: ..." on stderr, with the fields spelled as flags.
void PrintWarning(std::string_view message) {
  const bool color = ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  fmt::print(stderr, "foresight: {}: {}\n", color ? "\x1b[1;33mwarning\x1b[0m" : "warning",
             EscapeControls(Spell(message)));
}

}  // namespace

void WarnAboutCharter(const app::OpenedWorkspace& opened) {
  if (opened.charter_problem) PrintWarning(opened.charter_problem->message());
}

void WarnReadOnly(const app::OpenedWorkspace& opened) {
  PrintWarning(opened.workspace.remote() ? report::ReadOnlyProjectWarning(opened.workspace.project,
                                                                          opened.workspace.database)
                                         : report::ReadOnlyWorkspaceWarning(opened.workspace.root));
}

Status RecordCriteriaOrWarn(const app::OpenedWorkspace& opened) {
  const SystemClock clock;
  auto recorded = app::RecordCriteriaAfterReading(*opened.store, opened.criteria, clock);
  if (!recorded) return Fail(recorded.error());
  switch (recorded->outcome) {
    case app::CriteriaRecording::Outcome::kReadOnly:
      WarnReadOnly(opened);
      break;
    case app::CriteriaRecording::Outcome::kNotAllowed:
      PrintWarning(report::CriteriaNotRecordedWarning(recorded->why));
      break;
    case app::CriteriaRecording::Outcome::kRecorded:
      break;
  }
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> KeyValues(
    const std::vector<std::string>& items, std::string_view option) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& item : items) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} takes key=value, not '{}'", option, item));
    }
    out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return out;
}

std::optional<std::string> OptionalString(const std::string& value) {
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

int ReportInputProblems(const std::vector<diag::Diagnostic>& diagnostics, report::Refusal refusal) {
  const diag::TextStyle style{.color = ::isatty(STDERR_FILENO) != 0 &&
                                       std::getenv("NO_COLOR") == nullptr};
  fmt::print(stderr, "{}", Spell(report::RenderInputProblems(diagnostics, refusal, style)));
  return 2;
}

void AddMeasuringOptions(CLI::App& sub, app::EvidenceOptions& evidence, bool& no_cache,
                         bool& quiet) {
  sub.add_option("--resamples", evidence.resamples, "Bootstrap resamples")
      ->check(CLI::Range(100, 100000))
      ->capture_default_str();
  sub.add_option("--seed", evidence.seed, "Seed: the same seed gives the same intervals")
      ->capture_default_str();
  sub.add_flag("--no-cache", no_cache,
               "Compute every number again, without reading or writing the result cache");
  sub.add_flag("--quiet", quiet, "No progress line, even on a terminal");
}

void AddFormatOption(CLI::App& sub, std::string& target,
                     std::initializer_list<std::string> allowed) {
  target = *allowed.begin();
  std::string list;
  for (const std::string& f : allowed) list += (list.empty() ? "" : "|") + f;
  sub.add_option("--format", target, "Output format: " + list)
      ->check(CLI::IsMember(std::vector<std::string>(allowed)))
      ->capture_default_str();
}

bool UseColor(const std::string& color_option) {
  if (color_option == "always") return true;
  if (color_option == "never") return false;
  return ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

std::string DefaultCharterPath(const app::OpenedWorkspace& opened) {
  const std::filesystem::path path =
      std::filesystem::path(opened.workspace.root) / "foresight.yaml";
  const auto relative = path.lexically_relative(std::filesystem::current_path());
  if (!relative.empty() && *relative.begin() != "..") return relative.string();
  return path.string();
}

Result<std::string> ChosenStore(const std::string& store) {
  if (!store.empty()) return store;
  auto found = app::FindWorkspace(std::nullopt, std::filesystem::current_path().string());
  if (!found) return Fail(found.error());
  return "sqlite:" + found->database;
}

}  // namespace foresight::cli
