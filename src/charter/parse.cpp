#include "charter/parse.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "charter/internal/reader.hpp"

namespace foresight::charter {
namespace {

using internal::Entry;
using internal::MapView;
using internal::Node;
using internal::OpenSection;
using internal::Reader;

constexpr int64_t kMaxCount = std::numeric_limits<int64_t>::max() / 4;
constexpr double kMaxNumber = 1e15;

constexpr std::array<std::string_view, 19> kTopLevelKeys = {
    "version", "project", "summary",    "archetype",  "domain",  "decision",    "task",
    "inputs",  "people",  "data",       "labels",     "success", "constraints", "baselines",
    "team",    "plan",    "monitoring", "governance", "gate"};

std::string Child(const std::string& path, std::string_view key) {
  return path + "." + std::string(key);
}

// A list item written as TODO: recorded as a placeholder, and kept as an empty item so the
// indices of the items after it (team[2], ...) stay those of the file.
template <typename T>
bool TodoItem(Reader& r, const Node& item, const std::string& path, std::vector<T>& list) {
  if (!internal::IsPlaceholder(item)) return false;
  r.NotePlaceholder(path, item.span);
  T placeholder;
  placeholder.span = item.span;
  list.push_back(std::move(placeholder));
  return true;
}

// Opens a list item that must be a mapping.
std::optional<MapView> OpenItem(Reader& r, const Node& item, const std::string& path) {
  if (!item.is_mapping()) {
    r.SchemaError(item.span,
                  fmt::format("`{}` must be a mapping of keys to values, not {}", path,
                              internal::DescribeNode(item)),
                  {"write the item's fields as 'key: value' after the '- '"});
    return std::nullopt;
  }
  return MapView(r, item, path);
}

void ReadProject(Reader& r, Entry entry, core::Project& out) {
  auto m = OpenSection(r, entry, "project", out.mark);
  if (!m) return;
  r.Read(m->Get("name"), "project.name", out.name);
  r.Read(m->Get("owner"), "project.owner", out.owner);
  r.Read(m->Get("start"), "project.start", out.start);
  m->Finish({"name", "owner", "start"});
}

void ReadDomain(Reader& r, Entry entry, core::Domain& out) {
  auto m = OpenSection(r, entry, "domain", out.mark);
  if (!m) return;
  r.Read(m->Get("area"), "domain.area", out.area);
  r.Read(m->Get("description"), "domain.description", out.description);
  m->Finish({"area", "description"});
}

void ReadDecision(Reader& r, Entry entry, core::Decision& out) {
  auto m = OpenSection(r, entry, "decision", out.mark);
  if (!m) return;
  r.Read(m->Get("affected"), "decision.affected", out.affected);
  r.Read(m->Get("mode"), "decision.mode", out.mode);
  r.Read(m->Get("human_oversight"), "decision.human_oversight", out.human_oversight);
  r.Read(m->Get("fallback"), "decision.fallback", out.fallback);
  r.Read(m->Get("stakes"), "decision.stakes", out.stakes);
  m->Finish({"affected", "mode", "human_oversight", "fallback", "stakes"});
}

void ReadTask(Reader& r, Entry entry, core::Task& out) {
  auto m = OpenSection(r, entry, "task", out.mark);
  if (!m) return;
  r.Read(m->Get("type"), "task.type", out.type);
  r.Read(m->Get("target"), "task.target", out.target);
  r.Read(m->Get("target_kind"), "task.target_kind", out.target_kind);
  r.Read(m->Get("granularity"), "task.granularity", out.granularity);
  r.Read(m->Get("classes"), "task.classes", out.classes, 1, kMaxCount);
  r.Read(m->Get("target_observable"), "task.target_observable", out.target_observable);
  r.Read(m->Get("description"), "task.description", out.description);
  m->Finish({"type", "target", "target_kind", "granularity", "classes", "target_observable",
             "description"});
}

void ReadInputs(Reader& r, Entry entry, core::Charter& c) {
  r.ReadList(entry, "inputs", c.inputs_mark, [&](const Node& item, const std::string& path) {
    if (TodoItem(r, item, path, c.inputs)) return;
    auto m = OpenItem(r, item, path);
    if (!m) return;
    core::Input in;
    in.span = item.span;
    r.Read(m->Get("name"), Child(path, "name"), in.name);
    r.Read(m->Get("kind"), Child(path, "kind"), in.kind);
    r.Read(m->Get("available_at_prediction"), Child(path, "available_at_prediction"),
           in.available_at_prediction);
    m->Finish({"name", "kind", "available_at_prediction"});
    c.inputs.push_back(std::move(in));
  });
}

void ReadSource(Reader& r, const Node& item, const std::string& path, core::Data& data) {
  if (TodoItem(r, item, path, data.sources)) return;
  auto m = OpenItem(r, item, path);
  if (!m) return;
  core::DataSource s;
  s.span = item.span;
  r.Read(m->Get("name"), Child(path, "name"), s.name);
  r.Read(m->Get("owner"), Child(path, "owner"), s.owner);
  r.Read(m->Get("access"), Child(path, "access"), s.access);
  r.Read(m->Get("required"), Child(path, "required"), s.required);
  r.Read(m->Get("rows"), Child(path, "rows"), s.rows, 0, kMaxCount);
  r.Read(m->Get("license"), Child(path, "license"), s.license);
  r.Read(m->Get("personal_data"), Child(path, "personal_data"), s.personal_data);
  r.Read(m->Get("legal_basis"), Child(path, "legal_basis"), s.legal_basis);
  r.Read(m->Get("collection"), Child(path, "collection"), s.collection);
  r.Read(m->Get("description"), Child(path, "description"), s.description);
  m->Finish({"name", "owner", "access", "required", "rows", "license", "personal_data",
             "legal_basis", "collection", "description"});
  data.sources.push_back(std::move(s));
}

void ReadData(Reader& r, Entry entry, core::Data& out) {
  auto m = OpenSection(r, entry, "data", out.mark);
  if (!m) return;
  r.ReadList(m->Get("sources"), "data.sources", out.sources_mark,
             [&](const Node& item, const std::string& path) { ReadSource(r, item, path, out); });
  r.Read(m->Get("features"), "data.features", out.features, 0, kMaxCount);
  r.Read(m->Get("minority_class_fraction"), "data.minority_class_fraction",
         out.minority_class_fraction, 0.0, 0.5);
  m->Finish({"sources", "features", "minority_class_fraction"});
}

void ReadLabels(Reader& r, Entry entry, core::Labels& out) {
  auto m = OpenSection(r, entry, "labels", out.mark);
  if (!m) return;
  r.Read(m->Get("source"), "labels.source", out.source);
  r.Read(m->Get("examples_per_class"), "labels.examples_per_class", out.examples_per_class, 0,
         kMaxCount);
  r.Read(m->Get("agreement"), "labels.agreement", out.agreement, -1.0, 1.0);
  r.Read(m->Get("agreement_measure"), "labels.agreement_measure", out.agreement_measure);
  m->Finish({"source", "examples_per_class", "agreement", "agreement_measure"});
}

void ReadEvaluation(Reader& r, Entry entry, core::Evaluation& out) {
  auto m = OpenSection(r, entry, "success.evaluation", out.mark);
  if (!m) return;
  r.Read(m->Get("name"), "success.evaluation.name", out.name);
  r.Read(m->Get("size"), "success.evaluation.size", out.size, 1, kMaxCount);
  r.Read(m->Get("positives"), "success.evaluation.positives", out.positives, 1, kMaxCount);
  r.Read(m->Get("drawn_like_production"), "success.evaluation.drawn_like_production",
         out.drawn_like_production);
  m->Finish({"name", "size", "positives", "drawn_like_production"});
}

void ReadGuardrail(Reader& r, const Node& item, const std::string& path, core::Success& out) {
  if (TodoItem(r, item, path, out.guardrails)) return;
  auto m = OpenItem(r, item, path);
  if (!m) return;
  core::Guardrail g;
  g.span = item.span;
  r.Read(m->Get("metric"), Child(path, "metric"), g.metric);
  r.Read(m->Get("min"), Child(path, "min"), g.min, -kMaxNumber, kMaxNumber);
  r.Read(m->Get("max"), Child(path, "max"), g.max, -kMaxNumber, kMaxNumber);
  r.Read(m->Get("slice"), Child(path, "slice"), g.slice);
  m->Finish({"metric", "min", "max", "slice"});
  out.guardrails.push_back(std::move(g));
}

void ReadKpi(Reader& r, Entry entry, core::Kpi& out) {
  auto m = OpenSection(r, entry, "success.kpi", out.mark);
  if (!m) return;
  r.Read(m->Get("name"), "success.kpi.name", out.name);
  r.Read(m->Get("link"), "success.kpi.link", out.link);
  m->Finish({"name", "link"});
}

void ReadSuccess(Reader& r, Entry entry, core::Success& out) {
  auto m = OpenSection(r, entry, "success", out.mark);
  if (!m) return;
  r.Read(m->Get("metric"), "success.metric", out.metric);
  r.Read(m->Get("direction"), "success.direction", out.direction);
  r.Read(m->Get("threshold"), "success.threshold", out.threshold, -kMaxNumber, kMaxNumber);
  r.Read(m->Get("confidence"), "success.confidence", out.confidence, 0.5, 0.9999);
  ReadEvaluation(r, m->Get("evaluation"), out.evaluation);
  r.ReadList(m->Get("guardrails"), "success.guardrails", out.guardrails_mark,
             [&](const Node& item, const std::string& path) { ReadGuardrail(r, item, path, out); });
  r.ReadScalars(m->Get("secondary_metrics"), "success.secondary_metrics",
                out.secondary_metrics_mark, out.secondary_metrics);
  ReadKpi(r, m->Get("kpi"), out.kpi);
  r.Read(m->Get("owner"), "success.owner", out.owner);
  r.Read(m->Get("sign_off"), "success.sign_off", out.sign_off);
  m->Finish({"metric", "direction", "threshold", "confidence", "evaluation", "guardrails",
             "secondary_metrics", "kpi", "owner", "sign_off"});
}

void ReadConstraints(Reader& r, Entry entry, core::Constraints& out) {
  auto m = OpenSection(r, entry, "constraints", out.mark);
  if (!m) return;
  r.Read(m->Get("interpretability"), "constraints.interpretability", out.interpretability);
  r.Read(m->Get("latency_ms"), "constraints.latency_ms", out.latency_ms, 0.0, kMaxNumber);
  r.Read(m->Get("deployment"), "constraints.deployment", out.deployment);
  r.Read(m->Get("cost_per_1000"), "constraints.cost_per_1000", out.cost_per_1000, 0.0, kMaxNumber);
  m->Finish({"interpretability", "latency_ms", "deployment", "cost_per_1000"});
}

void ReadBaselines(Reader& r, Entry entry, core::Charter& c) {
  r.ReadList(entry, "baselines", c.baselines_mark, [&](const Node& item, const std::string& path) {
    if (TodoItem(r, item, path, c.baselines)) return;
    auto m = OpenItem(r, item, path);
    if (!m) return;
    core::Baseline b;
    b.span = item.span;
    r.Read(m->Get("kind"), Child(path, "kind"), b.kind);
    r.Read(m->Get("name"), Child(path, "name"), b.name);
    r.Read(m->Get("value"), Child(path, "value"), b.value, -kMaxNumber, kMaxNumber);
    r.Read(m->Get("metric"), Child(path, "metric"), b.metric);
    r.Read(m->Get("source"), Child(path, "source"), b.source);
    m->Finish({"kind", "name", "value", "metric", "source"});
    c.baselines.push_back(std::move(b));
  });
}

void ReadTeam(Reader& r, Entry entry, core::Charter& c) {
  r.ReadList(entry, "team", c.team_mark, [&](const Node& item, const std::string& path) {
    if (TodoItem(r, item, path, c.team)) return;
    auto m = OpenItem(r, item, path);
    if (!m) return;
    core::TeamMember t;
    t.span = item.span;
    r.Read(m->Get("role"), Child(path, "role"), t.role);
    r.Read(m->Get("count"), Child(path, "count"), t.count, 0.0, 10000.0);
    r.Read(m->Get("from_week"), Child(path, "from_week"), t.from_week, 0, 10000);
    r.Read(m->Get("to_week"), Child(path, "to_week"), t.to_week, 0, 10000);
    m->Finish({"role", "count", "from_week", "to_week"});
    if (t.from_week.has() && t.to_week.has() && *t.to_week < *t.from_week) {
      r.SchemaError(t.to_week.span, fmt::format("`{}` ends (week {}) before it starts (week {})",
                                                Child(path, "to_week"), *t.to_week, *t.from_week));
    }
    c.team.push_back(t);
  });
}

void ReadEffort(Reader& r, Entry entry, const std::string& path, core::Effort& out) {
  auto m = OpenSection(r, entry, path, out.mark);
  if (!m) return;
  r.Read(m->Get("optimistic"), Child(path, "optimistic"), out.optimistic, 0.0, 1e6);
  r.Read(m->Get("likely"), Child(path, "likely"), out.likely, 0.0, 1e6);
  r.Read(m->Get("pessimistic"), Child(path, "pessimistic"), out.pessimistic, 0.0, 1e6);
  m->Finish({"optimistic", "likely", "pessimistic"});
  const bool ordered =
      !(out.optimistic.has() && out.likely.has() && *out.optimistic > *out.likely) &&
      !(out.likely.has() && out.pessimistic.has() && *out.likely > *out.pessimistic) &&
      !(out.optimistic.has() && out.pessimistic.has() && *out.optimistic > *out.pessimistic);
  if (!ordered) {
    r.SchemaError(out.mark.span,
                  fmt::format("`{}` must satisfy optimistic <= likely <= pessimistic", path),
                  {"the optimistic estimate is the smallest, the pessimistic the largest"});
  }
}

void ReadMethod(Reader& r, const Node& item, const std::string& path, core::Plan& plan) {
  if (TodoItem(r, item, path, plan.methods)) return;
  auto m = OpenItem(r, item, path);
  if (!m) return;
  core::Method x;
  x.span = item.span;
  r.Read(m->Get("name"), Child(path, "name"), x.name);
  r.Read(m->Get("hypothesis"), Child(path, "hypothesis"), x.hypothesis);
  ReadEffort(r, m->Get("effort"), Child(path, "effort"), x.effort);
  r.Read(m->Get("interpretable"), Child(path, "interpretable"), x.interpretable);
  r.Read(m->Get("role"), Child(path, "role"), x.role);
  r.Read(m->Get("status"), Child(path, "status"), x.status);
  r.Read(m->Get("stage"), Child(path, "stage"), x.stage);
  core::SectionMark after_mark;
  r.ReadScalars(m->Get("after"), Child(path, "after"), after_mark, x.after);
  r.Read(m->Get("run_method"), Child(path, "run_method"), x.run_method);
  m->Finish({"name", "hypothesis", "effort", "interpretable", "role", "status", "stage", "after",
             "run_method"});
  plan.methods.push_back(std::move(x));
}

void ReadStage(Reader& r, const Node& item, const std::string& path, core::Plan& plan) {
  if (TodoItem(r, item, path, plan.stages)) return;
  auto m = OpenItem(r, item, path);
  if (!m) return;
  core::Stage s;
  s.span = item.span;
  core::SectionMark needs_mark;
  r.Read(m->Get("name"), Child(path, "name"), s.name);
  r.Read(m->Get("start_week"), Child(path, "start_week"), s.start_week, 0, 10000);
  r.ReadScalars(m->Get("needs"), Child(path, "needs"), needs_mark, s.needs);
  m->Finish({"name", "start_week", "needs"});
  plan.stages.push_back(std::move(s));
}

void ReadMilestone(Reader& r, const Node& item, const std::string& path, core::Plan& plan) {
  if (TodoItem(r, item, path, plan.milestones)) return;
  auto m = OpenItem(r, item, path);
  if (!m) return;
  core::Milestone x;
  x.span = item.span;
  core::SectionMark methods_mark;
  r.Read(m->Get("date"), Child(path, "date"), x.date);
  r.Read(m->Get("goal"), Child(path, "goal"), x.goal);
  r.ReadScalars(m->Get("methods"), Child(path, "methods"), methods_mark, x.methods);
  m->Finish({"date", "goal", "methods"});
  plan.milestones.push_back(std::move(x));
}

void ReadRework(Reader& r, Entry entry, core::Rework& out) {
  auto m = OpenSection(r, entry, "plan.rework", out.mark);
  if (!m) return;
  r.Read(m->Get("probability"), "plan.rework.probability", out.probability, 0.0, 0.95);
  r.Read(m->Get("cost"), "plan.rework.cost", out.cost, 0.0, 10.0);
  m->Finish({"probability", "cost"});
}

void ReadPlan(Reader& r, Entry entry, core::Plan& out) {
  auto m = OpenSection(r, entry, "plan", out.mark);
  if (!m) return;
  core::SectionMark stages_mark;
  core::SectionMark milestones_mark;
  r.Read(m->Get("budget_person_weeks"), "plan.budget_person_weeks", out.budget_person_weeks, 0.0,
         1e6);
  r.Read(m->Get("iteration_days"), "plan.iteration_days", out.iteration_days, 0.0, 3650.0);
  r.Read(m->Get("deadline"), "plan.deadline", out.deadline);
  r.Read(m->Get("training_size"), "plan.training_size", out.training_size, 1,
         int64_t{1000000000000});
  ReadRework(r, m->Get("rework"), out.rework);
  r.ReadScalars(m->Get("feedback_loops"), "plan.feedback_loops", out.feedback_loops_mark,
                out.feedback_loops);
  r.ReadList(m->Get("methods"), "plan.methods", out.methods_mark,
             [&](const Node& item, const std::string& path) { ReadMethod(r, item, path, out); });
  r.ReadList(m->Get("stages"), "plan.stages", stages_mark,
             [&](const Node& item, const std::string& path) { ReadStage(r, item, path, out); });
  r.ReadList(m->Get("milestones"), "plan.milestones", milestones_mark,
             [&](const Node& item, const std::string& path) { ReadMilestone(r, item, path, out); });
  m->Finish({"budget_person_weeks", "iteration_days", "deadline", "training_size", "rework",
             "feedback_loops", "methods", "stages", "milestones"});
}

void ReadMonitoring(Reader& r, Entry entry, core::Monitoring& out) {
  auto m = OpenSection(r, entry, "monitoring", out.mark);
  if (!m) return;
  core::SectionMark metrics_mark;
  r.ReadScalars(m->Get("metrics"), "monitoring.metrics", metrics_mark, out.metrics);
  r.Read(m->Get("drift"), "monitoring.drift", out.drift);
  r.Read(m->Get("owner"), "monitoring.owner", out.owner);
  r.Read(m->Get("retraining"), "monitoring.retraining", out.retraining);
  r.Read(m->Get("alerting"), "monitoring.alerting", out.alerting);
  m->Finish({"metrics", "drift", "owner", "retraining", "alerting"});
}

void ReadGovernance(Reader& r, Entry entry, core::Governance& out) {
  auto m = OpenSection(r, entry, "governance", out.mark);
  if (!m) return;
  r.Read(m->Get("bias_evaluation"), "governance.bias_evaluation", out.bias_evaluation);
  r.Read(m->Get("documentation"), "governance.documentation", out.documentation);
  r.Read(m->Get("risk_assessment"), "governance.risk_assessment", out.risk_assessment);
  m->Finish({"bias_evaluation", "documentation", "risk_assessment"});
}

void ReadPeople(Reader& r, Entry entry, core::People& out) {
  auto m = OpenSection(r, entry, "people", out.mark);
  if (!m) return;
  r.Read(m->Get("concerned"), "people.concerned", out.concerned);
  r.ReadScalars(m->Get("infers"), "people.infers", out.infers_mark, out.infers);
  r.ReadScalars(m->Get("inferred_from"), "people.inferred_from", out.inferred_from_mark,
                out.inferred_from);
  r.ReadScalars(m->Get("settings"), "people.settings", out.settings_mark, out.settings);
  r.ReadScalars(m->Get("exploits_vulnerability"), "people.exploits_vulnerability",
                out.exploits_vulnerability_mark, out.exploits_vulnerability);
  r.Read(m->Get("subliminal_techniques"), "people.subliminal_techniques",
         out.subliminal_techniques);
  r.Read(m->Get("untargeted_face_scraping"), "people.untargeted_face_scraping",
         out.untargeted_face_scraping);
  r.Read(m->Get("remote_identification"), "people.remote_identification",
         out.remote_identification);
  r.Read(m->Get("public_spaces"), "people.public_spaces", out.public_spaces);
  if (auto e = OpenSection(r, m->Get("exceptions"), "people.exceptions", out.exceptions.mark)) {
    r.Read(e->Get("medical_or_safety"), "people.exceptions.medical_or_safety",
           out.exceptions.medical_or_safety);
    r.Read(e->Get("human_assessment_on_facts"), "people.exceptions.human_assessment_on_facts",
           out.exceptions.human_assessment_on_facts);
    r.Read(e->Get("authorised_targeted_search"), "people.exceptions.authorised_targeted_search",
           out.exceptions.authorised_targeted_search);
    e->Finish({"medical_or_safety", "human_assessment_on_facts", "authorised_targeted_search"});
  }
  m->Finish({"concerned", "infers", "inferred_from", "settings", "exploits_vulnerability",
             "subliminal_techniques", "untargeted_face_scraping", "remote_identification",
             "public_spaces", "exceptions"});
}

void ReadGate(Reader& r, Entry entry, core::Gate& out) {
  auto m = OpenSection(r, entry, "gate", out.mark);
  if (!m) return;
  r.Read(m->Get("candidate"), "gate.candidate", out.candidate);
  r.Read(m->Get("production"), "gate.production", out.production);
  r.Read(m->Get("margin"), "gate.margin", out.margin, 0.0, kMaxNumber);
  r.Read(m->Get("max_calibration_error"), "gate.max_calibration_error", out.max_calibration_error,
         0.0, 1.0);
  r.Read(m->Get("undecided"), "gate.undecided", out.undecided);
  m->Finish({"candidate", "production", "margin", "max_calibration_error", "undecided"});
}

// Checks the bytes before YAML sees them: NUL bytes mean a binary file, and the charter
// must be UTF-8. Returns false after reporting an "input" error.
bool CheckText(const SourceFile& file, diag::DiagnosticSink& sink) {
  const std::string& text = file.text();
  auto report = [&](size_t offset, std::string message, std::string help) {
    diag::Diagnostic d;
    d.code = "input";
    d.message = std::move(message);
    d.file = &file;
    d.span = Span{static_cast<uint32_t>(offset), static_cast<uint32_t>(offset + 1)};
    d.help.push_back(std::move(help));
    sink.Add(std::move(d));
  };
  if (const size_t nul = text.find('\0'); nul != std::string::npos) {
    report(nul, "this is a binary file, not a YAML charter (NUL byte)",
           "point foresight at the foresight.yaml file; `foresight init` writes one");
    return false;
  }
  if (auto bad = FindInvalidUtf8(text)) {
    report(*bad,
           fmt::format("the charter is not valid UTF-8 (byte 0x{:02x})",
                       static_cast<unsigned char>(text[*bad])),
           "save the file as UTF-8");
    return false;
  }
  return true;
}

}  // namespace

std::span<const std::string_view> TopLevelKeys() { return kTopLevelKeys; }

core::Charter ParseCharter(const SourceFile& file, diag::DiagnosticSink& sink) {
  core::Charter charter;
  if (!CheckText(file, sink)) return charter;
  const size_t errors_before = sink.Count(Severity::kError);
  std::optional<Node> root = internal::ParseYaml(file, sink);
  if (sink.Count(Severity::kError) > errors_before) return charter;
  Reader r(file, sink, charter);
  if (!root || (root->is_scalar() && root->plain && root->text.empty())) {
    r.SchemaError(Span{0, 0}, "the charter is empty",
                  {"run `foresight init` to write a commented template"});
    return charter;
  }
  if (!root->is_mapping()) {
    r.SchemaError(root->span,
                  "a charter must be a mapping of sections (project:, task:, success:, ...), not " +
                      internal::DescribeNode(*root),
                  {"run `foresight init` to see the expected layout"});
    return charter;
  }
  MapView top(r, *root, "");
  r.Read(top.Get("version"), "version", charter.version, 1, 1);
  ReadProject(r, top.Get("project"), charter.project);
  r.Read(top.Get("summary"), "summary", charter.summary);
  r.Read(top.Get("archetype"), "archetype", charter.archetype);
  ReadDomain(r, top.Get("domain"), charter.domain);
  ReadDecision(r, top.Get("decision"), charter.decision);
  ReadTask(r, top.Get("task"), charter.task);
  ReadInputs(r, top.Get("inputs"), charter);
  ReadData(r, top.Get("data"), charter.data);
  ReadLabels(r, top.Get("labels"), charter.labels);
  ReadSuccess(r, top.Get("success"), charter.success);
  ReadConstraints(r, top.Get("constraints"), charter.constraints);
  ReadBaselines(r, top.Get("baselines"), charter);
  ReadTeam(r, top.Get("team"), charter);
  ReadPlan(r, top.Get("plan"), charter.plan);
  ReadMonitoring(r, top.Get("monitoring"), charter.monitoring);
  ReadGovernance(r, top.Get("governance"), charter.governance);
  ReadPeople(r, top.Get("people"), charter.people);
  ReadGate(r, top.Get("gate"), charter.gate);
  top.Finish({"version", "project", "summary", "archetype", "domain", "decision", "task", "inputs",
              "people", "data", "labels", "success", "constraints", "baselines", "team", "plan",
              "monitoring", "governance", "gate"});
  std::stable_sort(charter.placeholders.begin(), charter.placeholders.end(),
                   [](const auto& a, const auto& b) { return a.second.begin < b.second.begin; });
  return charter;
}

}  // namespace foresight::charter
