// Regularised linear models: L2-regularised logistic regression for two classes
// (liblinear), multinomial (softmax) logistic regression for several (softmax.cpp),
// L2-regularised least squares for regression (liblinear). Numeric features
// standardised, categorical ones one-hot. The regularisation strength C is chosen on an inner
// split of the training rows (log loss, or squared error), then the model is refitted on all
// of them. A glass box: one weight per feature (and class).
//
// Several classes get one softmax model rather than liblinear's one-vs-rest models: the
// one-vs-rest probabilities are normalised after the fact and understate what a linear
// model can do (on Weka's segment, 0.922 against a multinomial model's 0.954 accuracy).
#include <linear.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "learners/learners.hpp"

namespace foresight::learners {
namespace {

constexpr double kCs[] = {0.01, 0.1, 1, 10, 100};

void Quiet(const char* /*message*/) {}

struct ModelDeleter {
  void operator()(model* m) const { free_and_destroy_model(&m); }
};
using LinearModelPtr = std::unique_ptr<model, ModelDeleter>;

// Rows in liblinear's sparse format (1-based indices, a bias node, a -1 terminator), encoded
// straight from the features.
struct Sparse {
  std::vector<feature_node> nodes;
  std::vector<size_t> starts;
  const feature_node* Row(size_t i) const { return nodes.data() + starts[i]; }
};

Sparse Encode(const Encoder& encoder, const Dataset& data, std::span<const size_t> rows) {
  Sparse s;
  s.starts.reserve(rows.size());
  const int bias = static_cast<int>(encoder.width() + 1);
  for (const size_t r : rows) {
    s.starts.push_back(s.nodes.size());
    encoder.EncodeNonZero(data, r, [&s](size_t index, double value) {
      s.nodes.push_back({static_cast<int>(index + 1), value});
    });
    s.nodes.push_back({bias, 1.0});
    s.nodes.push_back({-1, 0.0});
  }
  return s;
}

class LinearModel : public Model {
 public:
  LinearModel(Encoder encoder, LinearModelPtr m, Task task, size_t classes)
      : encoder_(std::move(encoder)), model_(std::move(m)), task_(task), classes_(classes) {}
  std::vector<double> Predict(const Dataset& data, std::span<const size_t> rows) const override {
    const Sparse s = Encode(encoder_, data, rows);
    std::vector<double> out;
    std::vector<double> probs(static_cast<size_t>(model_->nr_class));
    for (size_t i = 0; i < rows.size(); ++i) {
      if (task_ == Task::kRegression) {
        out.push_back(predict(model_.get(), s.Row(i)));
        continue;
      }
      predict_probability(model_.get(), s.Row(i), probs.data());
      // liblinear orders classes as it met them; put them in class-index order.
      std::vector<double> by_class(classes_, 0.0);
      for (int k = 0; k < model_->nr_class; ++k) {
        by_class[static_cast<size_t>(model_->label[k])] = probs[static_cast<size_t>(k)];
      }
      AppendPrediction(task_, by_class, out);
    }
    return out;
  }

 private:
  Encoder encoder_;
  LinearModelPtr model_;
  Task task_;
  size_t classes_;
};

// Encoded training rows with their targets, ready for liblinear (encoded once, trained on
// for every C).
struct TrainingSet {
  Sparse sparse;
  std::vector<feature_node*> x;
  std::vector<double> y;
  int width = 0;
  TrainingSet(const Encoder& encoder, const Dataset& data, std::span<const size_t> rows)
      : sparse(Encode(encoder, data, rows)), width(static_cast<int>(encoder.width() + 1)) {
    x.resize(rows.size());
    y.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      x[i] = const_cast<feature_node*>(sparse.Row(i));
      y[i] = data.target[rows[i]];
    }
  }
};

// Trains with strength C, starting from `start` when given (a binary model's weights for
// the same rows); null when liblinear refuses.
LinearModelPtr Train(TrainingSet& set, Task task, double c, std::vector<double>* start) {
  problem prob{};
  prob.l = static_cast<int>(set.y.size());
  prob.n = set.width;
  prob.y = set.y.data();
  prob.x = set.x.data();
  prob.bias = 1;
  parameter param{};
  param.solver_type = task == Task::kRegression ? L2R_L2LOSS_SVR : L2R_LR;
  param.eps = task == Task::kRegression ? 0.001 : 0.01;
  param.C = c;
  param.p = 0;  // regression: squared loss on every residual (no insensitive zone)
  if (start != nullptr && static_cast<int>(start->size()) == prob.n) param.init_sol = start->data();
  if (check_parameter(&prob, &param) != nullptr) return nullptr;
  return LinearModelPtr(train(&prob, &param));
}

// Validation loss of a model: mean log loss (classification) or squared error.
double Loss(const Model& m, const Dataset& data, std::span<const size_t> rows) {
  const std::vector<double> p = m.Predict(data, rows);
  double sum = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const double y = data.target[rows[i]];
    switch (data.task) {
      case Task::kRegression:
        sum += (p[i] - y) * (p[i] - y);
        break;
      case Task::kBinary: {
        const double q = std::clamp(y == 1 ? p[i] : 1 - p[i], 1e-15, 1.0);
        sum -= std::log(q);
        break;
      }
      case Task::kMulticlass:
        sum -= std::log(std::clamp(p[i * data.classes + static_cast<size_t>(y)], 1e-15, 1.0));
        break;
    }
  }
  return sum / static_cast<double>(rows.size());
}

// Several classes: the multinomial model (softmax.cpp), C by the inner split's log loss,
// each C starting from the previous one's weights and the final fit from the best C's.
Result<std::unique_ptr<Model>> FitSoftmax(const Dataset& data, std::span<const size_t> rows,
                                          const FitOptions& fit) {
  double best_c = 1;
  std::vector<double> best_w;
  const InnerSplit split = SplitRows(data, rows, 0.2, fit.seed);
  if (split.validation.size() >= 5 && split.train.size() >= 5) {
    double best_loss = std::numeric_limits<double>::infinity();
    std::vector<double> warm;
    for (const double c : kCs) {
      auto m = FitMultinomialLogistic(data, split.train, c, &warm);
      if (!m) return Fail(m.error());
      const double loss = Loss(**m, data, split.validation);
      if (loss < best_loss) {
        best_loss = loss;
        best_c = c;
        best_w = warm;
      }
    }
  }
  return FitMultinomialLogistic(data, rows, best_c, best_w.empty() ? nullptr : &best_w);
}

class Linear : public Learner {
 public:
  Linear() { set_print_string_function(&Quiet); }
  const LearnerInfo& info() const override {
    static constexpr LearnerInfo kInfo{
        "linear", true,
        "regularised logistic (or least-squares) regression: one weight per feature"};
    return kInfo;
  }
  Result<std::unique_ptr<Model>> Fit(const Dataset& data, std::span<const size_t> rows,
                                     const FitOptions& fit) const override {
    if (auto ok = CheckTrainable(data, rows, info().name); !ok) return Fail(ok.error());
    if (data.task == Task::kMulticlass) return FitSoftmax(data, rows, fit);
    // C by an inner split, when the rows allow one with every class on both sides. The
    // inner rows are encoded once; for two classes each C starts from the previous one's
    // weights (warm starts along increasing C; liblinear's regression solver stops too
    // early from a warm start, so it starts cold).
    double best_c = 1;
    std::vector<double> best_w;  // binary: the best C's weights, to start the final fit from
    const InnerSplit split = SplitRows(data, rows, 0.2, fit.seed);
    if (split.validation.size() >= 5 && split.train.size() >= 5) {
      double best_loss = std::numeric_limits<double>::infinity();
      const Encoder inner(data, split.train);
      TrainingSet set(inner, data, split.train);
      std::vector<double> warm;
      for (const double c : kCs) {
        LinearModelPtr m = Train(set, data.task, c, warm.empty() ? nullptr : &warm);
        if (!m) continue;
        if (data.task == Task::kBinary) warm.assign(m->w, m->w + set.width);
        const LinearModel candidate(inner, std::move(m), data.task, data.classes);
        const double loss = Loss(candidate, data, split.validation);
        if (loss < best_loss) {
          best_loss = loss;
          best_c = c;
          best_w = warm;
        }
      }
      // liblinear's first class is the first one its rows show; the weights carry over only
      // when both fits see the same class first.
      if (data.target[split.train.front()] != data.target[rows.front()]) best_w.clear();
    }
    Encoder encoder(data, rows);
    TrainingSet set(encoder, data, rows);
    LinearModelPtr m = Train(set, data.task, best_c, best_w.empty() ? nullptr : &best_w);
    if (!m) return Fail(ErrorCode::kInvalidArgument, "linear: liblinear refused the data");
    return std::unique_ptr<Model>(
        std::make_unique<LinearModel>(std::move(encoder), std::move(m), data.task, data.classes));
  }
};

}  // namespace

std::unique_ptr<Learner> MakeLinear() { return std::make_unique<Linear>(); }

}  // namespace foresight::learners
