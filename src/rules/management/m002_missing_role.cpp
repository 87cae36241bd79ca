// M002: a role the plan needs is missing from the team.
#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m002 {
namespace {

// Whether the team's roles are all known: a role written as TODO might be the missing one.
bool RolesKnown(const core::Charter& c) {
  return std::none_of(c.team.begin(), c.team.end(),
                      [](const core::TeamMember& m) { return m.role.placeholder(); });
}

void AddTeamNote(const core::Charter& c, Finding& f) {
  f.fields.push_back("team");
  f.related.push_back({c.team_mark.span, "the team is declared here"});
}

void CheckLabels(const core::Charter& c, std::vector<Finding>& out) {
  if (!c.labels.source.has()) return;
  Finding f;
  switch (*c.labels.source) {
    case core::LabelSource::kManual:
      // Experts can label their own data; either role will do.
      if (HasRole(c, {core::Role::kAnnotator, core::Role::kDomainExpert})) return;
      f.message = "manual labels need annotators or domain experts, but the team has neither";
      break;
    case core::LabelSource::kCrowd:
      // Someone must write the guidelines, run the crowd and check its work.
      if (HasRole(c, {core::Role::kAnnotator})) return;
      f.message =
          "crowd labels need annotators to write guidelines and check the crowd's work, "
          "but the team has none";
      break;
    case core::LabelSource::kExisting:
    case core::LabelSource::kDerived:
    case core::LabelSource::kWeak:
      return;
  }
  f.span = c.labels.source.span;
  f.fields.push_back("labels.source");
  AddTeamNote(c, f);
  out.push_back(std::move(f));
}

void CheckDeployment(const core::Charter& c, std::vector<Finding>& out) {
  if (!c.constraints.deployment.has()) return;
  switch (*c.constraints.deployment) {
    case core::Deployment::kBatch:
      return;
    case core::Deployment::kOnline:
    case core::Deployment::kEdge:
      break;
  }
  if (HasRole(c, {core::Role::kDevops, core::Role::kMlEngineer, core::Role::kSoftwareEngineer})) {
    return;
  }
  Finding f;
  f.span = c.constraints.deployment.span;
  f.message = fmt::format(
      "{} deployment needs someone to build and run the service (devops, ml-engineer or "
      "software-engineer), but the team has none",
      core::NameOf(*c.constraints.deployment));
  f.fields.push_back("constraints.deployment");
  AddTeamNote(c, f);
  out.push_back(std::move(f));
}

// Whether data from this collection route has to be brought in and kept flowing by someone.
bool NeedsPipeline(core::Collection collection) {
  switch (collection) {
    case core::Collection::kPartner:
    case core::Collection::kPurchased:
    case core::Collection::kScraped:
      return true;
    case core::Collection::kInternal:
    case core::Collection::kPublicDataset:
    case core::Collection::kUserProvided:
    case core::Collection::kSynthetic:
      return false;
  }
  return false;
}

void CheckData(const core::Charter& c, std::vector<Finding>& out) {
  if (HasRole(c, {core::Role::kDataEngineer})) return;
  Finding f;
  std::string first_reason;
  for (size_t i = 0; i < c.data.sources.size(); ++i) {
    const core::DataSource& s = c.data.sources[i];
    const std::string path = fmt::format("data.sources[{}]", i);
    const std::string name = s.name.has() ? "'" + *s.name + "'" : fmt::format("source {}", i + 1);
    const core::Field<core::Collection>& collection = s.collection;
    const core::Field<core::Access>& access = s.access;
    std::string reason;
    const Span* at = nullptr;
    if (collection.has() && NeedsPipeline(*collection)) {
      reason = fmt::format("{} is {}", name, core::NameOf(*collection));
      at = &collection.span;
      f.fields.push_back(path + ".collection");
    } else if (access.has() && *access != core::Access::kGranted) {
      reason = fmt::format("access to {} {}", name, AccessInWords(*access));
      at = &access.span;
      f.fields.push_back(path + ".access");
    }
    if (at == nullptr) continue;
    if (first_reason.empty()) {
      first_reason = reason;
      f.span = *at;
    } else {
      f.related.push_back({*at, "this source needs a data engineer too"});
    }
  }
  if (first_reason.empty()) return;
  f.message = fmt::format(
      "{}: someone must obtain the data and build its pipeline, but the team has no "
      "data-engineer",
      first_reason);
  AddTeamNote(c, f);
  out.push_back(std::move(f));
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // Without a team there is nothing to compare with: M008 reports that.
  // A team member written as TODO is left out of the list, and might be the missing role.
  if (c.team.empty() || !RolesKnown(c) || UnderPlaceholder(c, "team")) return;
  CheckLabels(c, out);
  CheckDeployment(c, out);
  CheckData(c, out);
}

}  // namespace
}  // namespace m002

RuleDef MakeM002() {
  return RuleDef{
      .meta =
          {
              .id = "M002",
              .factor = core::Factor::kManagement,
              .severity = Severity::kError,
              .title = "A role the plan needs is missing from the team",
              .rationale =
                  "The charter commits to work that nobody on the team does: labels to be "
                  "made by hand, a live service to run, data to be brought in from outside. "
                  "Data scientists end up doing it part-time and badly, or it is not done and "
                  "the project stalls waiting for it.",
              .fix = "add the missing role to the team (with the weeks they are available), or "
                     "change the plan so it no longer needs them",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Sculley et al. 2015, 'Hidden Technical Debt in Machine Learning Systems'",
                       "https://papers.nips.cc/paper/"
                       "5656-hidden-technical-debt-in-machine-learning-systems"},
                  },
          },
      .check = m002::Check,
  };
}

}  // namespace foresight::rules
