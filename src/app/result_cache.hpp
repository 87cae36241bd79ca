// The result cache: what a use case computed from a run's stored predictions, kept in the
// store so that the same computation is a lookup the next time (a repeated `eval`, a
// dashboard page, the ranking of every run after the metric changed).
//
// Exact by construction: runs never change and the bootstrap is deterministic (replicate b
// depends only on the seed and b), so an entry's key names everything its value depends on:
// the metric with its parameters, what was measured (the whole set or one slice value), the
// resamples, the seed, the interval method, and kResultsVersion, the version of the code that
// computes the numbers. What is cached is the replicates themselves and BCa's acceleration,
// so an interval at any confidence level, P(target met) at any threshold and the one-sided
// bound are read off an entry without recomputing anything.
//
// A cache, not a record: reading an entry that fails to decode, or failing to write one,
// changes no answer (the value is computed again); so a use case that only reads stays
// correct on a store that refuses writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/evidence.hpp"
#include "stats/bootstrap.hpp"
#include "store/store.hpp"

namespace foresight::app {

// Bump when a change alters any cached number (a metric's formula, the resampling, the
// interval arithmetic): entries of another version are never read.
inline constexpr int kResultsVersion = 3;

// A metric measured with the bootstrap: the replicates and BCa's acceleration (0 for the
// percentile interval, which does not use it), the examples measured, and the metric's score
// model when it has one (the counts its score interval needs).
struct Measurement {
  stats::Replicates replicates;
  double acceleration = 0;
  size_t examples = 0;
  std::optional<stats::ScoreModel> score;
};

// A metric's point estimate and the jackknife's standard error of it: what ranking every run
// needs, without resamples.
struct PointMeasurement {
  double estimate = 0;
  double standard_error = 0;
  size_t n = 0;
};

// How the bootstrap was asked for, as keys spell it.
struct BootstrapKeyParts {
  size_t resamples = 0;
  uint64_t seed = 0;
  bool bca = true;
};

// Keys. `metric` is the canonical spelling (parameters included); `scope` is "" for the
// whole evaluation set, else what was measured on part of it ("slice:region=north") or
// instead of a metric ("fairness:sex:demographic_parity_difference").
std::string MeasurementKey(std::string_view metric, std::string_view scope,
                           const BootstrapKeyParts& parts);
std::string PointKey(std::string_view metric);

// Encodings, with a checksum: a damaged or foreign value decodes to nullopt.
std::string EncodeMeasurement(const Measurement& m);
std::optional<Measurement> DecodeMeasurement(std::string_view bytes);
std::string EncodePoint(const PointMeasurement& p);
std::optional<PointMeasurement> DecodePoint(std::string_view bytes);

// Reads entries from a store and collects new ones, written together by Flush.
class ResultCache {
 public:
  // `enabled` = false: every lookup misses and nothing is written (for measuring, and for
  // callers that must not touch the store).
  ResultCache(store::Store& store, bool enabled);
  ResultCache(const ResultCache&) = delete;
  ResultCache& operator=(const ResultCache&) = delete;
  // Writes what is still kept.
  ~ResultCache();

  // The entries under `key` of `runs`, in order (nullopt where missing or undecodable).
  std::vector<std::optional<Measurement>> FindMeasurements(const std::string& key,
                                                           const std::vector<std::string>& runs);
  std::optional<Measurement> FindMeasurement(const std::string& key, const std::string& run);
  std::vector<std::optional<PointMeasurement>> FindPoints(const std::string& key,
                                                          const std::vector<std::string>& runs);

  void Keep(const std::string& run, const std::string& key, const Measurement& m);
  void Keep(const std::string& run, const std::string& key, const PointMeasurement& p);

  // Writes the kept entries in one transaction and forgets them. A failure (a busy or
  // read-only store) is ignored: the entries are computed again next time.
  void Flush();

  // What the lookups found, for the record (and the benchmark).
  size_t Hits() const { return hits_; }
  size_t Misses() const { return misses_; }

 private:
  std::vector<std::optional<std::string>> Lookup(const std::string& key,
                                                 const std::vector<std::string>& runs);

  store::Store& store_;
  bool enabled_;
  std::vector<core::CachedResult> pending_;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace foresight::app
