#include "report/workspace_report.hpp"

#include <fmt/format.h>

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
  std::string text =
      fmt::format("{:<24} {:<10} {:>10}  {}\n", "NAME", "TASK", "EXAMPLES", "SLICES");
  for (const auto& e : sets) {
    text += fmt::format("{:<24} {:<10} {:>10}  {}\n", e.name, core::EvalTaskName(e.task), e.rows,
                        e.slices.empty() ? "-" : Join(e.slices));
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
  std::string text =
      fmt::format("{:<24} {:<20} {:<20} {:>10}\n", "NAME", "EVALSET", "METHOD", "TRAIN SIZE");
  for (const auto& r : runs) {
    text += fmt::format("{:<24} {:<20} {:<20} {:>10}\n", r.name, r.evalset,
                        r.method.empty() ? "-" : r.method,
                        r.train_size ? std::to_string(*r.train_size) : "-");
  }
  return text;
}

std::string RenderRunsJson(const std::vector<core::RunInfo>& runs) {
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
  return Json{{"runs", out}}.dump(2) + "\n";
}

std::string RenderEvalSetAdded(const core::EvalSetInfo& e) {
  return fmt::format("added evaluation set '{}': {} examples, {} task{}{}{}\n", e.name, e.rows,
                     core::EvalTaskName(e.task),
                     e.classes.empty() ? "" : fmt::format(", classes {}", Join(e.classes)),
                     InferredPositiveNote(e),
                     e.slices.empty() ? "" : fmt::format(", slices {}", Join(e.slices)));
}

std::string RenderRunAdded(const core::RunInfo& run, size_t predictions) {
  return fmt::format("added run '{}' on '{}': {} predictions{}\n", run.name, run.evalset,
                     predictions, run.method.empty() ? "" : fmt::format(", method {}", run.method));
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
