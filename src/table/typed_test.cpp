#include "table/typed.hpp"

#include "table/table_testing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace foresight::table {
namespace {

// A table read from text; the test fails when the text is not a valid table.
testing::Read Parse(std::string text, TableFormat format = TableFormat::kCsv) {
  testing::Read r = testing::ReadText(std::move(text), format);
  EXPECT_TRUE(r.table.has_value()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  return r;
}

TEST(TypedTest, InfersNumericBooleanAndCategoricalWithMissingValues) {
  const testing::Read p = Parse(
      "age,smoker,city,score,flag,code\n"
      "34,yes,Paris,0.5,1,7\n"
      "NA,no,Lyon,,0,8\n"
      "51, yes ,Paris,2e3,1,x9\n"
      "28,?,  Nice ,-1,0,10\n");
  const Typed t = TypeColumns(*p.table);
  ASSERT_EQ(t.columns.size(), 6U);
  EXPECT_EQ(t.rows, 4U);
  const TypedColumn& age = t.columns[0];
  EXPECT_EQ(age.kind, ColumnKind::kNumeric);
  EXPECT_EQ(age.missing, 1U);
  EXPECT_TRUE(std::isnan(age.values[1]));
  EXPECT_EQ(age.values[3], 28);
  const TypedColumn& smoker = t.columns[1];
  EXPECT_EQ(smoker.kind, ColumnKind::kBoolean);
  EXPECT_EQ(smoker.values[0], 1);
  EXPECT_EQ(smoker.values[1], 0);
  EXPECT_EQ(smoker.values[2], 1);  // spaces around the value do not matter
  EXPECT_TRUE(std::isnan(smoker.values[3]));
  EXPECT_EQ(smoker.booleans, (std::vector<std::string>{"no", "yes"}));
  const TypedColumn& city = t.columns[2];
  EXPECT_EQ(city.kind, ColumnKind::kCategorical);
  EXPECT_EQ(city.levels, (std::vector<std::string>{"Paris", "Lyon", "Nice"}));
  EXPECT_EQ(city.codes, (std::vector<int32_t>{0, 1, 0, 2}));
  EXPECT_EQ(t.columns[3].kind, ColumnKind::kNumeric);
  EXPECT_EQ(t.columns[3].values[2], 2000);
  EXPECT_EQ(t.columns[3].missing, 1U);
  EXPECT_EQ(t.columns[4].kind, ColumnKind::kBoolean);      // 0/1
  EXPECT_EQ(t.columns[5].kind, ColumnKind::kCategorical);  // "x9" among numbers
  EXPECT_FALSE(t.columns[0].declared);
}

TEST(TypedTest, MixedBooleanSpellingsAndSingleValuesAreNotBooleans) {
  const testing::Read p = Parse("a,b,c\nyes,1,true\n0,1,true\nyes,1,true\n");
  const Typed t = TypeColumns(*p.table);
  EXPECT_EQ(t.columns[0].kind, ColumnKind::kCategorical);  // "yes" with "0"
  EXPECT_EQ(t.columns[1].kind, ColumnKind::kNumeric);      // one value only
  EXPECT_EQ(t.columns[2].kind, ColumnKind::kCategorical);  // "true" only
}

TEST(TypedTest, OverridesWinOrFallBackWithAProblem) {
  const testing::Read p = Parse("zip,grade,label\n75001,3,1\n69002,4,0\n06000,x,1\n");
  const Typed t = TypeColumns(*p.table, {{"zip", ColumnKind::kCategorical},
                                         {"grade", ColumnKind::kNumeric},
                                         {"label", ColumnKind::kCategorical}});
  EXPECT_EQ(t.columns[0].kind, ColumnKind::kCategorical);
  EXPECT_TRUE(t.columns[0].declared);
  EXPECT_EQ(t.columns[0].levels.at(2), "06000");  // kept as written, not as a number
  EXPECT_EQ(t.columns[1].kind, ColumnKind::kCategorical);
  EXPECT_FALSE(t.columns[1].declared);
  ASSERT_EQ(t.refused.size(), 1U);
  EXPECT_EQ(t.refused[0].column, "grade");
  EXPECT_EQ(t.refused[0].kind, ColumnKind::kNumeric);
  EXPECT_FALSE(t.refused[0].declared) << "its type is inferred instead";
  EXPECT_EQ(t.columns[2].kind, ColumnKind::kCategorical);
  EXPECT_EQ(t.columns[2].levels, (std::vector<std::string>{"1", "0"}));
}

TEST(TypedTest, ArffDeclarationsDecideAndKeepTheirLevelOrder) {
  const testing::Read p = Parse(
      "@relation r\n@attribute n numeric\n@attribute c {low, mid, high}\n@attribute s string\n"
      "@data\n1,high,abc\n?,low,?\n3,?,def\n",
      TableFormat::kArff);
  const Typed t = TypeColumns(*p.table);
  EXPECT_EQ(t.columns[0].kind, ColumnKind::kNumeric);
  EXPECT_TRUE(t.columns[0].declared);
  EXPECT_FALSE(t.columns[0].overridden);
  EXPECT_EQ(t.columns[0].missing, 1U);
  EXPECT_EQ(t.columns[1].kind, ColumnKind::kCategorical);
  EXPECT_EQ(t.columns[1].levels, (std::vector<std::string>{"low", "mid", "high"}));
  EXPECT_EQ(t.columns[1].codes, (std::vector<int32_t>{2, 0, -1}));
  EXPECT_EQ(t.columns[2].kind, ColumnKind::kCategorical);
  EXPECT_EQ(t.columns[2].missing, 1U);
}

TEST(TypedTest, AnOverrideBeatsTheDeclarationWhenItCanHold) {
  const testing::Read p = Parse(
      "@relation r\n@attribute zip numeric\n@attribute c {low, mid, high}\n"
      "@attribute s string\n@data\n75001,high,abc\n69002,low,?\n75001,?,def\n",
      TableFormat::kArff);
  const Typed t = TypeColumns(*p.table, {{"zip", ColumnKind::kCategorical},
                                         {"c", ColumnKind::kCategorical},
                                         {"s", ColumnKind::kNumeric}});
  EXPECT_EQ(t.columns[0].kind, ColumnKind::kCategorical);
  EXPECT_TRUE(t.columns[0].overridden);
  EXPECT_EQ(t.columns[0].levels, (std::vector<std::string>{"75001", "69002"}));
  // A nominal column overridden as categorical keeps its declared level order.
  EXPECT_EQ(t.columns[1].levels, (std::vector<std::string>{"low", "mid", "high"}));
  // Text cannot be numeric: the declaration stands, and the problem is named.
  EXPECT_EQ(t.columns[2].kind, ColumnKind::kCategorical);
  EXPECT_FALSE(t.columns[2].overridden);
  EXPECT_TRUE(t.columns[2].declared);
  ASSERT_EQ(t.refused.size(), 1U);
  EXPECT_EQ(t.refused[0].column, "s");
  EXPECT_EQ(t.refused[0].kind, ColumnKind::kNumeric);
  EXPECT_TRUE(t.refused[0].declared) << "its type is the file's declaration instead";
}

TEST(TypedTest, KindNamesRoundTrip) {
  for (const ColumnKind k :
       {ColumnKind::kNumeric, ColumnKind::kBoolean, ColumnKind::kCategorical}) {
    EXPECT_EQ(ParseColumnKind(ColumnKindName(k)), k);
  }
  EXPECT_EQ(ParseColumnKind("Numeric"), ColumnKind::kNumeric);
  EXPECT_FALSE(ParseColumnKind("text").has_value());
}

}  // namespace
}  // namespace foresight::table
