#include <vector>

#include "learners/learners.hpp"

namespace foresight::learners {

std::span<const std::unique_ptr<Learner>> BuiltinLearners() {
  static const std::vector<std::unique_ptr<Learner>> all = [] {
    std::vector<std::unique_ptr<Learner>> v;
    v.push_back(MakeMajority());
    v.push_back(MakeLinear());
    v.push_back(MakeTree());
    v.push_back(MakeAdditive());
    v.push_back(MakeBoosting());
    return v;
  }();
  return all;
}

const Learner* FindLearner(std::string_view name) {
  for (const auto& l : BuiltinLearners()) {
    if (l->info().name == name) return l.get();
  }
  return nullptr;
}

}  // namespace foresight::learners
