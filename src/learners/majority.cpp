// The floor: the class frequencies of the training rows (classification) or their mean
// (regression), whatever the features say. Anything worth building beats it.
#include <memory>

#include "learners/learners.hpp"

namespace foresight::learners {
namespace {

class ConstantModel : public Model {
 public:
  explicit ConstantModel(std::vector<double> output) : output_(std::move(output)) {}
  std::vector<double> Predict(const Dataset& /*data*/,
                              std::span<const size_t> rows) const override {
    std::vector<double> out;
    out.reserve(rows.size() * output_.size());
    for (size_t i = 0; i < rows.size(); ++i) out.insert(out.end(), output_.begin(), output_.end());
    return out;
  }

 private:
  std::vector<double> output_;  // one row's prediction
};

class Majority : public Learner {
 public:
  const LearnerInfo& info() const override {
    static constexpr LearnerInfo kInfo{"majority", true,
                                       "the class frequencies (or the mean): the floor to beat"};
    return kInfo;
  }
  Result<std::unique_ptr<Model>> Fit(const Dataset& data, std::span<const size_t> rows,
                                     const FitOptions& /*fit*/) const override {
    if (rows.empty()) return Fail(ErrorCode::kInvalidArgument, "majority: no training rows");
    if (data.task == Task::kRegression) {
      double sum = 0;
      for (const size_t r : rows) sum += data.target[r];
      return std::unique_ptr<Model>(std::make_unique<ConstantModel>(
          std::vector<double>{sum / static_cast<double>(rows.size())}));
    }
    std::vector<double> counts(data.classes, 0.0);
    for (const size_t r : rows) counts[static_cast<size_t>(data.target[r])] += 1;
    for (double& c : counts) c /= static_cast<double>(rows.size());
    if (data.task == Task::kBinary) counts = {counts[1]};
    return std::unique_ptr<Model>(std::make_unique<ConstantModel>(std::move(counts)));
  }
};

}  // namespace

std::unique_ptr<Learner> MakeMajority() { return std::make_unique<Majority>(); }

}  // namespace foresight::learners
