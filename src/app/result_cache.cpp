#include "app/result_cache.hpp"

#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "base/hash.hpp"

namespace foresight::app {
namespace {

constexpr std::string_view kMeasurementTag = "M2";
constexpr std::string_view kPointTag = "P1";

// Little-endian fixed-width fields.
class Writer {
 public:
  explicit Writer(std::string_view tag) : out_(tag) {}
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFFU));
  }
  void F64(double v) { U64(std::bit_cast<uint64_t>(v)); }
  // Appends the checksum of everything written.
  std::string Finish() {
    const uint64_t sum = Checksum(out_);
    U64(sum);
    return std::move(out_);
  }
  static uint64_t Checksum(std::string_view bytes) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ bytes.size();
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
      uint64_t word = 0;
      std::memcpy(&word, bytes.data() + i, 8);
      h = Mix64(h ^ word);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    return Mix64(h ^ tail ^ 0xA5A5A5A5ULL);
  }

 private:
  std::string out_;
};

class Reader {
 public:
  // Checks the tag and the checksum; `Ok()` is false when either is wrong.
  Reader(std::string_view bytes, std::string_view tag) {
    if (bytes.size() < tag.size() + 8 || bytes.substr(0, tag.size()) != tag) return;
    const std::string_view body = bytes.substr(0, bytes.size() - 8);
    uint64_t stored = 0;
    for (int i = 0; i < 8; ++i) {
      stored |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[body.size() + i]))
                << (8 * i);
    }
    if (stored != Writer::Checksum(body)) return;
    rest_ = body.substr(tag.size());
    ok_ = true;
  }
  bool Ok() const { return ok_; }
  bool U64(uint64_t& v) {
    if (rest_.size() < 8) return ok_ = false;
    v = 0;
    for (int i = 0; i < 8; ++i) {
      v |= static_cast<uint64_t>(static_cast<unsigned char>(rest_[i])) << (8 * i);
    }
    rest_.remove_prefix(8);
    return true;
  }
  bool F64(double& v) {
    uint64_t bits = 0;
    if (!U64(bits)) return false;
    v = std::bit_cast<double>(bits);
    return true;
  }
  size_t Remaining() const { return rest_.size(); }

 private:
  std::string_view rest_;
  bool ok_ = false;
};

}  // namespace

std::string MeasurementKey(std::string_view metric, std::string_view scope,
                           const BootstrapKeyParts& parts) {
  return fmt::format("v{}|bootstrap|{}|{}|resamples={}|seed={}|{}", kResultsVersion, metric, scope,
                     parts.resamples, parts.seed, parts.bca ? "bca" : "percentile");
}

std::string PointKey(std::string_view metric) {
  return fmt::format("v{}|point|{}", kResultsVersion, metric);
}

std::string EncodeMeasurement(const Measurement& m) {
  Writer w(kMeasurementTag);
  w.F64(m.replicates.estimate);
  w.F64(m.replicates.standard_error);
  w.U64(m.replicates.dropped);
  w.F64(m.acceleration);
  w.U64(m.examples);
  // The score model: 0 none, 1 a proportion, 2 ROC AUC; then its three counts.
  w.U64(!m.score ? 0 : m.score->kind == stats::ScoreModel::Kind::kProportion ? 1 : 2);
  const stats::ScoreModel model = m.score.value_or(stats::ScoreModel{});
  w.F64(model.trials);
  w.F64(model.positives);
  w.F64(model.negatives);
  w.U64(m.replicates.sorted.size());
  for (double v : m.replicates.sorted) w.F64(v);
  return w.Finish();
}

std::optional<Measurement> DecodeMeasurement(std::string_view bytes) {
  Reader r(bytes, kMeasurementTag);
  if (!r.Ok()) return std::nullopt;
  Measurement m;
  uint64_t dropped = 0;
  uint64_t examples = 0;
  uint64_t kind = 0;
  stats::ScoreModel model;
  uint64_t count = 0;
  if (!r.F64(m.replicates.estimate) || !r.F64(m.replicates.standard_error) || !r.U64(dropped) ||
      !r.F64(m.acceleration) || !r.U64(examples) || !r.U64(kind) || kind > 2 ||
      !r.F64(model.trials) || !r.F64(model.positives) || !r.F64(model.negatives) || !r.U64(count) ||
      count == 0 || r.Remaining() / 8 != count || r.Remaining() % 8 != 0) {
    return std::nullopt;
  }
  // No model: its counts are written as zeros, and anything else is not an encoding.
  if (kind == 0 && (std::bit_cast<uint64_t>(model.trials) != 0 ||
                    std::bit_cast<uint64_t>(model.positives) != 0 ||
                    std::bit_cast<uint64_t>(model.negatives) != 0)) {
    return std::nullopt;
  }
  m.replicates.dropped = dropped;
  m.examples = examples;
  if (kind != 0) {
    model.kind = kind == 1 ? stats::ScoreModel::Kind::kProportion : stats::ScoreModel::Kind::kAuc;
    m.score = model;
  }
  m.replicates.sorted.resize(count);
  for (double& v : m.replicates.sorted) r.F64(v);
  return m;
}

std::string EncodePoint(const PointMeasurement& p) {
  Writer w(kPointTag);
  w.F64(p.estimate);
  w.F64(p.standard_error);
  w.U64(p.n);
  return w.Finish();
}

std::optional<PointMeasurement> DecodePoint(std::string_view bytes) {
  Reader r(bytes, kPointTag);
  if (!r.Ok()) return std::nullopt;
  PointMeasurement p;
  uint64_t n = 0;
  if (!r.F64(p.estimate) || !r.F64(p.standard_error) || !r.U64(n) || r.Remaining() != 0) {
    return std::nullopt;
  }
  p.n = n;
  return p;
}

ResultCache::ResultCache(store::Store& store, bool enabled) : store_(store), enabled_(enabled) {}

ResultCache::~ResultCache() { Flush(); }

std::vector<std::optional<std::string>> ResultCache::Lookup(const std::string& key,
                                                            const std::vector<std::string>& runs) {
  if (!enabled_) return std::vector<std::optional<std::string>>(runs.size());
  auto found = store_.GetCachedResults(key, runs);
  // A store that cannot answer is a miss: the numbers are computed instead.
  if (!found) return std::vector<std::optional<std::string>>(runs.size());
  return std::move(*found);
}

std::vector<std::optional<Measurement>> ResultCache::FindMeasurements(
    const std::string& key, const std::vector<std::string>& runs) {
  std::vector<std::optional<Measurement>> out;
  out.reserve(runs.size());
  for (const auto& bytes : Lookup(key, runs)) {
    out.push_back(bytes ? DecodeMeasurement(*bytes) : std::nullopt);
    ++(out.back() ? hits_ : misses_);
  }
  return out;
}

std::optional<Measurement> ResultCache::FindMeasurement(const std::string& key,
                                                        const std::string& run) {
  return FindMeasurements(key, {run}).front();
}

std::vector<std::optional<PointMeasurement>> ResultCache::FindPoints(
    const std::string& key, const std::vector<std::string>& runs) {
  std::vector<std::optional<PointMeasurement>> out;
  out.reserve(runs.size());
  for (const auto& bytes : Lookup(key, runs)) {
    out.push_back(bytes ? DecodePoint(*bytes) : std::nullopt);
    ++(out.back() ? hits_ : misses_);
  }
  return out;
}

void ResultCache::Keep(const std::string& run, const std::string& key, const Measurement& m) {
  if (enabled_) pending_.push_back({run, key, EncodeMeasurement(m)});
}

void ResultCache::Keep(const std::string& run, const std::string& key, const PointMeasurement& p) {
  if (enabled_) pending_.push_back({run, key, EncodePoint(p)});
}

void ResultCache::Flush() {
  if (pending_.empty()) return;
  // Ignored on failure: a cache that could not be written is computed again next time.
  static_cast<void>(store_.PutCachedResults(pending_));
  pending_.clear();
}

}  // namespace foresight::app
