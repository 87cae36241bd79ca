// Learners: the baseline models the probe trains (DESIGN.md §8). One file per learner, a
// registry of them (registry.cpp), and the only module that includes the ML libraries
// (liblinear, XGBoost). A learner fits on some rows of a Dataset and predicts any rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace foresight::learners {

enum class Task { kBinary, kMulticlass, kRegression };

// One input column as learners see it: numeric (a value per row, NaN where missing) or
// categorical (a level code per row, -1 where missing).
struct Feature {
  std::string name;
  bool categorical = false;
  std::vector<double> values;  // numeric
  std::vector<int32_t> codes;  // categorical
  size_t levels = 0;           // categorical
  // Numeric, optional: the rows with a value, sorted by it (SortFeatures fills it). Trees
  // use it to avoid sorting at every fit when a dataset is fitted many times.
  std::vector<uint32_t> order = {};
};

struct Dataset {
  Task task = Task::kBinary;
  size_t classes = 2;  // binary and multiclass
  std::vector<Feature> features;
  std::vector<double> target;  // class index (0..classes-1) or value; finite
  size_t rows() const { return target.size(); }
};

// Fills every numeric feature's `order` (for datasets of fewer than 2^32 rows).
void SortFeatures(Dataset& data);

// A fitted model. Predictions for `rows`: binary, P(class 1) per row; multiclass, the class
// probabilities, rows x classes row-major; regression, the value per row.
class Model {
 public:
  virtual ~Model() = default;
  virtual std::vector<double> Predict(const Dataset& data, std::span<const size_t> rows) const = 0;
};

struct LearnerInfo {
  std::string_view name;         // stable: run names and JSON use it
  bool interpretable = false;    // a glass box a person can read
  std::string_view description;  // one line, plain words
};

// How to fit: the seed makes a fit deterministic; `threads` bounds the threads a learner
// may use (XGBoost's nthread; the others use one).
struct FitOptions {
  uint64_t seed = 0;
  int threads = 1;
};

class Learner {
 public:
  virtual ~Learner() = default;
  virtual const LearnerInfo& info() const = 0;
  // Fits on `rows` (deterministic for a seed, whatever the threads). Fails with
  // kInvalidArgument when the rows cannot support the learner (e.g. one class only).
  virtual Result<std::unique_ptr<Model>> Fit(const Dataset& data, std::span<const size_t> rows,
                                             const FitOptions& options) const = 0;
};

// Every built-in learner, in a fixed order.
std::span<const std::unique_ptr<Learner>> BuiltinLearners();
// The built-in learner named `name`, or null.
const Learner* FindLearner(std::string_view name);

}  // namespace foresight::learners
