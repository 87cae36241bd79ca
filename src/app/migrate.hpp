// `foresight migrate`: moves everything a store holds into another (a workspace into the
// team's PostgreSQL server, say), then proves the copy by recomputing every metric of every
// run on both sides.
#pragma once

#include <string>
#include <vector>

#include "app/measure.hpp"
#include "base/result.hpp"
#include "core/migration.hpp"

namespace foresight::app {

using core::MigratedProject;
using core::MigrationResult;

// Copies every project of the store at `from` into the store at `to` (store URLs, see
// store::OpenStore; a folder holding a .foresight/ workspace is read as its database):
// evaluation sets with their ids and slices, runs with their predictions, params and tags,
// the criteria history and the plan ledger, in their order. Projects missing from `to` are
// created. Nothing is written unless every project to fill is empty in `to` (no evaluation
// set, run, criteria or plan event): fails with kFailedPrecondition naming the first that is
// not. Each evaluation set, and then each run, is one transaction; a failure part-way leaves
// what was copied before it, and the message says so.
//
// Then every run's metrics (the task's defaults) are measured from the stored predictions on
// both sides, with `verify`'s resamples and seed, and each estimate and interval bound must
// be equal to the last bit; a difference fails with kDataLoss naming the run and metric.
Result<MigrationResult> MigrateStore(const std::string& from, const std::string& to,
                                     const EvidenceOptions& verify);

}  // namespace foresight::app
