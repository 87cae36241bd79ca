// One factory per learner file (registry.cpp lists them), and helpers they share.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "learners/learner.hpp"

namespace foresight::learners {

std::unique_ptr<Learner> MakeMajority();
std::unique_ptr<Learner> MakeLinear();
std::unique_ptr<Learner> MakeTree();
std::unique_ptr<Learner> MakeAdditive();
std::unique_ptr<Learner> MakeBoosting();

// The linear learner's model for several classes at a given strength C (the learner picks
// C on an inner split): multinomial logistic regression, minimising C * sum of log losses +
// |W|^2 / 2 over the Encoder's features (fitted on `rows`) with unpenalised intercepts.
// `warm`, when given with the right size, is where the search starts, and receives the
// fitted weights. Public so that tests can set it against scikit-learn's
// LogisticRegression(multi_class="multinomial") at the same C.
Result<std::unique_ptr<Model>> FitMultinomialLogistic(const Dataset& data,
                                                      std::span<const size_t> rows, double c,
                                                      std::vector<double>* warm = nullptr);

// Numeric features standardised with the training rows' mean and standard deviation
// (missing values become the mean, i.e. 0), categorical features one-hot (missing: all
// zeros): the encoding linear models need. Fitted on some rows, applied to any.
class Encoder {
 public:
  Encoder(const Dataset& data, std::span<const size_t> rows);
  size_t width() const { return width_; }
  // Calls append(index, value) for row r's non-zero encoded values, in index order.
  template <typename Append>
  void EncodeNonZero(const Dataset& data, size_t row, Append&& append) const {
    for (size_t j = 0; j < data.features.size(); ++j) {
      const Feature& f = data.features[j];
      const Column& c = columns_[j];
      if (f.categorical) {
        const int32_t code = f.codes[row];
        if (code >= 0 && static_cast<size_t>(code) < f.levels) {
          append(c.offset + static_cast<size_t>(code), 1.0);
        }
      } else {
        const double v = f.values[row];
        const double x = v != v ? 0.0 : (v - c.mean) * c.scale;  // NaN: the mean
        if (x != 0) append(c.offset, x);
      }
    }
  }

 private:
  struct Column {
    size_t offset = 0;  // first encoded index
    double mean = 0;
    double scale = 1;
  };
  std::vector<Column> columns_;
  size_t width_ = 0;
};

// Appends one row's prediction, from `by_class` (class probabilities in class-index order,
// or {value} for regression), in the layout Model::Predict returns: P(class 1) for a binary
// task, every probability for multiclass, the value for regression.
inline void AppendPrediction(Task task, std::span<const double> by_class,
                             std::vector<double>& out) {
  if (task == Task::kBinary) {
    out.push_back(by_class[1]);
  } else {
    out.insert(out.end(), by_class.begin(), by_class.end());
  }
}

// Fails (kInvalidArgument, naming the learner) when `rows` cannot train a model: fewer
// than 2 rows, or one class only.
Status CheckTrainable(const Dataset& data, std::span<const size_t> rows, std::string_view name);

// A deterministic split of `rows` into an inner training part and a validation part
// (about `validation_share` of them; stratified by class for classification).
struct InnerSplit {
  std::vector<size_t> train;
  std::vector<size_t> validation;
};
InnerSplit SplitRows(const Dataset& data, std::span<const size_t> rows, double validation_share,
                     uint64_t seed);

}  // namespace foresight::learners
