#include "rules/rule_helpers.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "base/strings.hpp"

namespace foresight::rules {

bool UnderPlaceholder(const core::Charter& charter, std::string_view path) {
  for (const auto& [written, span] : charter.placeholders) {
    // A list with a TODO item ("methods: [TODO]") is as unfinished as a TODO list.
    const std::string_view item(written);
    if (item.starts_with(path) && item.size() > path.size() && item[path.size()] == '[' &&
        item.find_first_of(".[", path.size() + 1) == std::string_view::npos) {
      return true;
    }
    if (!path.starts_with(written)) continue;
    if (path.size() == written.size()) return true;
    const char next = path[written.size()];
    if (next == '.' || next == '[') return true;
  }
  return false;
}

std::vector<size_t> InputsOfKind(const core::Charter& charter,
                                 std::initializer_list<core::InputKind> kinds) {
  std::vector<size_t> out;
  for (size_t i = 0; i < charter.inputs.size(); ++i) {
    const auto& kind = charter.inputs[i].kind;
    if (kind.has() && std::find(kinds.begin(), kinds.end(), *kind) != kinds.end()) out.push_back(i);
  }
  return out;
}

std::string AccessInWords(core::Access access) {
  switch (access) {
    case core::Access::kGranted:
      return "is granted";
    case core::Access::kRequested:
      return "is only requested";
    case core::Access::kNegotiating:
      return "is still being negotiated";
    case core::Access::kUnknown:
      return "is unknown";
    case core::Access::kDenied:
      return "was denied";
  }
  return "";
}

bool HasRole(const core::Charter& charter, std::initializer_list<core::Role> roles) {
  return std::any_of(charter.team.begin(), charter.team.end(), [&](const core::TeamMember& m) {
    return m.role.has() && std::find(roles.begin(), roles.end(), *m.role) != roles.end() &&
           !(m.count.has() && *m.count <= 0);
  });
}

const core::TeamMember* FindRole(const core::Charter& charter, core::Role role) {
  for (const core::TeamMember& m : charter.team) {
    if (m.role.has() && *m.role == role && !(m.count.has() && *m.count <= 0)) return &m;
  }
  return nullptr;
}

std::optional<stats::TaskKind> EvaluatedTask(const core::Charter& charter) {
  if (!charter.task.type.has()) return std::nullopt;
  switch (*charter.task.type) {
    case core::TaskType::kBinary:
      return stats::TaskKind::kBinary;
    case core::TaskType::kMulticlass:
      return stats::TaskKind::kMulticlass;
    case core::TaskType::kRegression:
      return stats::TaskKind::kRegression;
    case core::TaskType::kMultilabel:
    case core::TaskType::kRanking:
    case core::TaskType::kDetection:
    case core::TaskType::kSegmentation:
    case core::TaskType::kGeneration:
      break;
  }
  return std::nullopt;
}

const stats::MetricDef* KnownMetric(const core::Charter& charter, std::string_view metric) {
  const stats::MetricRegistry& registry = stats::BuiltinMetrics();
  const std::string lower = ToLowerAscii(metric);
  if (const auto task = EvaluatedTask(charter)) {
    auto spec = registry.Parse(lower, *task);
    return spec ? spec->def : nullptr;
  }
  return registry.FindAnyTask(lower);
}

bool LowerIsBetter(const core::Charter& charter) {
  const core::Success& success = charter.success;
  if (success.direction.has()) return *success.direction == core::Direction::kLowerIsBetter;
  if (!success.metric.has()) return false;
  if (const stats::MetricDef* def = KnownMetric(charter, *success.metric)) {
    return !def->higher_is_better;
  }
  // Metrics foresight does not compute, under names teams commonly write.
  static constexpr std::array<std::string_view, 7> kLower = {
      "logloss", "mse", "error", "error_rate", "wer", "cer", "perplexity"};
  const std::string name = ToLowerAscii(*success.metric);
  const std::string base = name.substr(0, name.find('{'));
  return std::find(kLower.begin(), kLower.end(), base) != kLower.end();
}

bool IsAccuracyMetric(const std::string& metric) {
  const std::string name = ToLowerAscii(metric);
  return name == "accuracy" || name == "acc" || name == "top_1_accuracy" || name == "top1_accuracy";
}

std::optional<BestBaseline> FindBestBaseline(const core::Charter& charter,
                                             std::initializer_list<core::BaselineKind> kinds) {
  const bool lower = LowerIsBetter(charter);
  const std::string primary = charter.success.metric.has() ? *charter.success.metric : "";
  std::optional<BestBaseline> best;
  for (size_t i = 0; i < charter.baselines.size(); ++i) {
    const core::Baseline& b = charter.baselines[i];
    if (!b.value.has()) continue;
    if (kinds.size() > 0 &&
        (!b.kind.has() || std::find(kinds.begin(), kinds.end(), *b.kind) == kinds.end())) {
      continue;
    }
    // A baseline measured on another metric cannot be compared with the target.
    if (b.metric.has() && !primary.empty() && *b.metric != primary) continue;
    const bool better = !best || (lower ? *b.value < best->value : *b.value > best->value);
    if (better) best = BestBaseline{*b.value, i};
  }
  return best;
}

std::optional<BestBaseline> FindBaselineToBeat(const core::Charter& charter) {
  if (!charter.success.threshold.has()) return std::nullopt;
  const double target = *charter.success.threshold;
  const bool lower = LowerIsBetter(charter);
  const std::string primary = charter.success.metric.has() ? *charter.success.metric : "";
  std::optional<BestBaseline> best;
  for (size_t i = 0; i < charter.baselines.size(); ++i) {
    const core::Baseline& b = charter.baselines[i];
    if (!b.value.has()) continue;
    if (b.metric.has() && !primary.empty() && *b.metric != primary) continue;
    if (lower ? *b.value < target : *b.value > target) continue;
    const bool better = !best || (lower ? *b.value < best->value : *b.value > best->value);
    if (better) best = BestBaseline{*b.value, i};
  }
  return best;
}

Span SectionSpan(const core::SectionMark& mark) { return mark.present ? mark.span : Span{0, 0}; }

std::string FormatValue(double value) {
  if (std::fabs(value) >= 1000 || value == std::floor(value)) return fmt::format("{:.0f}", value);
  return fmt::format("{:.3g}", value);
}

std::string FormatPercent(double fraction) { return fmt::format("{:.3g}%", fraction * 100.0); }

}  // namespace foresight::rules
