#include "store/sqlite/rows.hpp"

#include <set>

#include <fmt/format.h>

#include "store/sqlite/columns.hpp"
#include "store/sqlite/try.hpp"

namespace foresight::store::sqlite {

std::string SetItem(std::string_view name) { return fmt::format("evaluation set '{}'", name); }
std::string RunItem(std::string_view name) { return fmt::format("run '{}'", name); }

Result<SetRow> DecodeSetRow(const Statement& stmt, int first) {
  SetRow row;
  row.id = stmt.Int(first);
  row.info.name = stmt.Text(first + 1);
  const std::string item = SetItem(row.info.name);
  const std::string task = stmt.Text(first + 2);
  const auto parsed = core::ParseEvalTask(task);
  if (!parsed) return Fail(Damaged(item, fmt::format("unknown task '{}'", task)));
  row.info.task = *parsed;
  if (stmt.Int(first + 3) < 0) return Fail(Damaged(item, "a negative row count"));
  row.info.rows = static_cast<size_t>(stmt.Int(first + 3));
  FS_TRY(classes, ParseJsonList(stmt.Text(first + 4), item + ": classes"));
  row.info.classes = std::move(classes);
  row.source = stmt.Text(first + 5);
  row.info.created_at = stmt.Text(first + 6);
  return row;
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

Status DecodeAttribute(const Statement& stmt, int first, std::string_view item, Pairs& params,
                       Pairs& tags) {
  const std::string kind = stmt.Text(first);
  if (kind != "param" && kind != "tag") {
    return Fail(Damaged(item, fmt::format("an attribute of unknown kind '{}'", kind)));
  }
  (kind == "param" ? params : tags).emplace_back(stmt.Text(first + 1), stmt.Text(first + 2));
  return {};
}

core::RunInfo DecodeRunInfo(const Statement& stmt) {
  core::RunInfo info;
  info.name = stmt.Text(1);
  info.evalset = stmt.Text(2);
  info.method = stmt.Text(3);
  if (!stmt.IsNull(4)) info.train_size = stmt.Int(4);
  if (!stmt.IsNull(5)) info.effort_hours = stmt.Double(5);
  info.created_at = stmt.Text(6);
  return info;
}

core::CriteriaVersion DecodeCriteria(const Statement& stmt) {
  core::CriteriaVersion v;
  v.charter_hash = stmt.Text(0);
  v.metric = stmt.Text(1);
  if (!stmt.IsNull(2)) v.threshold = stmt.Double(2);
  if (!stmt.IsNull(3)) v.confidence = stmt.Double(3);
  v.seen_at = stmt.Text(4);
  return v;
}

}  // namespace foresight::store::sqlite
