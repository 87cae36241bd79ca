// Store: where evaluation sets, runs, charter versions and the plan ledger are kept.
//
// Use-case methods only; no SQL (or any backend detail) crosses this interface, so SQLite
// (the embedded default) and PostgreSQL (the team server, later) implement the same
// contract, and one contract test suite (store_contract_test.cpp) runs against each.
//
// Transactions. Every method that writes is one transaction: it writes everything or
// nothing, whatever fails on the way (the failure is returned; nothing is half-written).
// Stored items are never changed, only renamed or deleted whole, so a read sees each item
// whole.
//
// Projects. One database (a workspace file, or a server) holds several projects, each with
// its own evaluation sets, runs and criteria history; names are unique within a project.
// A Store is opened for one project (OpenStore's `project`, "default" unless given), and
// every method except ListProjects and CreateProject works inside that project only. We
// chose this over a project argument on every method so that a single-project workspace
// (all of them, before projects existed: their data is in "default") keeps the same calls,
// and a server opens one Store per request for the project the request names.
//
// Threads. A Store object is used by one thread at a time (it holds one connection and its
// statements); it may move between threads. For concurrency, open one Store per thread:
// Stores on the same database may read and write at the same time (SQLite in WAL mode lets
// readers proceed during a write; writers take turns, waiting up to 5 seconds for the
// lock before failing with kUnavailable).
//
// Failures. Beyond those listed per method, any method fails with kUnavailable when the
// database is busy or unreachable (retrying may help), kDataLoss when stored data cannot be
// decoded (the message names the item and column), kResourceExhausted when the disk is full.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "core/accounts.hpp"
#include "core/evidence.hpp"
#include "core/plan_ledger.hpp"

namespace foresight::store {

// The project a Store opens when none is named; existing workspaces keep their data here.
inline constexpr std::string_view kDefaultProject = "default";

// Which runs ListRuns returns: all the given conditions hold. Paging applies after the
// filter, in insertion order: `offset` runs are skipped, then at most `limit` returned.
struct RunFilter {
  // The initialisers let callers name only the fields they set ({.method = "gbm"}).
  std::optional<std::string> evalset = std::nullopt;  // on this evaluation set
  std::optional<std::string> method = std::nullopt;   // of this method ("" = runs that record none)
  std::vector<std::pair<std::string, std::string>> tags = {};  // with every one of these tags
  size_t limit = 0;                                            // 0: no limit
  size_t offset = 0;
};

// A page of a listing of runs, and where the next page starts (the offset to ask for) when
// there are more runs after it. A listing answers kRunPageDefault runs unless asked for
// another number, at most kRunPageLimit, so that no request makes a server build and hold a
// document of every run (100,000 runs are about 30 MB of JSON).
inline constexpr size_t kRunPageDefault = 1000;
inline constexpr size_t kRunPageLimit = 10000;
struct RunPage {
  std::vector<core::RunInfo> runs;
  std::optional<size_t> next_offset = std::nullopt;
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores an evaluation set. Fails with kAlreadyExists when the name is taken in this
  // project, kInvalidArgument when the set is inconsistent (labels, targets or a slice
  // column of another length than the ids, a slice code outside its levels).
  virtual Status AddEvalSet(const core::EvalSet& evalset) = 0;
  // The whole set, columns included; without the ids when `with_ids` is false (measuring
  // needs the labels, not the keys, and a million ids are most of a set's bytes). Fails with
  // kNotFound when there is no such set.
  virtual Result<core::EvalSet> GetEvalSet(std::string_view name, bool with_ids) = 0;
  Result<core::EvalSet> GetEvalSet(std::string_view name) { return GetEvalSet(name, true); }
  // The set, with its ids, that a new run's predictions are aligned to. A store may answer
  // from a copy kept since an earlier read (`kept`), which another writer may have replaced
  // since: AddRun then refuses the run, whose evalset_key is no longer its set's, and the
  // caller reads the set again with GetEvalSet.
  struct SetForRun {
    core::EvalSet set;
    bool kept = false;
  };
  virtual Result<SetForRun> GetEvalSetForRun(std::string_view name) {
    auto set = GetEvalSet(name, true);
    if (!set) return Fail(set.error());
    return SetForRun{std::move(*set), false};
  }
  // Every set of the project without its columns, in the order they were added.
  virtual Result<std::vector<core::EvalSetInfo>> ListEvalSets() = 0;

  // Stores a run. Fails with kNotFound when the run's evaluation set does not exist in this
  // project, kAlreadyExists when the run name is taken, kInvalidArgument when the
  // predictions do not fit the set (rows, or rows x classes for multiclass),
  // kFailedPrecondition when the run names the key of a set its store has replaced since
  // (Run::evalset_key).
  virtual Status AddRun(const core::Run& run) = 0;
  // The whole run, predictions included, found by name through an index. Fails with
  // kNotFound when there is no such run.
  virtual Result<core::Run> GetRun(std::string_view name) = 0;
  // An evaluation set and runs on it, all in one transaction (as AddEvalSet, then AddRun for
  // each): either everything is stored or nothing. Fails as those do.
  virtual Status AddEvalSetWithRuns(const core::EvalSet& evalset,
                                    const std::vector<core::Run>& runs) = 0;
  // The runs that pass `filter`, without predictions, in the order they were added. A
  // filter naming an evaluation set or method that does not exist matches nothing (an
  // empty list, not an error).
  virtual Result<std::vector<core::RunInfo>> ListRuns(const RunFilter& filter = {}) = 0;

  // Deletes a run whole: its predictions, attributes and cached results. Fails with
  // kNotFound when there is no such run.
  virtual Status DeleteRun(std::string_view name) = 0;
  // Renames a run; everything stored with it stays. Fails with kNotFound when there is no
  // such run, kAlreadyExists when `new_name` is taken, kInvalidArgument when it is empty.
  virtual Status RenameRun(std::string_view name, std::string_view new_name) = 0;
  // Deletes an evaluation set whole, with its runs when `with_runs`; without, fails with
  // kFailedPrecondition when runs use it (naming them). Fails with kNotFound when there is
  // no such set.
  virtual Status DeleteEvalSet(std::string_view name, bool with_runs) = 0;
  // Renames an evaluation set; its runs stay on it. Fails as RenameRun does.
  virtual Status RenameEvalSet(std::string_view name, std::string_view new_name) = 0;

  // Records a charter version's success criteria unless its charter hash equals the last
  // one recorded in this project. Returns the last version recorded before this call
  // (nullopt if none), so the caller can tell whether the metric or threshold changed.
  virtual Result<std::optional<core::CriteriaVersion>> RecordCriteria(
      const core::CriteriaVersion& criteria) = 0;
  // The project's criteria history, oldest first.
  virtual Result<std::vector<core::CriteriaVersion>> ListCriteria() = 0;

  // The plan ledger (core/plan_ledger.hpp): append-only, so an event is never changed or
  // deleted.
  //
  // Appends the events to this project's ledger in the order given, in one transaction. The
  // store sets each event's id, increasing in insertion order (the ids given are ignored), so
  // the ledger replays in the order it was written even when two events share a day. Fails
  // with kInvalidArgument (storing nothing of the batch) when an event has no method name, a
  // kLogged event no effort, a kEstimated event no `likely`, a value (an estimate's or the
  // effort) is negative or not finite, or `on` is not shaped YYYY-MM-DD. An empty batch
  // stores nothing and succeeds.
  virtual Status AddPlanEvents(const std::vector<core::PlanEvent>& events) = 0;
  // This project's events, oldest first (by id), ids included.
  virtual Result<std::vector<core::PlanEvent>> ListPlanEvents() = 0;

  // The result cache: values computed from a run's stored predictions (a metric's bootstrap
  // replicates, say), kept so that the same computation is a lookup the next time. Runs
  // never change, so an entry stays right as long as its key names everything the value
  // depends on (the caller's job: metric, parameters, method, resamples, seed, and a
  // version of the code that computed it). Values are opaque bytes to the store. An entry
  // belongs to its run and goes with it.
  //
  // The values under `key` of each named run, in the order given: nullopt where there is
  // none (or no such run in this project).
  virtual Result<std::vector<std::optional<std::string>>> GetCachedResults(
      std::string_view key, const std::vector<std::string>& runs) = 0;
  // Stores every entry, replacing an existing value under the same run and key, in one
  // transaction. Fails with kNotFound (storing nothing) when a run does not exist in this
  // project.
  virtual Status PutCachedResults(const std::vector<core::CachedResult>& entries) = 0;

  // Every project in the database, in the order they were created ("default" first).
  virtual Result<std::vector<std::string>> ListProjects() = 0;
  // Creates an empty project; open a Store for it to fill it. Fails with kInvalidArgument
  // for a name CheckProjectName refuses, kAlreadyExists when the name is taken.
  virtual Status CreateProject(std::string_view name) = 0;

  // Audits this Store's writes: every later write that succeeds also appends `entry` to the
  // audit log (store/accounts.hpp) in its own transaction, so a write and its entry are kept
  // together or not at all, and sets `*written` (which must outlive the Store) to true.
  virtual void AuditWrites(core::AuditEntry entry, bool* written) = 0;

  // Whether this Store can only read (opened with Access::kReadOnly, or kRead on a database
  // that cannot be written): its writes fail with kFailedPrecondition.
  virtual bool ReadOnly() const = 0;
};

// A project's name, checked by every CreateProject (stores and accounts): not empty, and
// without '/' or a control character, since a server puts it in its paths
// (/api/v1/projects/NAME/...). kInvalidArgument (field "name") otherwise.
Status CheckProjectName(std::string_view name);

// How a Store is opened.
enum class Access {
  kCreate,    // read and write; the database is created when missing (`foresight init`)
  kWrite,     // read and write an existing database; fails when it can only be read
  kRead,      // read an existing database, and write when it can be written (the result
              // cache, the criteria history): a read-only one is opened read-only, and its
              // writes fail with kFailedPrecondition
  kReadOnly,  // read only, whatever the file allows: every write fails (kFailedPrecondition)
};

// Opens the store at `url` for `project`. URLs: "sqlite:PATH" or a plain file path
// (SQLite); the table of schemes is in open_store.cpp. With kCreate the database is
// created when missing; otherwise a missing database is kNotFound and an empty (0-byte,
// truncated) file kDataLoss, never silently made anew. A database that can be written is
// migrated to the current schema (data of a database made before projects moves into
// "default"); one opened read-only must be current already. The returned Store is owned by
// the caller; see the threading rule above. Fails with kInvalidArgument for an unknown
// scheme, kNotFound when the project does not exist (create it with CreateProject first),
// kFailedPrecondition for a database made by a newer foresight, one that needs migrating
// but cannot be written, one kWrite cannot write, or a file that cannot be opened.
// The URL with a password in it replaced by "***", for messages and logs.
std::string RedactedUrl(std::string_view url);

Result<std::unique_ptr<Store>> OpenStore(std::string_view url,
                                         std::string_view project = kDefaultProject,
                                         Access access = Access::kCreate);

}  // namespace foresight::store
