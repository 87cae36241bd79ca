// A shallow decision tree (depth at most 3), grown by CART: each split minimises the
// weighted Gini impurity (classification) or the squared error (regression) of its two
// sides. Numeric features split at a threshold, categorical ones on one level against the
// rest; missing values go to whichever side fits them better. Leaves predict the class
// frequencies (or the mean) of their training rows. A glass box: at most 8 rules.
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "learners/learners.hpp"

namespace foresight::learners {
namespace {

constexpr int kMaxDepth = 3;

struct Node {
  int feature = -1;           // -1: a leaf
  double threshold = 0;       // numeric: value <= threshold goes left
  int32_t level = -1;         // categorical: code == level goes left
  bool missing_left = false;  // where missing values go
  int left = -1;
  int right = -1;
  std::vector<double> output;  // leaf: class frequencies or {mean}
};

// Sufficient statistics of a set of rows: class counts, or sum and sum of squares.
struct Stats {
  std::vector<double> counts;
  double n = 0;
  double sum = 0;
  double sum_sq = 0;
  void Add(const Dataset& d, size_t r, double sign = 1) {
    n += sign;
    if (d.task == Task::kRegression) {
      sum += sign * d.target[r];
      sum_sq += sign * d.target[r] * d.target[r];
    } else {
      counts[static_cast<size_t>(d.target[r])] += sign;
    }
  }
  // n x impurity: Gini for classes, the sum of squared deviations for values.
  double Cost(const Dataset& d) const {
    if (n <= 0) return 0;
    if (d.task == Task::kRegression) return std::max(0.0, sum_sq - sum * sum / n);
    double sq = 0;
    for (const double c : counts) sq += c * c;
    return n - sq / n;
  }
};

Stats Empty(const Dataset& d) {
  Stats s;
  if (d.task != Task::kRegression) s.counts.assign(d.classes, 0.0);
  return s;
}

Stats Combine(const Stats& a, const Stats& b) {
  Stats s = a;
  s.n += b.n;
  s.sum += b.sum;
  s.sum_sq += b.sum_sq;
  for (size_t k = 0; k < s.counts.size(); ++k) s.counts[k] += b.counts[k];
  return s;
}

bool IsMissingValue(const Feature& f, size_t r) {
  return f.categorical ? f.codes[r] < 0 : std::isnan(f.values[r]);
}

bool GoesLeft(const Node& node, const Dataset& d, size_t r) {
  const Feature& f = d.features[static_cast<size_t>(node.feature)];
  if (IsMissingValue(f, r)) return node.missing_left;
  return f.categorical ? f.codes[r] == node.level : f.values[r] <= node.threshold;
}

class TreeModel : public Model {
 public:
  TreeModel(std::vector<Node> nodes, Task task) : nodes_(std::move(nodes)), task_(task) {}
  std::vector<double> Predict(const Dataset& data, std::span<const size_t> rows) const override {
    std::vector<double> out;
    for (const size_t r : rows) {
      int i = 0;
      while (nodes_[static_cast<size_t>(i)].feature >= 0) {
        const Node& node = nodes_[static_cast<size_t>(i)];
        i = GoesLeft(node, data, r) ? node.left : node.right;
      }
      const auto& o = nodes_[static_cast<size_t>(i)].output;
      if (task_ == Task::kBinary) {
        out.push_back(o[1]);
      } else {
        out.insert(out.end(), o.begin(), o.end());
      }
    }
    return out;
  }

 private:
  std::vector<Node> nodes_;
  Task task_;
};

class Grower {
 public:
  explicit Grower(const Dataset& d) : d_(d) {}
  std::vector<Node> Grow(const std::vector<size_t>& rows) {
    Build(rows, 0);
    return std::move(nodes_);
  }

 private:
  int Build(const std::vector<size_t>& rows, int depth) {
    const int index = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    Stats all = Empty(d_);
    for (const size_t r : rows) all.Add(d_, r);
    Node best;
    double best_cost = all.Cost(d_) - 1e-12;
    if (depth < kMaxDepth && rows.size() >= 2) {
      for (size_t j = 0; j < d_.features.size(); ++j) FindSplit(j, rows, all, best, best_cost);
    }
    if (best.feature < 0) {
      Node leaf;
      if (d_.task == Task::kRegression) {
        leaf.output = {all.sum / all.n};
      } else {
        leaf.output = all.counts;
        for (double& c : leaf.output) c /= all.n;
      }
      nodes_[static_cast<size_t>(index)] = leaf;
      return index;
    }
    std::vector<size_t> left;
    std::vector<size_t> right;
    for (const size_t r : rows) (GoesLeft(best, d_, r) ? left : right).push_back(r);
    best.left = Build(left, depth + 1);
    best.right = Build(right, depth + 1);
    nodes_[static_cast<size_t>(index)] = best;
    return index;
  }

  // Considers every split on feature j; keeps it in `best` when it lowers the cost.
  void FindSplit(size_t j, const std::vector<size_t>& rows, const Stats& all, Node& best,
                 double& best_cost) {
    const Feature& f = d_.features[j];
    Stats missing = Empty(d_);
    std::vector<size_t> present;
    for (const size_t r : rows) {
      if (IsMissingValue(f, r)) {
        missing.Add(d_, r);
      } else {
        present.push_back(r);
      }
    }
    const auto consider = [&](const Stats& left, const Node& candidate) {
      const Stats right = [&] {
        Stats s = all;
        s.n -= left.n + missing.n;
        s.sum -= left.sum + missing.sum;
        s.sum_sq -= left.sum_sq + missing.sum_sq;
        for (size_t k = 0; k < s.counts.size(); ++k) {
          s.counts[k] -= left.counts[k] + missing.counts[k];
        }
        return s;
      }();
      for (const bool missing_left : {false, true}) {
        const Stats l = missing_left ? Combine(left, missing) : left;
        const Stats r = missing_left ? right : Combine(right, missing);
        if (l.n < 1 || r.n < 1) continue;
        const double cost = l.Cost(d_) + r.Cost(d_);
        if (cost < best_cost - 1e-12) {
          best_cost = cost;
          best = candidate;
          best.missing_left = missing_left;
        }
      }
    };
    if (f.categorical) {
      for (size_t level = 0; level < f.levels; ++level) {
        Stats left = Empty(d_);
        for (const size_t r : present) {
          if (f.codes[r] == static_cast<int32_t>(level)) left.Add(d_, r);
        }
        if (left.n == 0) continue;
        Node candidate;
        candidate.feature = static_cast<int>(j);
        candidate.level = static_cast<int32_t>(level);
        consider(left, candidate);
      }
      return;
    }
    std::sort(present.begin(), present.end(),
              [&](size_t a, size_t b) { return f.values[a] < f.values[b]; });
    Stats left = Empty(d_);
    for (size_t i = 0; i + 1 < present.size(); ++i) {
      left.Add(d_, present[i]);
      const double v = f.values[present[i]];
      const double next = f.values[present[i + 1]];
      if (v == next) continue;
      Node candidate;
      candidate.feature = static_cast<int>(j);
      candidate.threshold = v + (next - v) / 2;  // the midpoint, as scikit-learn does
      consider(left, candidate);
    }
  }

  const Dataset& d_;
  std::vector<Node> nodes_;
};

class Tree : public Learner {
 public:
  const LearnerInfo& info() const override {
    static constexpr LearnerInfo kInfo{
        "tree", true, "a decision tree of depth 3 at most: 8 rules anyone can read"};
    return kInfo;
  }
  Result<std::unique_ptr<Model>> Fit(const Dataset& data, std::span<const size_t> rows,
                                     const FitOptions& /*fit*/) const override {
    if (auto ok = CheckTrainable(data, rows, info().name); !ok) return Fail(ok.error());
    Grower grower(data);
    return std::unique_ptr<Model>(std::make_unique<TreeModel>(
        grower.Grow(std::vector<size_t>(rows.begin(), rows.end())), data.task));
  }
};

}  // namespace

std::unique_ptr<Learner> MakeTree() { return std::make_unique<Tree>(); }

}  // namespace foresight::learners
