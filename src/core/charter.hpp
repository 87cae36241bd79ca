// The project charter (foresight.yaml) as typed values, each with the span it was written at.
//
// Plain data: the charter module fills it from YAML, rules read it. Every section records
// whether it was written and where (`present`, `span`), so a rule can point at the section
// when a field inside it is missing. docs/charter.md documents every field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/enums.hpp"
#include "core/field.hpp"

namespace foresight::core {

// Where a section (a mapping or a list) was written. `span` is the key's span.
struct SectionMark {
  bool present = false;
  Span span;
};

struct Project {
  SectionMark mark;
  Field<std::string> name;
  Field<std::string> owner;
  Field<Date> start;
};

struct Domain {
  SectionMark mark;
  Field<DomainArea> area;
  Field<std::string> description;
};

struct Decision {
  SectionMark mark;
  Field<std::string> affected;  // who is affected by the model's decisions
  Field<DecisionMode> mode;
  Field<bool> human_oversight;
  Field<std::string> fallback;  // what happens when the model is wrong or unsure
  Field<Stakes> stakes;
};

struct Task {
  SectionMark mark;
  Field<TaskType> type;
  Field<std::string> target;  // what is predicted, in words
  Field<TargetKind> target_kind;
  Field<Granularity> granularity;
  Field<int64_t> classes;
  Field<bool> target_observable;
  Field<std::string> description;
};

struct Input {
  Span span;  // the list item
  Field<std::string> name;
  Field<InputKind> kind;
  Field<bool> available_at_prediction;
};

struct DataSource {
  Span span;
  Field<std::string> name;
  Field<std::string> owner;
  Field<Access> access;
  Field<bool> required;  // absent means required
  Field<int64_t> rows;
  Field<std::string> license;
  Field<bool> personal_data;
  Field<LegalBasis> legal_basis;
  Field<Collection> collection;
  Field<std::string> description;
};

struct Data {
  SectionMark mark;
  std::vector<DataSource> sources;
  SectionMark sources_mark;
  Field<int64_t> features;
  Field<double> minority_class_fraction;
};

struct Labels {
  SectionMark mark;
  Field<LabelSource> source;
  Field<int64_t> examples_per_class;  // the smallest class's count
  Field<double> agreement;            // inter-annotator agreement, 0..1 (e.g. Cohen's kappa)
  Field<std::string> agreement_measure;
};

struct Evaluation {
  SectionMark mark;
  Field<std::string> name;
  Field<int64_t> size;
  Field<int64_t> positives;  // binary tasks: examples of the positive class among `size`
  Field<bool> drawn_like_production;
};

struct Guardrail {
  Span span;
  Field<std::string> metric;
  Field<double> min;
  Field<double> max;
  Field<std::string> slice;
};

struct Kpi {
  SectionMark mark;
  Field<std::string> name;
  Field<std::string> link;  // how the ML metric moves the KPI
};

struct Success {
  SectionMark mark;
  Field<std::string> metric;
  Field<Direction> direction;
  Field<double> threshold;
  Field<double> confidence;
  Evaluation evaluation;
  std::vector<Guardrail> guardrails;
  SectionMark guardrails_mark;
  std::vector<Field<std::string>> secondary_metrics;
  SectionMark secondary_metrics_mark;
  Kpi kpi;
  Field<std::string> owner;
  Field<Date> sign_off;
};

struct Constraints {
  SectionMark mark;
  Field<Interpretability> interpretability;
  Field<double> latency_ms;
  Field<Deployment> deployment;
  Field<double> cost_per_1000;
};

struct Baseline {
  Span span;
  Field<BaselineKind> kind;
  Field<std::string> name;
  Field<double> value;
  Field<std::string> metric;
  Field<std::string> source;
};

struct TeamMember {
  Span span;
  Field<Role> role;
  Field<double> count;
  Field<int64_t> from_week;
  Field<int64_t> to_week;
};

struct Effort {
  SectionMark mark;
  Field<double> optimistic;
  Field<double> likely;
  Field<double> pessimistic;
};

struct Method {
  Span span;
  Field<std::string> name;
  Field<std::string> hypothesis;
  Effort effort;  // person-weeks
  Field<bool> interpretable;
  Field<Role> role;
  Field<MethodStatus> status;
  Field<std::string> stage;               // the plan.stages item it belongs to
  std::vector<Field<std::string>> after;  // methods that must finish before it starts
  Field<std::string> run_method;          // the `--method` its runs record, when not its name
};

struct Stage {
  Span span;
  Field<std::string> name;
  Field<int64_t> start_week;
  std::vector<Field<Role>> needs;
};

struct Milestone {
  Span span;
  Field<Date> date;
  Field<std::string> goal;
  std::vector<Field<std::string>> methods;
};

// Feedback loops as the outlook models them: a finished method is sent back for another pass
// with this probability, each pass costing this fraction of its effort.
struct Rework {
  SectionMark mark;
  Field<double> probability;
  Field<double> cost;
};

struct Plan {
  SectionMark mark;
  Field<double> budget_person_weeks;
  Field<double> iteration_days;
  Field<Date> deadline;          // when the success criterion must be met
  Field<int64_t> training_size;  // labelled training examples the plan expects to have
  Rework rework;
  std::vector<Field<std::string>> feedback_loops;
  SectionMark feedback_loops_mark;
  std::vector<Method> methods;
  SectionMark methods_mark;
  std::vector<Stage> stages;
  std::vector<Milestone> milestones;
};

struct Monitoring {
  SectionMark mark;
  std::vector<Field<std::string>> metrics;
  Field<bool> drift;
  Field<std::string> owner;
  Field<std::string> retraining;
  Field<std::string> alerting;
};

// Safeguards for high-risk systems (EU AI Act Articles 9-15).
struct Governance {
  SectionMark mark;
  Field<bool> bias_evaluation;  // performance compared across groups before release
  Field<bool> documentation;    // technical documentation kept (Art. 11)
  Field<bool> risk_assessment;  // a risk-management process (Art. 9)
};

// The EU AI Act's questions about people, answered explicitly (Article 5, Annex III): what
// is inferred about a person, from what, in which setting, and the exceptions the Act makes.
struct PeopleExceptions {
  SectionMark mark;
  // Article 5(1)(f): emotion recognition for medical or safety reasons.
  Field<bool> medical_or_safety;
  // Article 5(1)(d): support for a human assessment already based on objective, verifiable
  // facts directly linked to a criminal activity.
  Field<bool> human_assessment_on_facts;
  // Article 5(1)(h)(i)-(iii) with Article 5(3): real-time remote identification limited to a
  // targeted search for specific victims, a specific and imminent threat to life or of a
  // terrorist attack, or a suspect of a serious crime, each authorised beforehand.
  Field<bool> authorised_targeted_search;
};

struct People {
  SectionMark mark;
  Field<bool> concerned;  // any input or target concerns natural persons
  std::vector<Field<PersonInference>> infers;
  SectionMark infers_mark;
  std::vector<Field<PersonSource>> inferred_from;
  SectionMark inferred_from_mark;
  std::vector<Field<PersonSetting>> settings;
  SectionMark settings_mark;
  std::vector<Field<Vulnerability>> exploits_vulnerability;
  SectionMark exploits_vulnerability_mark;
  Field<bool> subliminal_techniques;                  // Article 5(1)(a)
  Field<bool> untargeted_face_scraping;               // Article 5(1)(e)
  Field<RemoteIdentification> remote_identification;  // Article 5(1)(h), Annex III 1(a)
  Field<bool> public_spaces;  // used in spaces open to the public (Article 5(1)(h))
  PeopleExceptions exceptions;
};

// The readiness gate (`foresight gate`): which run it judges, against what.
struct Gate {
  SectionMark mark;
  Field<std::string> candidate;         // the run judged; absent: the newest run
  Field<std::string> production;        // the run of the model in production, to be no worse than
  Field<double> margin;                 // non-inferiority margin on the primary metric (default 0)
  Field<double> max_calibration_error;  // a bound on the candidate's ECE
  Field<GateUndecided> undecided;       // how "cannot tell" counts (default: as a failure)
};

struct Charter {
  Field<int64_t> version;
  Project project;
  Field<std::string> summary;
  Field<Archetype> archetype;
  Domain domain;
  Decision decision;
  Task task;
  std::vector<Input> inputs;
  SectionMark inputs_mark;
  Data data;
  Labels labels;
  Success success;
  Constraints constraints;
  std::vector<Baseline> baselines;
  SectionMark baselines_mark;
  std::vector<TeamMember> team;
  SectionMark team_mark;
  Plan plan;
  Monitoring monitoring;
  Governance governance;
  People people;
  Gate gate;
  // Every field written as a placeholder ("TODO"), with its dotted path, in file order.
  std::vector<std::pair<std::string, Span>> placeholders;
};

}  // namespace foresight::core
