#include "store/internal/records.hpp"

#include <array>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

namespace foresight::store::internal {
namespace {

// The plan event kinds as the plan_events tables spell them (their CHECKs list the same).
constexpr std::array<std::pair<core::PlanEventKind, std::string_view>, 6> kPlanEventKinds = {{
    {core::PlanEventKind::kEstimated, "estimated"},
    {core::PlanEventKind::kRemoved, "removed"},
    {core::PlanEventKind::kStarted, "started"},
    {core::PlanEventKind::kLogged, "logged"},
    {core::PlanEventKind::kFinished, "finished"},
    {core::PlanEventKind::kDropped, "dropped"},
}};

// The shape only: which days exist is the caller's to know, and a shape is enough to keep
// the ledger's days sorting as text.
bool IsDay(std::string_view on) {
  if (on.size() != 10) return false;
  for (size_t i = 0; i < on.size(); ++i) {
    const bool digit = on[i] >= '0' && on[i] <= '9';
    if ((i == 4 || i == 7) ? on[i] != '-' : !digit) return false;
  }
  return true;
}

}  // namespace

std::string SetItem(std::string_view name) { return fmt::format("evaluation set '{}'", name); }
std::string RunItem(std::string_view name) { return fmt::format("run '{}'", name); }

std::string SetKey(int64_t id, std::string_view version) {
  return fmt::format("{}:{}", id, version);
}

Error SetReplaced(const core::Run& run, std::string_view in_project) {
  return Error(ErrorCode::kFailedPrecondition,
               fmt::format("evaluation set '{}'{} was replaced while run '{}' was being read; "
                           "send the run again",
                           run.evalset, in_project, run.name));
}

Error Damaged(std::string_view where, std::string_view detail) {
  return {ErrorCode::kDataLoss,
          fmt::format("{}: {} (the stored data is damaged; restore the database from a backup)",
                      where, detail)};
}

std::string ToJsonList(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

Result<std::vector<std::string>> ParseJsonList(std::string_view text, std::string_view where) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return Fail(Damaged(where, "not a JSON list"));
  std::vector<std::string> out;
  out.reserve(json.size());
  for (const auto& v : json) {
    if (!v.is_string()) return Fail(Damaged(where, "a JSON list with a value that is no string"));
    out.push_back(v.get<std::string>());
  }
  return out;
}

size_t PredictionWidth(const core::EvalSetInfo& set) {
  return set.task == core::EvalTask::kMulticlass ? set.classes.size() : 1;
}

Status CheckEvalSet(const core::EvalSet& e) {
  const auto refuse = [&](const std::string& what) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("evaluation set '{}': {}; every column needs one value per id", e.name, what));
  };
  const size_t n = e.ids.size();
  const bool regression = e.task == core::EvalTask::kRegression;
  const size_t truths = regression ? e.targets.size() : e.labels.size();
  if (truths != n) {
    return refuse(fmt::format("{} {} for {} ids", truths, regression ? "targets" : "labels", n));
  }
  if (!regression) {
    // What a reader checks (CheckDecodedSet), refused before it is written: a set stored
    // whole by any caller (a client of the server's store protocol too) always reads back.
    const size_t classes = e.classes.size();
    const bool binary = e.task == core::EvalTask::kBinary;
    if (binary ? classes != 2 : classes < 2) {
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("evaluation set '{}': a {} set needs {} classes, not {}", e.name,
                      binary ? "binary" : "multiclass", binary ? "2" : "at least 2", classes));
    }
    for (size_t i = 0; i < n; ++i) {
      if (e.labels[i] < 0 || static_cast<size_t>(e.labels[i]) >= classes) {
        return refuse(
            fmt::format("row {} has class code {} of {} classes", i, e.labels[i], classes));
      }
    }
  }
  std::set<std::string_view> names;
  for (const core::SliceColumn& s : e.slices) {
    if (!names.insert(s.name).second) {
      return refuse(fmt::format("the slice column '{}' is given twice", s.name));
    }
    if (s.codes.size() != n) {
      return refuse(
          fmt::format("slice column '{}' has {} values for {} ids", s.name, s.codes.size(), n));
    }
    for (size_t i = 0; i < n; ++i) {
      if (s.codes[i] < 0 || static_cast<size_t>(s.codes[i]) >= s.levels.size()) {
        return refuse(fmt::format("slice column '{}' row {} has level code {} of {} levels", s.name,
                                  i, s.codes[i], s.levels.size()));
      }
    }
  }
  return {};
}

Status CheckAttributes(const core::Run& run) {
  for (const auto& [kind, list] : {std::pair{"param", &run.params}, std::pair{"tag", &run.tags}}) {
    std::set<std::string_view> keys;
    for (const auto& [key, value] : *list) {
      if (!keys.insert(key).second) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("run '{}': the {} '{}' is given twice; give each key once",
                                run.name, kind, key));
      }
    }
  }
  return {};
}

Status CheckDecodedSet(const core::EvalSet& e, std::string_view item) {
  if (e.task != core::EvalTask::kRegression) {
    // Every label code names a class of the set's list, and a binary set has two: a list
    // edited behind foresight's back must not send an evaluation past its arrays.
    const size_t classes = e.classes.size();
    const bool binary = e.task == core::EvalTask::kBinary;
    if (binary ? classes != 2 : classes < 2) {
      return Fail(Damaged(item, fmt::format("a {} set with {} classes",
                                            binary ? "binary" : "multiclass", classes)));
    }
    for (size_t i = 0; i < e.labels.size(); ++i) {
      if (e.labels[i] < 0 || static_cast<size_t>(e.labels[i]) >= classes) {
        return Fail(Damaged(
            fmt::format("{}: column 'label'", item),
            fmt::format("row {} has class code {} of {} classes", i, e.labels[i], classes)));
      }
    }
  }
  for (const core::SliceColumn& slice : e.slices) {
    const std::string where = fmt::format("{}: column '{}{}'", item, kSlicePrefix, slice.name);
    for (size_t i = 0; i < slice.codes.size(); ++i) {
      if (slice.codes[i] < 0 || static_cast<size_t>(slice.codes[i]) >= slice.levels.size()) {
        return Fail(Damaged(where, fmt::format("row {} has level code {} of {} levels", i,
                                               slice.codes[i], slice.levels.size())));
      }
    }
  }
  return {};
}

std::optional<std::string_view> PlanEventKindName(core::PlanEventKind kind) {
  for (const auto& [k, name] : kPlanEventKinds) {
    if (k == kind) return name;
  }
  return std::nullopt;
}

std::optional<core::PlanEventKind> ParsePlanEventKind(std::string_view name) {
  for (const auto& [kind, n] : kPlanEventKinds) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

// Checked before writing, so a bad batch is refused whole with a message naming the event;
// a schema could only name a constraint (and SQLite would store a NaN as NULL, read back as
// "no value").
std::string PlanEventProblem(const core::PlanEvent& e) {
  if (e.method.empty()) return "it names no method";
  if (!PlanEventKindName(e.kind)) {
    return fmt::format("unknown kind {}", static_cast<int>(e.kind));
  }
  if (!IsDay(e.on)) return fmt::format("its day '{}' is not a date YYYY-MM-DD", e.on);
  if (e.kind == core::PlanEventKind::kEstimated && !e.likely) {
    return "an estimate without a likely value";
  }
  if (e.kind == core::PlanEventKind::kLogged && !e.effort) return "logged without an effort";
  for (const auto& [name, value] :
       {std::pair{"optimistic", e.optimistic}, std::pair{"likely", e.likely},
        std::pair{"pessimistic", e.pessimistic}, std::pair{"effort", e.effort}}) {
    const double given = value.value_or(0.0);  // no value is fine
    if (!(std::isfinite(given) && given >= 0)) {
      return fmt::format("its {} value {} is not a finite, non-negative number of person-weeks",
                         name, given);
    }
  }
  return "";
}

Status CheckPlanEvents(const std::vector<core::PlanEvent>& events) {
  for (size_t i = 0; i < events.size(); ++i) {
    const std::string problem = PlanEventProblem(events[i]);
    if (!problem.empty()) {
      const std::string method =
          events[i].method.empty() ? "" : fmt::format(" (method '{}')", events[i].method);
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("plan event {} of {}{}: {}; none of the {} was stored", i + 1,
                              events.size(), method, problem, events.size()));
    }
  }
  return {};
}

}  // namespace foresight::store::internal
