#include "app/target.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace foresight::app {
namespace {

using core::EvalTask;
using core::InferredPositive;
using ::testing::ElementsAre;

// A summary from (text, count) pairs, in this order; a text that is a number has its value.
TargetSummary Values(const std::vector<std::pair<std::string, size_t>>& values) {
  TargetSummary s;
  for (const auto& [text, count] : values) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    const bool number = !text.empty() && end == text.c_str() + text.size();
    s.values.push_back(
        {.text = text, .count = count, .number = number ? std::optional<double>(v) : std::nullopt});
  }
  return s;
}

Target Infer(const TargetSummary& s, TargetChoice choice = {}) {
  auto t = InferTarget(s, choice);
  EXPECT_TRUE(t.has_value()) << "problem " << static_cast<int>(t.error());
  return t ? *t : Target{};
}

TargetProblem Problem(const TargetSummary& s, TargetChoice choice = {}) {
  auto t = InferTarget(s, choice);
  EXPECT_FALSE(t.has_value());
  return t ? TargetProblem::kUnknownTask : t.error();
}

TEST(InferTargetTest, ZeroOneIsBinaryWithOnePositive) {
  const Target t = Infer(Values({{"1", 30}, {"0", 70}}));
  EXPECT_EQ(t.task, EvalTask::kBinary);
  EXPECT_TRUE(t.task_inferred);
  EXPECT_THAT(t.classes, ElementsAre("0", "1"));
  EXPECT_THAT(t.class_of, ElementsAre(1, 0));
  EXPECT_EQ(t.positive_inferred, InferredPositive::kKnownPair);
  // Even when 1 is the commoner class; and spelled as decimals.
  EXPECT_THAT(Infer(Values({{"0", 10}, {"1", 90}})).classes, ElementsAre("0", "1"));
  EXPECT_THAT(Infer(Values({{"1.0", 10}, {"0.0", 90}})).classes, ElementsAre("0.0", "1.0"));
}

TEST(InferTargetTest, OneTwoIsBinaryWithTheRarerPositive) {
  Target t = Infer(Values({{"1", 70}, {"2", 30}}));
  EXPECT_EQ(t.task, EvalTask::kBinary);
  EXPECT_THAT(t.classes, ElementsAre("1", "2"));
  EXPECT_EQ(t.positive_inferred, InferredPositive::kRarer);
  t = Infer(Values({{"2", 70}, {"1", 30}}));
  EXPECT_THAT(t.classes, ElementsAre("2", "1"));
  EXPECT_THAT(t.class_of, ElementsAre(0, 1));
}

TEST(InferTargetTest, MinusOneOneIsBinaryWithOnePositive) {
  for (const char* plus : {"1", "+1"}) {
    const Target t = Infer(Values({{"-1", 10}, {plus, 90}}));
    EXPECT_EQ(t.task, EvalTask::kBinary);
    EXPECT_THAT(t.classes, ElementsAre("-1", plus));
    EXPECT_EQ(t.positive_inferred, InferredPositive::kKnownPair);
  }
}

TEST(InferTargetTest, BooleanPairsIgnoringCase) {
  EXPECT_THAT(Infer(Values({{"yes", 90}, {"no", 10}})).classes, ElementsAre("no", "yes"));
  EXPECT_THAT(Infer(Values({{"No", 90}, {"Yes", 10}})).classes, ElementsAre("No", "Yes"));
  EXPECT_THAT(Infer(Values({{"true", 90}, {"false", 10}})).classes, ElementsAre("false", "true"));
  EXPECT_THAT(Infer(Values({{"TRUE", 1}, {"FALSE", 2}})).classes, ElementsAre("FALSE", "TRUE"));
  EXPECT_THAT(Infer(Values({{"y", 9}, {"n", 1}})).classes, ElementsAre("n", "y"));
  EXPECT_THAT(Infer(Values({{"t", 9}, {"f", 1}})).classes, ElementsAre("f", "t"));
  const Target t = Infer(Values({{"positive", 9}, {"negative", 1}}));
  EXPECT_THAT(t.classes, ElementsAre("negative", "positive"));
  EXPECT_EQ(t.positive_inferred, InferredPositive::kKnownPair);
}

TEST(InferTargetTest, TwoTextLabelsMakeTheRarerPositive) {
  Target t = Infer(Values({{"good", 700}, {"bad", 300}}));
  EXPECT_EQ(t.task, EvalTask::kBinary);
  EXPECT_THAT(t.classes, ElementsAre("good", "bad"));
  EXPECT_THAT(t.class_of, ElementsAre(0, 1));
  EXPECT_EQ(t.positive_inferred, InferredPositive::kRarer);
  t = Infer(Values({{"bad", 300}, {"good", 700}}));
  EXPECT_THAT(t.classes, ElementsAre("good", "bad"));
  EXPECT_THAT(t.class_of, ElementsAre(1, 0));
  // A pair that is not a known one ("yes" with "0") is two labels.
  EXPECT_THAT(Infer(Values({{"0", 5}, {"yes", 3}})).classes, ElementsAre("0", "yes"));
}

TEST(InferTargetTest, ATieMakesTheLaterClassPositive) {
  EXPECT_THAT(Infer(Values({{"cat", 5}, {"dog", 5}})).classes, ElementsAre("cat", "dog"));
  EXPECT_THAT(Infer(Values({{"dog", 5}, {"cat", 5}})).classes, ElementsAre("dog", "cat"));
  // Numbers are in numeric order whatever the caller's: 2 is the later.
  EXPECT_THAT(Infer(Values({{"2", 5}, {"1", 5}})).classes, ElementsAre("1", "2"));
}

TEST(InferTargetTest, GivenPositiveWins) {
  Target t = Infer(Values({{"no", 10}, {"yes", 90}}), {.positive = "no"});
  EXPECT_THAT(t.classes, ElementsAre("yes", "no"));
  EXPECT_THAT(t.class_of, ElementsAre(1, 0));
  EXPECT_FALSE(t.positive_inferred.has_value());
  t = Infer(Values({{"good", 700}, {"bad", 300}}), {.positive = "good"});
  EXPECT_THAT(t.classes, ElementsAre("bad", "good"));
  EXPECT_FALSE(t.positive_inferred.has_value());
}

TEST(InferTargetTest, NonIntegerNumbersAreRegression) {
  const Target t = Infer(Values({{"1.5", 1}, {"2.25", 1}, {"3", 1}}));
  EXPECT_EQ(t.task, EvalTask::kRegression);
  EXPECT_TRUE(t.task_inferred);
  EXPECT_TRUE(t.classes.empty());
  EXPECT_FALSE(t.positive_inferred.has_value());
}

TEST(InferTargetTest, FewWholeNumbersAreClassesAndManyAreRegression) {
  const Target few = Infer(Values({{"10", 1}, {"2", 1}, {"1", 1}}));
  EXPECT_EQ(few.task, EvalTask::kMulticlass);
  EXPECT_THAT(few.classes, ElementsAre("1", "2", "10")) << "numeric order";
  EXPECT_THAT(few.class_of, ElementsAre(2, 1, 0));
  std::vector<std::pair<std::string, size_t>> values;
  for (size_t i = 1; i <= kMaxCodedClasses; ++i) values.emplace_back(std::to_string(i), 3);
  EXPECT_EQ(Infer(Values(values)).task, EvalTask::kMulticlass) << kMaxCodedClasses << " values";
  values.emplace_back("0", 3);
  EXPECT_EQ(Infer(Values(values)).task, EvalTask::kRegression) << "one more";
}

TEST(InferTargetTest, TextLabelsAreMulticlassInTheCallersOrder) {
  const Target t = Infer(Values({{"oak", 1}, {"ash", 1}, {"elm", 4}}));
  EXPECT_EQ(t.task, EvalTask::kMulticlass);
  EXPECT_THAT(t.classes, ElementsAre("oak", "ash", "elm"));
  EXPECT_FALSE(t.positive_inferred.has_value());
}

TEST(InferTargetTest, AGivenTaskOverridesTheInference) {
  const auto many = Values({{"1", 1}, {"2", 1}, {"3", 1}});
  Target t = Infer(many, {.task = "regression"});
  EXPECT_EQ(t.task, EvalTask::kRegression);
  EXPECT_FALSE(t.task_inferred);
  t = Infer(Values({{"0", 1}, {"1", 1}}), {.task = "multiclass"});
  EXPECT_EQ(t.task, EvalTask::kMulticlass);
  EXPECT_THAT(t.classes, ElementsAre("0", "1"));
  EXPECT_FALSE(t.positive_inferred.has_value());
  std::vector<std::pair<std::string, size_t>> values;
  for (size_t i = 0; i < 50; ++i) values.emplace_back(std::to_string(i), 1);
  EXPECT_EQ(Infer(Values(values), {.task = "multiclass"}).classes.size(), 50u);
}

TEST(InferTargetTest, ProblemsAreTyped) {
  EXPECT_EQ(Problem(Values({{"0", 1}, {"1", 1}}), {.task = "ranking"}),
            TargetProblem::kUnknownTask);
  EXPECT_EQ(Problem(Values({})), TargetProblem::kNoValue);
  EXPECT_EQ(Problem(Values({{"ok", 50}})), TargetProblem::kOneValue);
  EXPECT_EQ(Problem(Values({{"7", 50}}), {.task = "regression"}), TargetProblem::kOneValue);
  EXPECT_EQ(Problem(Values({{"a", 1}, {"b", 1}, {"c", 1}}), {.task = "binary"}),
            TargetProblem::kNotBinary);
  EXPECT_EQ(Problem(Values({{"a", 1}, {"b", 1}}), {.task = "regression"}),
            TargetProblem::kNotNumeric);
  EXPECT_EQ(Problem(Values({{"no", 1}, {"yes", 1}}), {.positive = "maybe"}),
            TargetProblem::kPositiveNotAClass);
  EXPECT_EQ(Problem(Values({{"no", 1}, {"yes", 1}}), {.positive = "YES"}),
            TargetProblem::kPositiveNotAClass)
      << "--positive is spelled as in the file";
}

TEST(InferTargetTest, AnInfiniteNumberMakesARegressionTargetThatFails) {
  TargetSummary s = Values({{"1.5", 1}, {"2.5", 1}, {"3.5", 1}});
  s.values.push_back({.text = "inf", .count = 1, .number = HUGE_VAL});
  EXPECT_EQ(Problem(s), TargetProblem::kNotNumeric);
  EXPECT_EQ(FirstNonFinite(s), 3u);
}

TEST(InferTargetTest, OneClassLimitForEveryCaller) {
  std::vector<std::pair<std::string, size_t>> values;
  for (size_t i = 0; i < kMaxTargetClasses; ++i) values.emplace_back("c" + std::to_string(i), 1);
  EXPECT_EQ(Infer(Values(values)).classes.size(), kMaxTargetClasses);
  values.emplace_back("one-more", 1);
  EXPECT_EQ(Problem(Values(values)), TargetProblem::kTooManyClasses);
  // Whole numbers past the limit are a regression target, unless a class task is asked for.
  values.clear();
  for (size_t i = 0; i <= kMaxTargetClasses; ++i) values.emplace_back(std::to_string(i), 1);
  EXPECT_EQ(Infer(Values(values)).task, EvalTask::kRegression);
  EXPECT_EQ(Problem(Values(values), {.task = "multiclass"}), TargetProblem::kTooManyClasses);
}

}  // namespace
}  // namespace foresight::app
