#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "learners/learners.hpp"

namespace foresight::learners {

Encoder::Encoder(const Dataset& data, std::span<const size_t> rows) {
  for (const Feature& f : data.features) {
    Column c;
    c.offset = width_;
    if (f.categorical) {
      width_ += f.levels;
    } else {
      double sum = 0;
      double sum_sq = 0;
      size_t count = 0;
      for (const size_t r : rows) {
        const double v = f.values[r];
        if (std::isnan(v)) continue;
        sum += v;
        sum_sq += v * v;
        ++count;
      }
      if (count > 0) {
        c.mean = sum / static_cast<double>(count);
        const double var = std::max(0.0, sum_sq / static_cast<double>(count) - c.mean * c.mean);
        c.scale = var > 1e-24 ? 1 / std::sqrt(var) : 0.0;  // a constant column carries nothing
      }
      width_ += 1;
    }
    columns_.push_back(c);
  }
}

Status CheckTrainable(const Dataset& data, std::span<const size_t> rows, std::string_view name) {
  if (rows.size() < 2) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{}: fewer than 2 training rows", name));
  }
  if (data.task == Task::kRegression) return {};
  std::vector<size_t> counts(data.classes, 0);
  for (const size_t r : rows) ++counts[static_cast<size_t>(data.target[r])];
  if (std::count_if(counts.begin(), counts.end(), [](size_t c) { return c > 0; }) < 2) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}: the training rows hold one class only", name));
  }
  return {};
}

InnerSplit SplitRows(const Dataset& data, std::span<const size_t> rows, double validation_share,
                     uint64_t seed) {
  // Rows ordered by a hash of (seed, row): a shuffle that depends on nothing else. Within
  // each class (or all rows for regression), every k-th goes to validation.
  std::vector<size_t> order(rows.begin(), rows.end());
  const auto key = [seed](size_t r) {
    uint64_t x = (seed + 0x9E3779B97F4A7C15ULL) ^ (r * 0xBF58476D1CE4E5B9ULL);
    x ^= x >> 31U;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 29U;
    return x;
  };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  const size_t groups = data.task == Task::kRegression ? 1 : data.classes;
  std::vector<size_t> seen(groups, 0);
  const auto every = static_cast<size_t>(std::max(2.0, std::round(1 / validation_share)));
  InnerSplit split;
  for (const size_t r : order) {
    const size_t g = data.task == Task::kRegression ? 0 : static_cast<size_t>(data.target[r]);
    (seen[g]++ % every == every - 1 ? split.validation : split.train).push_back(r);
  }
  return split;
}

void SortFeatures(Dataset& data) {
  for (Feature& f : data.features) {
    f.order.clear();
    if (f.categorical) continue;
    for (size_t r = 0; r < f.values.size(); ++r) {
      if (!std::isnan(f.values[r])) f.order.push_back(static_cast<uint32_t>(r));
    }
    std::stable_sort(f.order.begin(), f.order.end(),
                     [&f](uint32_t a, uint32_t b) { return f.values[a] < f.values[b]; });
  }
}

}  // namespace foresight::learners
