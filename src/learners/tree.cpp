// A shallow decision tree (depth at most 3), grown by CART: each split minimises the
// weighted Gini impurity (classification) or the squared error (regression) of its two
// sides. Numeric features split at a threshold, categorical ones on one level against the
// rest; missing values go to whichever side fits them better. Leaves predict the class
// frequencies (or the mean) of their training rows. A glass box: at most 8 rules.
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <span>

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
      AppendPrediction(task_, nodes_[static_cast<size_t>(i)].output, out);
    }
    return out;
  }

 private:
  std::vector<Node> nodes_;
  Task task_;
};

// Grows the tree. Numeric features are sorted once, at the root (from the dataset's sort
// orders when it has them), and each node hands its children their rows still in order, so
// no node sorts again. Split costs are computed in place, without allocating.
class Grower {
 public:
  explicit Grower(const Dataset& d)
      : d_(d), classes_(d.task == Task::kRegression ? 0 : d.classes) {}

  std::vector<Node> Grow(std::span<const size_t> rows) {
    std::vector<std::vector<uint32_t>> sorted(d_.features.size());
    std::vector<char> member;
    for (size_t j = 0; j < d_.features.size(); ++j) {
      const Feature& f = d_.features[j];
      if (f.categorical) continue;
      std::vector<uint32_t>& out = sorted[j];
      out.reserve(rows.size());
      // Filtering the dataset's order costs its length; sorting costs n log n.
      if (!f.order.empty() && rows.size() * 16 >= d_.rows()) {
        if (member.empty()) {
          member.assign(d_.rows(), 0);
          for (const size_t r : rows) member[r] = 1;
        }
        for (const uint32_t r : f.order) {
          if (member[r]) out.push_back(r);
        }
      } else {
        for (const size_t r : rows) {
          if (!std::isnan(f.values[r])) out.push_back(static_cast<uint32_t>(r));
        }
        std::sort(out.begin(), out.end(),
                  [&f](uint32_t a, uint32_t b) { return f.values[a] < f.values[b]; });
      }
    }
    goes_left_.assign(d_.rows(), 0);
    Build(std::vector<size_t>(rows.begin(), rows.end()), std::move(sorted), 0);
    return std::move(nodes_);
  }

 private:
  int Build(const std::vector<size_t>& rows, std::vector<std::vector<uint32_t>> sorted, int depth) {
    const int index = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    Stats all = Empty(d_);
    for (const size_t r : rows) all.Add(d_, r);
    Node best;
    double best_cost = all.Cost(d_) - 1e-12;
    if (depth < kMaxDepth && rows.size() >= 2) {
      for (size_t j = 0; j < d_.features.size(); ++j) {
        FindSplit(j, rows, sorted[j], all, best, best_cost);
      }
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
    for (const size_t r : rows) {
      const bool l = GoesLeft(best, d_, r);
      goes_left_[r] = l ? 1 : 0;
      (l ? left : right).push_back(r);
    }
    std::vector<std::vector<uint32_t>> sorted_left(sorted.size());
    std::vector<std::vector<uint32_t>> sorted_right(sorted.size());
    if (depth + 1 < kMaxDepth) {  // leaves need no order
      for (size_t j = 0; j < sorted.size(); ++j) {
        for (const uint32_t r : sorted[j]) {
          (goes_left_[r] ? sorted_left[j] : sorted_right[j]).push_back(r);
        }
        std::vector<uint32_t>().swap(sorted[j]);
      }
    }
    best.left = Build(left, std::move(sorted_left), depth + 1);
    best.right = Build(right, std::move(sorted_right), depth + 1);
    nodes_[static_cast<size_t>(index)] = best;
    return index;
  }

  // n x impurity of (a + sign_b * b + sign_c * c), without building it.
  double CostOf(const Stats& a, const Stats& b, double sign_b, const Stats& c,
                double sign_c) const {
    const double n = a.n + sign_b * b.n + sign_c * c.n;
    if (n <= 0) return 0;
    if (d_.task == Task::kRegression) {
      const double sum = a.sum + sign_b * b.sum + sign_c * c.sum;
      const double sum_sq = a.sum_sq + sign_b * b.sum_sq + sign_c * c.sum_sq;
      return std::max(0.0, sum_sq - sum * sum / n);
    }
    double sq = 0;
    for (size_t k = 0; k < classes_; ++k) {
      const double v = a.counts[k] + sign_b * b.counts[k] + sign_c * c.counts[k];
      sq += v * v;
    }
    return n - sq / n;
  }

  // Considers every split on feature j; keeps it in `best` when it lowers the cost.
  void FindSplit(size_t j, const std::vector<size_t>& rows, const std::vector<uint32_t>& sorted,
                 const Stats& all, Node& best, double& best_cost) {
    const Feature& f = d_.features[j];
    // Missing values: every row not in `sorted` (numeric) or with a negative code.
    Stats missing = Empty(d_);
    if (f.categorical) {
      for (const size_t r : rows) {
        if (f.codes[r] < 0) missing.Add(d_, r);
      }
    } else if (sorted.size() < rows.size()) {
      for (const size_t r : rows) {
        if (std::isnan(f.values[r])) missing.Add(d_, r);
      }
    }
    const Stats none = Empty(d_);
    const auto consider = [&](const Stats& left, const Node& candidate) {
      // right = all - left - missing; missing joins one side or the other.
      const double present_right = all.n - left.n - missing.n;
      for (const bool missing_left : {false, true}) {
        const double nl = left.n + (missing_left ? missing.n : 0);
        const double nr = present_right + (missing_left ? 0 : missing.n);
        if (nl < 1 || nr < 1) continue;
        if (missing_left && missing.n == 0) continue;  // the same split again
        const double cost = CostOf(left, missing, missing_left ? 1 : 0, none, 0) +
                            CostOf(all, left, -1, missing, missing_left ? -1 : 0);
        if (cost < best_cost - 1e-12) {
          best_cost = cost;
          best = candidate;
          best.missing_left = missing_left;
        }
      }
    };
    if (f.categorical) {
      std::vector<Stats> by_level(f.levels, Empty(d_));
      for (const size_t r : rows) {
        if (f.codes[r] >= 0) by_level[static_cast<size_t>(f.codes[r])].Add(d_, r);
      }
      for (size_t level = 0; level < f.levels; ++level) {
        if (by_level[level].n == 0) continue;
        Node candidate;
        candidate.feature = static_cast<int>(j);
        candidate.level = static_cast<int32_t>(level);
        consider(by_level[level], candidate);
      }
      return;
    }
    Stats left = Empty(d_);
    for (size_t i = 0; i + 1 < sorted.size(); ++i) {
      left.Add(d_, sorted[i]);
      const double v = f.values[sorted[i]];
      const double next = f.values[sorted[i + 1]];
      if (v == next) continue;
      Node candidate;
      candidate.feature = static_cast<int>(j);
      // The midpoint, as scikit-learn places it; when it rounds to `next` (adjacent doubles)
      // or overflows, `v` itself, so that `next` still goes right.
      double threshold = v / 2 + next / 2;
      if (!(threshold < next) || !std::isfinite(threshold)) threshold = v;
      candidate.threshold = threshold;
      consider(left, candidate);
    }
  }

  const Dataset& d_;
  size_t classes_;
  std::vector<char> goes_left_;
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
    return std::unique_ptr<Model>(std::make_unique<TreeModel>(grower.Grow(rows), data.task));
  }
};

}  // namespace

std::unique_ptr<Learner> MakeTree() { return std::make_unique<Tree>(); }

}  // namespace foresight::learners
