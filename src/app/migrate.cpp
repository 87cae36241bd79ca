#include "app/migrate.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "app/evaluate.hpp"
#include "app/workspace.hpp"
#include "store/remote/remote_store.hpp"
#include "store/store.hpp"

namespace foresight::app {
namespace migrate_uc {

namespace fs = std::filesystem;

// Whether two store URLs name one store: one file however it is spelled, or one URL.
bool SameStore(const std::string& a, const std::string& b) {
  if (a.starts_with("sqlite:") && b.starts_with("sqlite:")) {
    std::error_code ec;
    return fs::weakly_canonical(a.substr(7), ec) == fs::weakly_canonical(b.substr(7), ec);
  }
  return a == b;
}

Status CheckEmpty(store::Store& target, const std::string& project, const std::string& to) {
  auto sets = target.ListEvalSets();
  if (!sets) return Fail(sets.error());
  auto criteria = target.ListCriteria();
  if (!criteria) return Fail(criteria.error());
  auto events = target.ListPlanEvents();
  if (!events) return Fail(events.error());
  if (sets->empty() && criteria->empty() && events->empty()) return {};
  return Fail(
      ErrorCode::kFailedPrecondition,
      fmt::format("project '{}' of '{}' holds data already ({} evaluation sets, {} "
                  "criteria versions, {} plan events); migrate into an empty database, "
                  "or one without this project",
                  project, store::RedactedUrl(to), sets->size(), criteria->size(), events->size()));
}

// Copies one project's items; counts them into `done`.
Status Copy(store::Store& source, store::Store& target, MigratedProject& done) {
  auto sets = source.ListEvalSets();
  if (!sets) return Fail(sets.error());
  for (const core::EvalSetInfo& info : *sets) {
    auto set = source.GetEvalSet(info.name, /*with_ids=*/true);
    if (!set) return Fail(set.error());
    if (Status added = target.AddEvalSet(*set); !added) return added;
    ++done.evalsets;
    auto runs = source.ListRuns({.evalset = info.name});
    if (!runs) return Fail(runs.error());
    for (const core::RunInfo& run_info : *runs) {
      auto run = source.GetRun(run_info.name);
      if (!run) return Fail(run.error());
      if (Status added = target.AddRun(*run); !added) return added;
      ++done.runs;
    }
  }
  auto criteria = source.ListCriteria();
  if (!criteria) return Fail(criteria.error());
  for (const core::CriteriaVersion& version : *criteria) {
    auto recorded = target.RecordCriteria(version);
    if (!recorded) return Fail(recorded.error());
    ++done.criteria;
  }
  auto events = source.ListPlanEvents();
  if (!events) return Fail(events.error());
  if (Status added = target.AddPlanEvents(*events); !added) return added;
  done.plan_events = events->size();
  return {};
}

// Every run's metrics on both sides, to the last bit.
Status Verify(store::Store& source, store::Store& target, const EvidenceOptions& options,
              MigratedProject& done) {
  if (done.runs == 0) return {};
  EvidenceOptions o = options;
  o.use_cache = false;
  o.metrics.clear();
  auto before = Evaluate(source, {}, o, /*slices=*/false, std::nullopt);
  if (!before) return Fail(before.error().WithContext("measuring the source"));
  auto after = Evaluate(target, {}, o, /*slices=*/false, std::nullopt);
  if (!after) return Fail(after.error().WithContext("measuring the copy"));
  std::map<std::pair<std::string, std::string>, const core::EvalRow*> copied;
  for (const core::EvalRow& row : after->rows) copied[{row.run, row.metric}] = &row;
  for (const core::EvalRow& row : before->rows) {
    const auto it = copied.find({row.run, row.metric});
    const bool equal = it != copied.end() && it->second->estimate == row.estimate &&
                       it->second->lower == row.lower && it->second->upper == row.upper &&
                       it->second->n == row.n;
    if (!equal) {
      return Fail(ErrorCode::kDataLoss,
                  fmt::format("project '{}', run '{}': {} is {} on the source but {} on the "
                              "copy; the copy is not faithful: drop the target database",
                              done.name, row.run, row.metric, row.estimate,
                              it == copied.end() ? std::string("missing")
                                                 : fmt::format("{}", it->second->estimate)));
    }
    done.values_compared += 3;
  }
  return {};
}

// A store URL, or a server's (http:// or https://, with the environment's token): a
// workspace can be moved into a served store without access to its database.
Result<std::unique_ptr<store::Store>> OpenEither(const std::string& url, std::string_view project,
                                                 store::Access access) {
  if (!store::IsServerUrl(url)) return store::OpenStore(url, project, access);
  const RemoteSettings remote = RemoteSettingsFor(url);
  return store::OpenRemoteStore({remote.url, remote.token, remote.ca_file}, project, access);
}

}  // namespace migrate_uc

Result<MigrationResult> MigrateStore(const std::string& from, const std::string& to,
                                     const EvidenceOptions& verify) {
  const std::string from_url = StoreUrlOf(from);
  const std::string to_url = StoreUrlOf(to);
  MigrationResult result{store::RedactedUrl(from_url), store::RedactedUrl(to_url), {}};
  if (migrate_uc::SameStore(from_url, to_url)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} and {} name the same store ('{}'); name another target",
                            FieldRef("from"), FieldRef("to"), result.from));
  }
  // A server's projects are listed through one the caller can see (FORESIGHT_PROJECT's).
  const std::string first = store::IsServerUrl(from_url) ? RemoteSettingsFor(from_url).project
                                                         : std::string(store::kDefaultProject);
  auto source = migrate_uc::OpenEither(from_url, first, store::Access::kReadOnly);
  if (!source) return Fail(source.error().WithContext("opening " + FieldRef("from")));
  auto projects = (*source)->ListProjects();
  if (!projects) return Fail(projects.error());
  if (projects->empty()) return result;
  // The first project ("default" in a database; on a server, one the caller can see).
  auto target = migrate_uc::OpenEither(to_url, projects->front(), store::Access::kCreate);
  if (!target) return Fail(target.error().WithContext("opening " + FieldRef("to")));
  auto existing = (*target)->ListProjects();
  if (!existing) return Fail(existing.error());

  // Every project to fill must be empty before anything is written.
  for (const std::string& project : *projects) {
    if (std::find(existing->begin(), existing->end(), project) == existing->end()) continue;
    auto into = migrate_uc::OpenEither(to_url, project, store::Access::kWrite);
    if (!into) return Fail(into.error());
    if (Status empty = migrate_uc::CheckEmpty(**into, project, to_url); !empty) {
      return Fail(empty.error());
    }
  }
  for (const std::string& project : *projects) {
    if (std::find(existing->begin(), existing->end(), project) == existing->end()) {
      if (Status made = (*target)->CreateProject(project); !made) return Fail(made.error());
    }
    auto from_store = migrate_uc::OpenEither(from_url, project, store::Access::kReadOnly);
    if (!from_store) return Fail(from_store.error());
    auto to_store = migrate_uc::OpenEither(to_url, project, store::Access::kWrite);
    if (!to_store) return Fail(to_store.error());
    MigratedProject done;
    done.name = project;
    if (Status copied = migrate_uc::Copy(**from_store, **to_store, done); !copied) {
      return Fail(copied.error().WithContext(fmt::format(
          "copying project '{}' (copied before the failure: {} evaluation sets, {} runs; drop "
          "the target database and run the migration again)",
          project, done.evalsets, done.runs)));
    }
    if (Status same = migrate_uc::Verify(**from_store, **to_store, verify, done); !same) {
      return Fail(same.error());
    }
    result.projects.push_back(std::move(done));
  }
  return result;
}

}  // namespace foresight::app
