#include "table/table.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "table/table_testing.hpp"

namespace foresight::table {
namespace {

using testing::Read;
using testing::ReadText;

TEST(CsvTest, ReadsQuotedFieldsEscapesAndCrlf) {
  const Read r = ReadText("id,label,note\r\n1,0,\"a, b\"\r\n2,1,\"say \"\"hi\"\"\"\r\n3,1,\r\n");
  ASSERT_TRUE(r.table) << r.diagnostics.at(0).message;
  const Table& t = *r.table;
  ASSERT_EQ(t.columns(), (std::vector<std::string>{"id", "label", "note"}));
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.Cell(0, 2), "a, b");
  EXPECT_EQ(t.Cell(1, 2), "say \"hi\"");
  EXPECT_EQ(t.Cell(2, 2), "");
  EXPECT_EQ(r.file->LocationOf(t.CellOffset(1, 1)).line, 3u);
  EXPECT_EQ(r.file->LocationOf(t.CellOffset(1, 1)).column, 3u);
  EXPECT_EQ(*t.Column("label"), 1u);
  EXPECT_FALSE(t.Column("nope").has_value());
}

// A filter keeps records by their index, in every format; the rows it drops are still
// checked, so a sample never hides a broken file.
// A value nested ten million levels deep is refused at its first level: the reader stops
// there instead of parsing (and holding) every level first.
TEST(TableTest, DeeplyNestedJsonIsRefusedAtItsFirstLevel) {
  const std::string deep(10'000'000, '[');
  const Read r = ReadText("{\"id\": 1, \"a\": " + deep + "\n", TableFormat::kJsonLines);
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.Message(0), "the value of 'a' is a list or an object");
  const Read top = ReadText(deep + "\n", TableFormat::kJsonLines);
  ASSERT_FALSE(top.table);
  EXPECT_EQ(top.Message(0), "this line is not a JSON object");
  const Read scalar = ReadText("42\n", TableFormat::kJsonLines);
  ASSERT_FALSE(scalar.table);
  EXPECT_EQ(scalar.Message(0), "this line is not a JSON object");
  const Read huge = ReadText("{\"x\": 1e999}\n", TableFormat::kJsonLines);
  ASSERT_FALSE(huge.table);
  EXPECT_EQ(huge.Message(0), "this line holds a value that cannot be read (a number too large?)");
  const Read bad = ReadText("{\"x\": 1,}\n", TableFormat::kJsonLines);
  ASSERT_FALSE(bad.table);
  EXPECT_EQ(bad.Message(0), "invalid JSON on this line");
  EXPECT_EQ(bad.Where(0), "1:9");  // the trailing comma
  // Scalars of every kind, as before: numbers as JSON prints them, null as a null cell.
  const Read ok = ReadText(
      "{\"i\": -3, \"u\": 18446744073709551615, \"f\": 0.5, \"b\": true, "
      "\"s\": \"x\\ty\", \"n\": null}\n",
      TableFormat::kJsonLines);
  ASSERT_TRUE(ok.table) << ok.Message(0);
  EXPECT_EQ(ok.table->Cell(0, 0), "-3");
  EXPECT_EQ(ok.table->Cell(0, 1), "18446744073709551615");
  EXPECT_EQ(ok.table->Cell(0, 2), "0.5");
  EXPECT_EQ(ok.table->Cell(0, 3), "true");
  EXPECT_EQ(ok.table->Cell(0, 4), "x\ty");
  EXPECT_TRUE(ok.table->IsNull(0, 5));
}

TEST(TableTest, AFilterKeepsRecordsByIndexAndStillChecksTheOthers) {
  const ReadFilters odd{.record = [](size_t record) { return record % 2 == 1; }, .column = {}};
  const Read csv = ReadText("id,v\n0,a\n1,b\n2,c\n3,d\n", TableFormat::kCsv, odd);
  ASSERT_TRUE(csv.table);
  ASSERT_EQ(csv.table->rows(), 2u);
  EXPECT_EQ(csv.table->Cell(0, 0), "1");
  EXPECT_EQ(csv.table->Cell(1, 1), "d");
  EXPECT_EQ(csv.file->LocationOf(csv.table->RowOffset(1)).line, 5u);
  EXPECT_EQ(csv.table->Record(0), 1u);
  EXPECT_EQ(csv.table->Record(1), 3u);
  const Read jsonl =
      ReadText("{\"id\": 0}\n\n{\"id\": 1}\n{\"id\": 2}\n", TableFormat::kJsonLines, odd);
  ASSERT_TRUE(jsonl.table);
  ASSERT_EQ(jsonl.table->rows(), 1u);
  EXPECT_EQ(jsonl.table->Cell(0, 0), "1");
  const Read arff = ReadText("@relation r\n@attribute v numeric\n@data\n% c\n10\n11\n12\n",
                             TableFormat::kArff, odd);
  ASSERT_TRUE(arff.table);
  ASSERT_EQ(arff.table->rows(), 1u);
  EXPECT_EQ(arff.table->Cell(0, 0), "11");
  EXPECT_EQ(arff.table->Record(0), 1u);
  const Read broken = ReadText("id,v\n0,a\n1,b,extra\n2,c\n", TableFormat::kCsv, odd);
  EXPECT_FALSE(broken.table) << "a dropped record with the wrong field count still fails";
  const Read broken_arff =
      ReadText("@relation r\n@attribute v numeric\n@data\nten\n11\n", TableFormat::kArff, odd);
  EXPECT_FALSE(broken_arff.table) << "a dropped ARFF row that is not a number still fails";
}

// A column filter keeps the cells of the named columns only, in every format; every name
// is still listed (for messages naming the columns there are), and every row still checked.
TEST(TableTest, AColumnFilterKeepsOnlyTheNamedColumnsCells) {
  const ReadFilters filters{.record = {},
                            .column = [](std::string_view name) { return name != "skip"; }};
  const Read csv = ReadText("id,skip,v\n0,x,a\n1,y,b\n", TableFormat::kCsv, filters);
  ASSERT_TRUE(csv.table);
  EXPECT_EQ(csv.table->columns(), (std::vector<std::string>{"id", "skip", "v"}));
  EXPECT_TRUE(csv.table->Kept(0));
  EXPECT_FALSE(csv.table->Kept(1));
  EXPECT_EQ(csv.table->Cell(1, 2), "b");
  EXPECT_EQ(csv.file->LocationOf(csv.table->CellOffset(1, 2)).column, 5u);
  const Read jsonl = ReadText("{\"id\": 0, \"skip\": [1]}\n{\"v\": \"b\", \"skip\": 2}\n",
                              TableFormat::kJsonLines, filters);
  EXPECT_FALSE(jsonl.table) << "a dropped column's value is still checked";
  const Read jsonl2 = ReadText("{\"id\": 0, \"skip\": 1}\n{\"v\": \"b\", \"skip\": 2}\n",
                               TableFormat::kJsonLines, filters);
  ASSERT_TRUE(jsonl2.table);
  EXPECT_EQ(jsonl2.table->columns(), (std::vector<std::string>{"id", "skip", "v"}));
  EXPECT_EQ(jsonl2.table->Cell(1, 2), "b");
  EXPECT_TRUE(jsonl2.table->IsNull(1, 0));
  EXPECT_EQ(jsonl2.table->Cell(0, 0), "0");
  const Read arff = ReadText(
      "@relation r\n@attribute id numeric\n@attribute skip {x,y}\n@attribute v string\n@data\n"
      "0,x,a\n1,y,b\n",
      TableFormat::kArff, filters);
  ASSERT_TRUE(arff.table);
  EXPECT_FALSE(arff.table->Kept(1));
  EXPECT_EQ(arff.table->Cell(1, 2), "b");
  const Read broken =
      ReadText("@relation r\n@attribute id numeric\n@attribute skip {x,y}\n@data\n0,z\n",
               TableFormat::kArff, filters);
  EXPECT_FALSE(broken.table) << "a dropped column's value is still checked against its type";
}

TEST(TableTest, EstimatedShapeCountsRecordsAndColumnsWithoutParsing) {
  const auto shape = [](std::string text, TableFormat format) {
    const SourceFile file("t", std::move(text));
    const TableShape s = EstimateShape(file, format);
    return std::make_pair(s.records, s.columns);
  };
  EXPECT_EQ(shape("\xEF\xBB\xBFid,\"a,b\",c\n1,2,3\r\n4,5,6\n", TableFormat::kCsv),
            std::make_pair(size_t{2}, size_t{3}));
  EXPECT_EQ(shape("id,v\n1,2", TableFormat::kCsv), std::make_pair(size_t{1}, size_t{2}))
      << "no final line end";
  EXPECT_EQ(shape("{\"a\": 1, \"b\": 2}\n\n{\"a\": 3}\n", TableFormat::kJsonLines),
            std::make_pair(size_t{2}, size_t{2}));
  EXPECT_EQ(shape("% c\n@relation r\n@attribute a numeric\n@ATTRIBUTE b {x,y}\n@data\n1,x\n"
                  "% c\n\n2,y\n",
                  TableFormat::kArff),
            std::make_pair(size_t{2}, size_t{2}));
  // A quoted line break counts as a record: high, never low.
  EXPECT_EQ(shape("id,v\n1,\"a\nb\"\n", TableFormat::kCsv).first, 2u);
}

// Spreadsheets write "CSV UTF-8" with a byte-order mark: not part of the first column's name.
TEST(CsvTest, AByteOrderMarkIsNotPartOfTheHeader) {
  const Read r = ReadText("\xEF\xBB\xBFid,label\n1,0\n");
  ASSERT_TRUE(r.table) << r.diagnostics.at(0).message;
  EXPECT_EQ(r.table->columns(), (std::vector<std::string>{"id", "label"}));
  EXPECT_EQ(r.table->Cell(0, 0), "1");
  const Read quoted = ReadText("\xEF\xBB\xBF\"id\",label\n1,0\n");
  ASSERT_TRUE(quoted.table);
  EXPECT_EQ(quoted.table->columns().front(), "id");
  const Read lines = ReadText("\xEF\xBB\xBF{\"id\": \"a\"}\n", TableFormat::kJsonLines);
  ASSERT_TRUE(lines.table) << lines.diagnostics.at(0).message;
  EXPECT_EQ(lines.table->columns().front(), "id");
}

TEST(CsvTest, QuotedFieldsMaySpanLines) {
  const Read r = ReadText("id,text\n1,\"line one\nline two\"\n2,x\n");
  ASSERT_TRUE(r.table);
  EXPECT_EQ(r.table->Cell(0, 1), "line one\nline two");
  EXPECT_EQ(r.table->rows(), 2u);
}

TEST(CsvTest, WrongFieldCountsNameTheFirstLinesAndHowMany) {
  std::string text = "id,label\n1,0\n";
  for (int i = 0; i < 8; ++i) text += "2,1,extra\n";
  const Read r = ReadText(text);
  ASSERT_FALSE(r.table);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "8 rows have the wrong number of fields (lines 3, 4, 5, 6, 7 and 3 more); the header "
            "has 2, the first of them has 3");
  EXPECT_EQ(r.Where(0), "3:1");
}

TEST(CsvTest, BadInputIsReportedWithPosition) {
  EXPECT_EQ(ReadText("").diagnostics.at(0).message, "the file is empty");
  EXPECT_EQ(ReadText("id,label\n").diagnostics.at(0).message, "the file has a header but no rows");
  const Read unterminated = ReadText("id,x\n1,\"open\n");
  EXPECT_EQ(unterminated.diagnostics.at(0).message, "this quoted field is never closed");
  EXPECT_EQ(unterminated.Where(0), "2:3");
  const Read dup = ReadText("id,x,id\n1,2,3\n");
  EXPECT_EQ(dup.diagnostics.at(0).message, "duplicate column name 'id'");
  EXPECT_EQ(dup.Where(0), "1:6");
  EXPECT_EQ(ReadText("id\n\xff\n").diagnostics.at(0).message,
            "the file is not valid UTF-8 (byte 0xff)");
  EXPECT_EQ(ReadText(std::string("id\n1\0\n", 5)).Where(0), "2:2");
  EXPECT_EQ(ReadText("id,x\n1,\"a\"b\n").diagnostics.at(0).message,
            "unexpected text after a closing quote");
}

TEST(JsonLinesTest, ReadsObjectsWithNewKeysAndNulls) {
  const Read r = ReadText(
      "{\"id\": \"a\", \"score\": 0.25}\n\n{\"id\": \"b\", \"score\": null, \"slice\": \"x\"}\n",
      TableFormat::kJsonLines);
  ASSERT_TRUE(r.table) << r.diagnostics.at(0).message;
  const Table& t = *r.table;
  ASSERT_EQ(t.columns(), (std::vector<std::string>{"id", "score", "slice"}));
  EXPECT_EQ(t.Cell(0, 0), "a");
  EXPECT_EQ(*ParseNumber(t.Cell(0, 1)), 0.25);
  EXPECT_TRUE(t.IsNull(1, 1));
  EXPECT_TRUE(t.IsNull(0, 2));
  EXPECT_EQ(t.Cell(1, 2), "x");
}

TEST(JsonLinesTest, InvalidLinesAreErrorsWithPosition) {
  const Read r = ReadText("{\"id\": 1}\n{\"id\": 2,}\n", TableFormat::kJsonLines);
  ASSERT_FALSE(r.table);
  EXPECT_EQ(r.diagnostics.at(0).message, "invalid JSON on this line");
  EXPECT_EQ(r.file->LocationOf(r.diagnostics[0].span.begin).line, 2u);
  EXPECT_EQ(ReadText("[1, 2]\n", TableFormat::kJsonLines).diagnostics.at(0).message,
            "this line is not a JSON object");
  EXPECT_EQ(ReadText("{\"a\": [1]}\n", TableFormat::kJsonLines).diagnostics.at(0).message,
            "the value of 'a' is a list or an object");
}

TEST(ParseNumberTest, AcceptsNumbersOnly) {
  EXPECT_EQ(*ParseNumber("0.5"), 0.5);
  EXPECT_EQ(*ParseNumber(" -1e-3 "), -1e-3);
  EXPECT_EQ(*ParseNumber("+2"), 2.0);
  EXPECT_TRUE(std::isnan(*ParseNumber("nan")));
  EXPECT_TRUE(std::isinf(*ParseNumber("inf")));
  EXPECT_FALSE(ParseNumber("").has_value());
  EXPECT_FALSE(ParseNumber("0.5x").has_value());
  EXPECT_FALSE(ParseNumber("1e999").has_value());
  EXPECT_EQ(FormatForPath("a/B.JSONL"), TableFormat::kJsonLines);
  EXPECT_EQ(FormatForPath("a.csv"), TableFormat::kCsv);
}

}  // namespace
}  // namespace foresight::table

namespace foresight::table {
namespace {

// Found by the fuzzer: a JSON number beyond double made the JSON library throw a kind of
// exception that was not caught.
TEST(JsonLinesTest, NumberOverflowIsAnErrorNotACrash) {
  const Read r = ReadText("33333333333333333074333333333307443E494\n{\"a\": 1e999}\n",
                          TableFormat::kJsonLines);
  ASSERT_FALSE(r.table);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "this line holds a value that cannot be read (a number too large?)");
}

}  // namespace
}  // namespace foresight::table
