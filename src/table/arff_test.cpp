#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "table/table.hpp"
#include "table/table_testing.hpp"

namespace foresight::table {
namespace {

using testing::Read;

Read ReadArffText(std::string text) {
  return testing::ReadText(std::move(text), TableFormat::kArff);
}

// The head of Weka's credit-g.arff, shortened, with comments and a missing value.
constexpr const char* kCredit = R"(% German credit (Statlog), shortened
@relation german_credit
@attribute checking_status { '<0', '0<=X<200', '>=200', 'no checking'}
@attribute duration numeric
@ATTRIBUTE purpose { 'new car', 'used car', furniture/equipment, radio/tv}
@attribute 'credit amount' REAL
@attribute class { good, bad}
@data
'<0',6,radio/tv,1169,good
% a comment between rows
'0<=X<200',48,'new car',?,bad

'no checking', 12 , furniture/equipment , 2096 , good
)";

TEST(ArffTest, ReadsDeclarationsRowsQuotesAndMissingValues) {
  const Read r = ReadArffText(kCredit);
  ASSERT_TRUE(r.table) << r.Message(0);
  const Table& t = *r.table;
  EXPECT_EQ(t.columns(), (std::vector<std::string>{"checking_status", "duration", "purpose",
                                                   "credit amount", "class"}));
  ASSERT_EQ(t.declarations().size(), 5U);
  EXPECT_EQ(t.declarations()[0].type, DeclaredType::kNominal);
  EXPECT_EQ(t.declarations()[0].levels,
            (std::vector<std::string>{"<0", "0<=X<200", ">=200", "no checking"}));
  EXPECT_EQ(t.declarations()[1].type, DeclaredType::kNumeric);
  EXPECT_EQ(t.declarations()[3].type, DeclaredType::kNumeric);
  EXPECT_EQ(t.declarations()[2].levels.at(2), "furniture/equipment");
  ASSERT_EQ(t.rows(), 3U);
  EXPECT_EQ(t.Cell(0, 0), "<0");
  EXPECT_EQ(t.Cell(1, 2), "new car");
  EXPECT_TRUE(t.IsNull(1, 3));
  EXPECT_EQ(t.Cell(1, 3), "");
  EXPECT_FALSE(t.IsNull(0, 3));
  EXPECT_EQ(t.Cell(2, 1), "12");  // spaces around values are not part of them
  EXPECT_EQ(t.Cell(2, 2), "furniture/equipment");
  EXPECT_EQ(r.file->LocationOf(t.CellOffset(2, 1)).line, 13U);
  EXPECT_EQ(r.file->LocationOf(t.CellOffset(2, 1)).column, 16U);
}

TEST(ArffTest, SparseRowsFillZerosAndFirstLevels) {
  const Read r = ReadArffText(
      "@relation s\n@attribute a numeric\n@attribute b numeric\n@attribute c {x, y}\n@data\n"
      "{1 5, 2 y}\n{0 3}\n{}\n");
  ASSERT_TRUE(r.table) << r.Message(0);
  const Table& t = *r.table;
  ASSERT_EQ(t.rows(), 3U);
  EXPECT_EQ(t.Cell(0, 0), "0");
  EXPECT_EQ(t.Cell(0, 1), "5");
  EXPECT_EQ(t.Cell(0, 2), "y");
  EXPECT_EQ(t.Cell(1, 0), "3");
  EXPECT_EQ(t.Cell(1, 2), "x");
  EXPECT_EQ(t.Cell(2, 1), "0");
}

TEST(ArffTest, EscapesInQuotedValues) {
  const Read r = ReadArffText(
      "@relation q\n@attribute \"note\" string\n@attribute n "
      "numeric\n@data\n'it\\'s',1\n\"a,b\",2\n");
  ASSERT_TRUE(r.table) << r.Message(0);
  EXPECT_EQ(r.table->columns().at(0), "note");
  EXPECT_EQ(r.table->Cell(0, 0), "it's");
  EXPECT_EQ(r.table->Cell(1, 0), "a,b");
  EXPECT_EQ(r.table->declarations()[0].type, DeclaredType::kString);
}

TEST(ArffTest, ValuesAreCheckedAgainstTheirDeclarations) {
  const Read r = ReadArffText(
      "@relation v\n@attribute n numeric\n@attribute c {good, bad}\n@data\n1,good\nx,ugly\n2,bad\n"
      "3,Good\n");
  ASSERT_FALSE(r.table);
  ASSERT_EQ(r.diagnostics.size(), 2U);
  EXPECT_EQ(r.Message(0),
            "2 values not among its attribute's declared values (lines 6, 8): 'ugly' for c; "
            "'Good' for c");
  EXPECT_EQ(r.Where(0), "6:3");
  EXPECT_EQ(r.Message(1), "1 value not a number in a numeric attribute (line 6): 'x' for n");
}

TEST(ArffTest, WrongWidthIsCountedWithLines) {
  const Read r = ReadArffText(
      "@relation w\n@attribute a numeric\n@attribute b numeric\n@data\n1,2\n3\n4,5,6\n");
  ASSERT_FALSE(r.table);
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.Message(0), "2 rows with the wrong number of values (lines 6, 7)");
  EXPECT_EQ(r.diagnostics[0].help.at(0),
            "every row has one value per @attribute (2); the first of them has 1");
}

TEST(ArffTest, HeaderProblemsArePositioned) {
  Read r = ReadArffText("@relation t\n@attribute a numerc\n@data\n1\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "unknown type 'numerc' for attribute 'a'");
  EXPECT_EQ(r.Where(0), "2:14");
  EXPECT_EQ(r.diagnostics[0].help.at(0).rfind("did you mean 'numeric'?", 0), 0U);

  r = ReadArffText("@relation t\n@attribute a {x, y\n@data\nx\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "this list of values is never closed with '}'");

  r = ReadArffText("@relation t\n@attribute a numeric\n@data\n'open,1\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "this quoted value is never closed");
  EXPECT_EQ(r.Where(0), "4:1");

  r = ReadArffText("@relation t\n@attribute a numeric\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "the file has no @data section");

  r = ReadArffText("id,label\n1,0\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "this does not look like an ARFF file: expected @relation or @attribute");

  r = ReadArffText("@relation t\n@attribute a relational\n@data\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "relational attributes are not supported");

  r = ReadArffText("@relation t\n@attribute a numeric\n@attribute a numeric\n@data\n1,2\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "duplicate attribute name 'a'");

  r = ReadArffText("@relation t\n@attribute a numeric\n@data\n% only a comment\n");
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "the @data section has no rows");

  r = ReadArffText(std::string("@relation t\0", 12));
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "this is a binary file, not ARFF (NUL byte)");
}

TEST(ArffTest, FormatForPathKnowsArff) {
  EXPECT_EQ(FormatForPath("data/credit-g.ARFF"), TableFormat::kArff);
  EXPECT_EQ(FormatForPath("data/credit-g.csv"), TableFormat::kCsv);
}

}  // namespace
}  // namespace foresight::table
