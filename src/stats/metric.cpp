#include "stats/metric.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <utility>

#include "base/strings.hpp"

namespace foresight::stats {

std::string_view PairedTestName(PairedTest test) {
  switch (test) {
    case PairedTest::kBootstrap:
      return "paired bootstrap";
    case PairedTest::kDeLong:
      return "delong";
    case PairedTest::kMcNemar:
      return "mcnemar";
  }
  return "paired bootstrap";
}
namespace {

std::string_view TaskName(TaskKind task) {
  switch (task) {
    case TaskKind::kBinary:
      return "binary classification";
    case TaskKind::kMulticlass:
      return "multiclass classification";
    case TaskKind::kRegression:
      return "regression";
  }
  return "unknown task";
}

bool HasTask(const MetricDef& def, TaskKind task) {
  return std::find(def.tasks.begin(), def.tasks.end(), task) != def.tasks.end();
}

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(kSpace) - begin + 1);
}

// Shortest text that reads back as the same double: "2", "0.1", "1e+20".
std::string FormatNumber(double value) { return fmt::format("{}", value); }

std::string ParamNames(const MetricDef& def) {
  std::vector<std::string> names;
  for (const ParamSpec& param : def.params) names.push_back(param.name);
  return Join(names, ", ");
}

// A registry invariant broken by the built-in list is a bug, caught by the tests.
[[noreturn]] void Malformed(const std::string& what) {
  std::fprintf(stderr, "foresight: malformed metric registry: %s\n", what.c_str());
  std::abort();
}

const ParamSpec* FindParam(const MetricDef& def, std::string_view name) {
  for (const ParamSpec& param : def.params) {
    if (param.name == name) return &param;
  }
  return nullptr;
}

Status CheckValue(const MetricDef& def, const ParamSpec& param, double value) {
  const bool integral = !param.integer || std::trunc(value) == value;
  const bool above_min = param.min_exclusive ? value > param.min : value >= param.min;
  if (std::isfinite(value) && above_min && value <= param.max && integral) return {};
  return Fail(
      ErrorCode::kInvalidArgument,
      fmt::format("parameter '{}' of {} must be {} in {}{}, {}], got {}", param.name, def.name,
                  param.integer ? "an integer" : "a number", param.min_exclusive ? "(" : "[",
                  FormatNumber(param.min), FormatNumber(param.max), FormatNumber(value)));
}

Status CheckParams(const MetricDef& def, const Params& params) {
  for (const auto& [name, value] : params) {
    const ParamSpec* param = FindParam(def, name);
    if (param == nullptr) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} has no parameter '{}'", def.name, name));
    }
    if (auto ok = CheckValue(def, *param, value); !ok) return ok;
  }
  return {};
}

Result<double> ParseNumber(const MetricDef& def, std::string_view name, std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
      !std::isfinite(value)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("parameter '{}' of {} must be a finite number, got '{}'", name,
                            def.name, text));
  }
  return value;
}

Status ParseParam(const MetricDef& def, std::string_view item, std::set<std::string>& seen,
                  Params& params) {
  const size_t equals = item.find('=');
  if (equals == std::string_view::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("expected 'parameter=value' in {}{{...}}, got '{}'", def.name, item));
  }
  const std::string_view name = Trim(item.substr(0, equals));
  const ParamSpec* param = FindParam(def, name);
  if (param == nullptr) {
    if (def.params.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} takes no parameters, got '{}'", def.name, name));
    }
    std::vector<std::string_view> candidates;
    for (const ParamSpec& p : def.params) candidates.push_back(p.name);
    const auto guess = ClosestMatch(name, candidates);
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{} has no parameter '{}'{}; its parameters: {}", def.name, name,
                    guess ? fmt::format(" (did you mean '{}'?)", *guess) : "", ParamNames(def)));
  }
  if (!seen.insert(param->name).second) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("parameter '{}' of {} is given twice", name, def.name));
  }
  auto value = ParseNumber(def, name, Trim(item.substr(equals + 1)));
  if (!value) return Fail(value.error());
  if (auto ok = CheckValue(def, *param, *value); !ok) return ok;
  params[param->name] = *value;
  return {};
}

}  // namespace

size_t MetricData::size() const {
  return task == TaskKind::kRegression ? target.size() : label.size();
}

std::string MetricSpec::ToString() const {
  if (def == nullptr) return "";
  std::vector<std::string> parts;
  for (const ParamSpec& param : def->params) {
    const auto it = params.find(param.name);
    if (it == params.end() || it->second == param.default_value) continue;
    parts.push_back(param.name + "=" + FormatNumber(it->second));
  }
  if (parts.empty()) return def->name;
  return def->name + "{" + Join(parts, ",") + "}";
}

MetricRegistry::MetricRegistry(std::vector<MetricDef> defs) : defs_(std::move(defs)) {
  std::set<std::pair<std::string, TaskKind>> seen;
  for (const MetricDef& def : defs_) {
    if (def.name.empty() || def.tasks.empty() || !def.prepare) {
      Malformed("incomplete metric " + def.name);
    }
    for (TaskKind task : def.tasks) {
      if (!seen.insert({def.name, task}).second) Malformed("duplicate metric " + def.name);
    }
    std::set<std::string> names;
    for (const ParamSpec& param : def.params) {
      if (!names.insert(param.name).second) Malformed("duplicate parameter of " + def.name);
      if (!CheckValue(def, param, param.default_value)) Malformed("bad default of " + def.name);
    }
  }
}

const MetricDef* MetricRegistry::Find(std::string_view name, std::optional<TaskKind> task) const {
  for (const MetricDef& def : defs_) {
    if (def.name == name && (!task || HasTask(def, *task))) return &def;
  }
  return nullptr;
}

const MetricDef* MetricRegistry::FindAnyTask(std::string_view text) const {
  for (const TaskKind task : {TaskKind::kBinary, TaskKind::kMulticlass, TaskKind::kRegression}) {
    if (auto spec = Parse(text, task)) return spec->def;
  }
  return nullptr;
}

Result<MetricSpec> MetricRegistry::Parse(std::string_view text, TaskKind task) const {
  const std::string_view trimmed = Trim(text);
  const size_t brace = trimmed.find('{');
  const std::string_view name = Trim(trimmed.substr(0, brace));
  std::vector<std::string> names;
  std::vector<std::string_view> candidates;
  for (const MetricDef& def : defs_) {
    if (HasTask(def, task)) {
      names.push_back(def.name);
      candidates.push_back(def.name);
    }
  }
  MetricSpec spec;
  spec.def = Find(name, task);
  if (spec.def == nullptr) {
    if (name.empty()) {
      return Fail(ErrorCode::kInvalidArgument, fmt::format("no metric name in '{}'", text));
    }
    if (const MetricDef* other = Find(name); other != nullptr) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("metric '{}' is for {}, not {}; metrics for {}: {}", name,
                              TaskName(other->tasks.front()), TaskName(task), TaskName(task),
                              Join(names, ", ")));
    }
    const auto guess = ClosestMatch(name, candidates);
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("unknown metric '{}'{}; metrics for {}: {}", name,
                            guess ? fmt::format(" (did you mean '{}'?)", *guess) : "",
                            TaskName(task), Join(names, ", ")));
  }
  for (const ParamSpec& param : spec.def->params) spec.params[param.name] = param.default_value;
  if (brace == std::string_view::npos) return spec;

  std::string_view body = trimmed.substr(brace + 1);
  if (body.empty() || body.back() != '}') {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is missing the closing '}}' of its parameters", trimmed));
  }
  body.remove_suffix(1);
  if (body.find_first_of("{}") != std::string_view::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("unexpected brace in the parameters of '{}'", trimmed));
  }
  if (Trim(body).empty()) return spec;
  std::set<std::string> seen;
  while (true) {
    const size_t comma = body.find(',');
    if (auto ok = ParseParam(*spec.def, Trim(body.substr(0, comma)), seen, spec.params); !ok) {
      return Fail(ok.error());
    }
    if (comma == std::string_view::npos) break;
    body.remove_prefix(comma + 1);
  }
  return spec;
}

Result<double> ComputeMetric(const MetricSpec& spec, const MetricData& data) {
  if (spec.def == nullptr) return Fail(ErrorCode::kInvalidArgument, "no metric given");
  const MetricDef& def = *spec.def;
  if (!HasTask(def, data.task)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("metric '{}' is for {}, but the data is {}", def.name,
                            TaskName(def.tasks.front()), TaskName(data.task)));
  }
  if (auto ok = CheckParams(def, spec.params); !ok) return Fail(ok.error());
  auto kernel = def.prepare(data, spec.params);
  if (!kernel) return Fail(kernel.error());
  const double value = (*kernel)->Evaluate(Resample::All());
  if (std::isnan(value)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} is undefined on this evaluation set", spec.ToString()));
  }
  return value;
}

}  // namespace foresight::stats
