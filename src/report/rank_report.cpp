#include "report/rank_report.hpp"
#include "report/numbers.hpp"

#include <cmath>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace foresight::report {
namespace {

using Json = nlohmann::ordered_json;

std::string Status(const core::RankedRun& r, bool has_target) {
  switch (r.screen) {
    case core::RankScreen::kContender:
      return r.criterion ? std::string(core::CriterionStatusName(r.criterion->status)) : "";
    case core::RankScreen::kOutOfReach:
      return has_target ? "not met (out of reach)" : "out of reach";
    case core::RankScreen::kBeyondLimit:
      return "not measured";
  }
  return "";
}

std::string Interval(const core::RankedRun& r) {
  if (!r.lower || !r.upper) return "-";
  return fmt::format("[{}, {}]", Number(*r.lower), Number(*r.upper));
}

// What the screen did, in plain words, under a group's table.
std::string Summary(const core::RankingGroup& g, const core::Ranking& ranking, size_t resamples) {
  size_t contenders = 0;
  size_t out_of_reach = 0;
  size_t beyond = 0;
  for (const core::RankedRun& r : g.runs) {
    contenders += r.screen == core::RankScreen::kContender ? 1 : 0;
    out_of_reach += r.screen == core::RankScreen::kOutOfReach ? 1 : 0;
    beyond += r.screen == core::RankScreen::kBeyondLimit ? 1 : 0;
  }
  const std::string could = g.criterion ? "could meet the target" : "could be the best";
  std::string out;
  out += fmt::format("{} {} and {} measured with the bootstrap ({} resamples).\n",
                     Plural(contenders, "run", "runs"), could, contenders == 1 ? "was" : "were",
                     resamples);
  if (beyond > 0) {
    out += fmt::format(
        "{} more {} but {} not measured, past the limit of {} intervals (--intervals raises "
        "it).\n",
        beyond, could, beyond == 1 ? "was" : "were", ranking.max_intervals);
  }
  if (out_of_reach > 0) {
    const std::string short_of =
        g.criterion ? (g.higher_is_better ? "below the target" : "above the target")
                    : "from the best run's";
    out += fmt::format(
        "{} out of reach: {} estimate is more than {:g} standard errors {}, so {} cannot {} on "
        "this evidence. `foresight eval RUN` gives any run's interval.\n",
        Plural(out_of_reach, "run is", "runs are"), out_of_reach == 1 ? "its" : "each",
        ranking.reach, short_of, out_of_reach == 1 ? "it" : "they",
        g.criterion ? "meet it" : "be the best");
  }
  return out;
}

}  // namespace

std::string RenderRankText(const core::Ranking& ranking, double confidence, size_t resamples,
                           size_t top) {
  std::string out;
  for (const core::RankingGroup& g : ranking.groups) {
    if (!out.empty()) out += "\n";
    out += fmt::format("Runs on '{}' ({} examples) ranked by {}, {} is better\n", g.evalset, g.n,
                       g.metric, g.higher_is_better ? "higher" : "lower");
    if (g.criterion) {
      out += fmt::format("Target (from the charter): {} {} {} at {}% confidence\n", g.metric,
                         g.higher_is_better ? ">=" : "<=", g.criterion->threshold,
                         Percent(g.criterion->confidence));
    } else {
      out += "No target on this metric: the runs that could be the best get intervals.\n";
    }
    out += "\n";
    const size_t run_width =
        ColumnWidth(24, g.runs, [](const core::RankedRun& r) -> std::string_view { return r.run; });
    const size_t method_width = ColumnWidth(
        14, g.runs, [](const core::RankedRun& r) -> std::string_view { return r.method; });
    out += fmt::format("{:>4}  {:<{}} {:<{}} {:>9}  {:<18}", "RANK", "RUN", run_width, "METHOD",
                       method_width, "ESTIMATE", fmt::format("{}% CI", Percent(confidence)));
    out += g.criterion ? fmt::format(" {:>13}  {}\n", "P(TARGET MET)", "STATUS") : "  NOTE\n";
    const size_t shown = top == 0 ? g.runs.size() : std::min(top, g.runs.size());
    for (size_t i = 0; i < shown; ++i) {
      const core::RankedRun& r = g.runs[i];
      std::string line = fmt::format("{:>4}  {:<{}} {:<{}} {:>9}  {:<18}", i + 1, r.run, run_width,
                                     r.method.empty() ? "-" : r.method, method_width,
                                     Number(r.estimate), Interval(r));
      if (g.criterion) {
        // "?" when too few examples let the bootstrap alone judge (eval says why).
        const std::string p = r.criterion
                                  ? (std::isfinite(r.criterion->probability)
                                         ? fmt::format("{:.2f}", r.criterion->probability)
                                         : "?")
                                  : (r.screen == core::RankScreen::kOutOfReach ? "~0" : "-");
        line += fmt::format(" {:>13}  {}", p, Status(r, true));
      } else {
        line += "  " + Status(r, false);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    if (shown < g.runs.size()) {
      out += fmt::format("  ... {} more (--top 0 lists every run)\n", g.runs.size() - shown);
    }
    out += "\n" + Summary(g, ranking, resamples);
  }
  for (const core::RankNote& note : ranking.notes) {
    out +=
        fmt::format("note: run '{}' is not ranked on {}: {}\n", note.run, note.metric, note.reason);
  }
  out += fmt::format("({} computed, {} read from the result cache)\n",
                     Plural(ranking.computed, "result", "results"), ranking.cached);
  return out;
}

std::string RenderRankJson(const core::Ranking& ranking, double confidence, size_t resamples) {
  Json groups = Json::array();
  for (const core::RankingGroup& g : ranking.groups) {
    Json runs = Json::array();
    for (size_t i = 0; i < g.runs.size(); ++i) {
      const core::RankedRun& r = g.runs[i];
      Json row = {{"rank", i + 1},
                  {"run", r.run},
                  {"method", r.method},
                  {"estimate", JsonNumber(r.estimate)},
                  {"standard_error", JsonNumber(r.standard_error)},
                  {"screen", core::RankScreenName(r.screen)},
                  {"lower", r.lower ? JsonNumber(*r.lower) : Json(nullptr)},
                  {"upper", r.upper ? JsonNumber(*r.upper) : Json(nullptr)}};
      if (r.criterion) {
        row["criterion"] = {{"status", core::CriterionStatusName(r.criterion->status)},
                            {"probability", JsonNumber(r.criterion->probability)},
                            {"bound", JsonNumber(r.criterion->bound)},
                            {"basis", core::CriterionBasisName(r.criterion->basis)}};
      } else {
        row["criterion"] = nullptr;
      }
      runs.push_back(std::move(row));
    }
    Json group = {{"evalset", g.evalset},
                  {"metric", g.metric},
                  {"higher_is_better", g.higher_is_better},
                  {"n", g.n}};
    if (g.criterion) {
      group["criterion"] = {{"threshold", g.criterion->threshold},
                            {"confidence", g.criterion->confidence}};
    } else {
      group["criterion"] = nullptr;
    }
    group["runs"] = std::move(runs);
    groups.push_back(std::move(group));
  }
  Json notes = Json::array();
  for (const core::RankNote& n : ranking.notes) {
    notes.push_back({{"run", n.run}, {"metric", n.metric}, {"reason", n.reason}});
  }
  Json out;
  out["version"] = 1;
  out["confidence"] = confidence;
  out["resamples"] = resamples;
  out["reach"] = ranking.reach;
  out["max_intervals"] = ranking.max_intervals;
  out["groups"] = std::move(groups);
  out["notes"] = std::move(notes);
  out["cached"] = ranking.cached;
  out["computed"] = ranking.computed;
  return out.dump(2) + "\n";
}

}  // namespace foresight::report
