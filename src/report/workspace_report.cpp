#include "report/workspace_report.hpp"
#include "report/numbers.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

namespace foresight::report {
namespace {

using Json = nlohmann::ordered_json;

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

Json Pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  Json out = Json::object();
  for (const auto& [k, v] : pairs) out[k] = v;
  return out;
}

// ", positive class 'X' (the rarer; --positive chooses)" when the positive was inferred.
std::string InferredPositiveNote(const core::EvalSetInfo& e) {
  if (!e.positive_inferred || e.classes.size() != 2) return "";
  switch (*e.positive_inferred) {
    case core::InferredPositive::kKnownPair:
      return fmt::format(", positive class '{}' (the usual positive of {}/{}; --positive chooses)",
                         e.classes[1], e.classes[0], e.classes[1]);
    case core::InferredPositive::kRarer:
      return fmt::format(", positive class '{}' (the rarer; --positive chooses)", e.classes[1]);
  }
  return "";
}

}  // namespace

std::string RenderEvalSetsText(const std::vector<core::EvalSetInfo>& sets) {
  const size_t width =
      ColumnWidth(24, sets, [](const core::EvalSetInfo& e) -> std::string_view { return e.name; });
  std::string text =
      fmt::format("{:<{}} {:<10} {:>10}  {}\n", "NAME", width, "TASK", "EXAMPLES", "SLICES");
  for (const auto& e : sets) {
    text += fmt::format("{:<{}} {:<10} {:>10}  {}\n", e.name, width, core::EvalTaskName(e.task),
                        e.rows, e.slices.empty() ? "-" : Join(e.slices));
  }
  return text;
}

std::string RenderEvalSetsJson(const std::vector<core::EvalSetInfo>& sets) {
  Json out = Json::array();
  for (const auto& e : sets) {
    out.push_back({{"name", e.name},
                   {"task", core::EvalTaskName(e.task)},
                   {"rows", e.rows},
                   {"classes", e.classes},
                   {"slices", e.slices},
                   {"created_at", e.created_at}});
  }
  return Json{{"evalsets", out}}.dump(2) + "\n";
}

std::string RenderRunsText(const std::vector<core::RunInfo>& runs) {
  const size_t name_width =
      ColumnWidth(24, runs, [](const core::RunInfo& r) -> std::string_view { return r.name; });
  const size_t evalset_width =
      ColumnWidth(20, runs, [](const core::RunInfo& r) -> std::string_view { return r.evalset; });
  const size_t method_width =
      ColumnWidth(20, runs, [](const core::RunInfo& r) -> std::string_view { return r.method; });
  std::string text = fmt::format("{:<{}} {:<{}} {:<{}} {:>10}\n", "NAME", name_width, "EVALSET",
                                 evalset_width, "METHOD", method_width, "TRAIN SIZE");
  for (const auto& r : runs) {
    text += fmt::format("{:<{}} {:<{}} {:<{}} {:>10}\n", r.name, name_width, r.evalset,
                        evalset_width, r.method.empty() ? "-" : r.method, method_width,
                        r.train_size ? std::to_string(*r.train_size) : "-");
  }
  return text;
}

std::string RenderRunPageJson(const std::vector<core::RunInfo>& runs,
                              std::optional<size_t> next_offset) {
  Json out = Json::array();
  for (const auto& r : runs) {
    out.push_back({{"name", r.name},
                   {"evalset", r.evalset},
                   {"method", r.method},
                   {"train_size", r.train_size ? Json(*r.train_size) : nullptr},
                   {"effort_hours", r.effort_hours ? Json(*r.effort_hours) : nullptr},
                   {"params", Pairs(r.params)},
                   {"tags", Pairs(r.tags)},
                   {"created_at", r.created_at}});
  }
  Json page{{"runs", std::move(out)}};
  if (next_offset) page["next_offset"] = *next_offset;
  return page.dump(2) + "\n";
}

std::string RenderRunsJson(const std::vector<core::RunInfo>& runs) {
  return RenderRunPageJson(runs, std::nullopt);
}

std::string RenderMigrationText(const core::MigrationResult& r) {
  std::string out = fmt::format("migrated {} into {}\n", r.from, r.to);
  size_t values = 0;
  for (const core::MigratedProject& p : r.projects) {
    out += fmt::format(
        "  project '{}': {} evaluation set{}, {} run{}, {} criteria version{}, {} plan "
        "event{}\n",
        p.name, p.evalsets, p.evalsets == 1 ? "" : "s", p.runs, p.runs == 1 ? "" : "s", p.criteria,
        p.criteria == 1 ? "" : "s", p.plan_events, p.plan_events == 1 ? "" : "s");
    values += p.values_compared;
  }
  out += values == 0 ? "no run to check: nothing measured\n"
                     : fmt::format(
                           "checked: every metric of every run measured again from the "
                           "copy, {} values, all equal to the source's\n",
                           values);
  return out;
}

std::string RenderMigrationJson(const core::MigrationResult& r) {
  Json projects = Json::array();
  for (const core::MigratedProject& p : r.projects) {
    projects.push_back(Json{{"name", p.name},
                            {"evalsets", p.evalsets},
                            {"runs", p.runs},
                            {"criteria", p.criteria},
                            {"plan_events", p.plan_events},
                            {"values_compared", p.values_compared}});
  }
  return Json{{"from", r.from}, {"to", r.to}, {"projects", projects}}.dump(2) + "\n";
}

std::string RenderEvalSetAdded(const core::EvalSetInfo& e) {
  std::string out = fmt::format(
      "added evaluation set '{}': {} examples, {} task{}{}{}\n", e.name, e.rows,
      core::EvalTaskName(e.task),
      e.classes.empty() ? "" : fmt::format(", classes {}", Join(e.classes)),
      InferredPositiveNote(e), e.slices.empty() ? "" : fmt::format(", slices {}", Join(e.slices)));
  for (const core::SliceSummary& s : e.slice_summaries) {
    if (s.binned()) {
      out += fmt::format(
          "note: slice '{}' is a number with {} distinct values, one slice each would be too "
          "small to measure: binned at its quartiles into {}\n",
          s.column, s.distinct, fmt::join(s.ranges, " "));
    } else if (s.levels() > core::kMaxRawSliceValues && s.small_levels * 2 > s.levels()) {
      out += fmt::format(
          "note: slice '{}' has {} values and {} of them have fewer than {} examples: their "
          "intervals will be too wide to read; a coarser column would tell more\n",
          s.column, s.levels(), s.small_levels, core::kMinSliceExamples);
    }
  }
  return out;
}

namespace {

// A CSV field: quoted when it holds a comma, a quote, a line break or surrounding spaces.
std::string CsvField(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string ReadOnlyWorkspaceWarning(const std::string& root) {
  return fmt::format(
      "the workspace {} can only be read: the charter's criteria are not recorded in its "
      "history, and results are not cached",
      root);
}

std::string CriteriaNotRecordedWarning(const std::string& why) {
  return fmt::format(
      "the charter's success criteria are not recorded in the project's history "
      "(the results use them all the same): {}",
      why);
}

std::string ReadOnlyProjectWarning(const std::string& project, const std::string& server) {
  return fmt::format(
      "your role in project '{}' on {} lets you read, not write: the charter's criteria are not "
      "recorded in its history",
      project, server);
}

std::string OutputNotWritten(std::string_view reason) {
  return fmt::format(
      "could not write the output ({}): it is incomplete; free space on the disk "
      "or write it elsewhere, and run the command again",
      reason);
}

std::string RenderDeleted(Item item, const std::string& name) {
  return fmt::format("deleted {} '{}'\n", item == Item::kRun ? "run" : "evaluation set", name);
}

std::string RenderRenamed(Item item, const std::string& name, const std::string& new_name) {
  return fmt::format("renamed {} '{}' to '{}'\n", item == Item::kRun ? "run" : "evaluation set",
                     name, new_name);
}

std::string RenderPredictionsCsv(const core::RunPredictions& p) {
  std::string out = "id";
  switch (p.task) {
    case core::EvalTask::kBinary:
      out += ",score";
      break;
    case core::EvalTask::kMulticlass:
      for (const std::string& c : p.classes) out += "," + CsvField("proba_" + c);
      break;
    case core::EvalTask::kRegression:
      out += ",prediction";
      break;
  }
  out += "\n";
  const size_t width = p.task == core::EvalTask::kMulticlass ? p.classes.size() : 1;
  for (size_t i = 0; i < p.ids.size(); ++i) {
    out += CsvField(p.ids[i]);
    // fmt's shortest form reads back to the same double.
    for (size_t k = 0; k < width; ++k) out += fmt::format(",{}", p.predictions[i * width + k]);
    out += "\n";
  }
  return out;
}

std::string RenderRunAdded(const core::RunInfo& run, size_t predictions,
                           std::optional<double> renormalized_worst_sum) {
  std::string out =
      fmt::format("added run '{}' on '{}': {} predictions{}\n", run.name, run.evalset, predictions,
                  run.method.empty() ? "" : fmt::format(", method {}", run.method));
  if (renormalized_worst_sum) {
    out += fmt::format(
        "note: each row's probabilities were divided by their sum; the farthest row summed to "
        "{:.6g}\n",
        *renormalized_worst_sum);
  }
  return out;
}

std::string RenderInputProblems(const std::vector<diag::Diagnostic>& diagnostics, Refusal refusal,
                                const diag::TextStyle& style) {
  std::string out;
  for (const diag::Diagnostic& d : diagnostics) out += diag::RenderText(d, style) + "\n";
  const char* problems = diagnostics.size() == 1 ? "problem" : "problems";
  switch (refusal) {
    case Refusal::kNothingStored:
      out +=
          fmt::format("nothing was stored: fix the {} above and run the command again\n", problems);
      break;
    case Refusal::kNoForecast:
      out += fmt::format("no forecast: fix the {} above and run the command again\n", problems);
      break;
    case Refusal::kNothingTrained:
      out += fmt::format(
          "nothing was trained or stored: fix the {} above and run the probe again\n", problems);
      break;
  }
  return out;
}

}  // namespace foresight::report
