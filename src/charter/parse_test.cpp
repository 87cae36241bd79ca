#include "charter/parse.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>

namespace foresight::charter {
namespace {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  core::Charter charter;
  std::vector<diag::Diagnostic> diagnostics;

  std::string Where(size_t i) const {
    const Location loc = file->LocationOf(diagnostics.at(i).span.begin);
    return std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
};

Parsed Parse(std::string text) {
  Parsed p;
  p.file = std::make_unique<SourceFile>("c.yaml", std::move(text));
  diag::DiagnosticSink sink;
  p.charter = ParseCharter(*p.file, sink);
  p.diagnostics = sink.Take();
  diag::SortByPosition(p.diagnostics);
  return p;
}

TEST(ParseCharterTest, ReadsTypedValuesWithPositions) {
  const Parsed p = Parse(
      "version: 1\n"
      "task:\n"
      "  type: binary\n"
      "  classes: 2\n"
      "success:\n"
      "  metric: roc_auc\n"
      "  threshold: 0.85\n"
      "  sign_off: 2026-03-12\n"
      "data:\n"
      "  sources:\n"
      "    - name: \"crm export\"\n"
      "      access: granted\n"
      "      personal_data: true\n");
  ASSERT_TRUE(p.diagnostics.empty()) << p.diagnostics[0].message;
  const core::Charter& c = p.charter;
  EXPECT_EQ(*c.task.type, core::TaskType::kBinary);
  EXPECT_EQ(*c.task.classes, 2);
  EXPECT_EQ(*c.success.metric, "roc_auc");
  EXPECT_DOUBLE_EQ(*c.success.threshold, 0.85);
  EXPECT_EQ(c.success.sign_off->ToString(), "2026-03-12");
  ASSERT_EQ(c.data.sources.size(), 1u);
  EXPECT_EQ(*c.data.sources[0].name, "crm export");
  EXPECT_EQ(*c.data.sources[0].access, core::Access::kGranted);
  EXPECT_TRUE(*c.data.sources[0].personal_data);
  const Location loc = p.file->LocationOf(c.success.threshold.span.begin);
  EXPECT_EQ(loc.line, 7u);
  EXPECT_EQ(loc.column, 14u);
  EXPECT_EQ(p.file->TextOf(c.data.sources[0].name.span), "\"crm export\"");
  EXPECT_TRUE(c.success.mark.present);
  EXPECT_TRUE(c.plan.methods.empty());
  EXPECT_TRUE(c.monitoring.owner.absent());
}

TEST(ParseCharterTest, ColumnsCountCodePoints) {
  const Parsed p = Parse("summary: \"Ünïcödé\"\ntask:\n  type: binery\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.Where(0), "3:9");
  const Parsed q = Parse("summary: Zürich → Genève\nproject: {name: é, owner: x, bogus: 1}\n");
  ASSERT_EQ(q.diagnostics.size(), 1u);
  EXPECT_EQ(q.Where(0), "2:30");
}

TEST(ParseCharterTest, UnknownKeySuggestsTheClosest) {
  const Parsed p = Parse("succes:\n  metric: f1\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].code, "schema");
  EXPECT_EQ(p.diagnostics[0].message, "unknown key `succes`");
  EXPECT_EQ(p.diagnostics[0].help.at(0), "did you mean 'success'?");
  EXPECT_EQ(p.Where(0), "1:1");
}

TEST(ParseCharterTest, UnknownNestedKeyNamesItsPath) {
  const Parsed p = Parse("success:\n  treshold: 0.9\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message, "unknown key `success.treshold`");
  EXPECT_EQ(p.diagnostics[0].help.at(0), "did you mean 'threshold'?");
  EXPECT_EQ(p.Where(0), "2:3");
}

TEST(ParseCharterTest, DuplicateKeysAreErrors) {
  const Parsed p = Parse("task:\n  type: binary\n  type: multiclass\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message, "duplicate key `task.type`");
  EXPECT_EQ(p.Where(0), "3:3");
  EXPECT_EQ(*p.charter.task.type, core::TaskType::kBinary);
}

// Thousands of stray keys are twenty errors and one that counts the rest, found in linear
// time (a quadratic scan took 318 s on 99,000 keys).
TEST(ParseCharterTest, ManyStrayKeysAreCountedNotListed) {
  std::string text = "task:\n";
  for (int i = 0; i < 30; ++i) text += "  type: binary\n";
  for (int i = 0; i < 5000; ++i) text += "k" + std::to_string(i) + ": 1\n";
  const Parsed p = Parse(text);
  size_t duplicates = 0;
  size_t unknown = 0;
  for (const auto& d : p.diagnostics) {
    duplicates += d.message.rfind("duplicate key", 0) == 0 ? 1 : 0;
    unknown += d.message.rfind("unknown key", 0) == 0 ? 1 : 0;
  }
  EXPECT_EQ(duplicates, 20u);
  EXPECT_EQ(unknown, 20u);
  ASSERT_EQ(p.diagnostics.size(), 42u);
  const auto has = [&](const std::string& message) {
    return std::any_of(p.diagnostics.begin(), p.diagnostics.end(),
                       [&](const auto& d) { return d.message == message; });
  };
  EXPECT_TRUE(has("9 more duplicate keys in `task`"));
  EXPECT_TRUE(has("4980 more unknown keys in the charter's top level"));
}

TEST(ParseCharterTest, BadEnumValueListsTheAllowedOnes) {
  const Parsed p = Parse("task:\n  granularity: fine grained\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message, "`task.granularity` has an unknown value 'fine grained'");
  EXPECT_EQ(p.diagnostics[0].help.at(0), "did you mean 'fine-grained'?");
  EXPECT_EQ(p.diagnostics[0].help.at(1), "allowed values: coarse, fine-grained, instance");
}

TEST(ParseCharterTest, WrongTypesAreErrors) {
  const Parsed p = Parse(
      "task:\n  classes: many\n"
      "success:\n  threshold: 90%\n  confidence: \"0.95\"\n"
      "decision:\n  human_oversight: yes\n"
      "project:\n  start: 2026-02-30\n"
      "inputs: tabular\n");
  ASSERT_EQ(p.diagnostics.size(), 6u);
  EXPECT_EQ(p.Where(0), "2:12");
  EXPECT_EQ(p.diagnostics[0].message, "`task.classes` must be a whole number, not 'many'");
  EXPECT_EQ(p.diagnostics[1].message, "`success.threshold` must be a number, not '90%'");
  EXPECT_EQ(p.diagnostics[1].help.at(0), "write a fraction without '%': 90% is 0.9");
  EXPECT_EQ(p.diagnostics[2].help.at(0), "remove the quotes");
  EXPECT_EQ(p.diagnostics[3].message,
            "`decision.human_oversight` must be true or false, not 'yes'");
  EXPECT_EQ(p.diagnostics[4].message,
            "`project.start` must be a calendar date written YYYY-MM-DD, not '2026-02-30'");
  EXPECT_EQ(p.diagnostics[5].message, "`inputs` must be a list, not 'tabular'");
}

TEST(ParseCharterTest, NanInfAndOutOfRangeNumbersAreErrors) {
  const Parsed p =
      Parse("success:\n  threshold: .nan\n  confidence: 1.5\nplan:\n  iteration_days: .inf\n");
  ASSERT_EQ(p.diagnostics.size(), 3u);
  EXPECT_EQ(p.diagnostics[0].message, "`success.threshold` must be a number, not '.nan'");
  EXPECT_EQ(p.diagnostics[1].message,
            "`success.confidence` must be between 0.5 and 0.9999, not 1.5");
  EXPECT_EQ(p.diagnostics[2].message, "`plan.iteration_days` must be a number, not '.inf'");
  const Parsed q = Parse("success:\n  threshold: nan\n");
  ASSERT_EQ(q.diagnostics.size(), 1u);
  EXPECT_EQ(q.diagnostics[0].message, "`success.threshold` must be a finite number, not nan");
}

TEST(ParseCharterTest, PlaceholdersAreRecordedNotErrors) {
  const Parsed p = Parse(
      "success:\n  threshold: TODO\n  metric: \"TODO: pick one\"\nteam: TODO\ninputs:\n  - TODO\n");
  ASSERT_TRUE(p.diagnostics.empty());
  ASSERT_EQ(p.charter.inputs.size(), 1u);  // kept, so later items keep their index
  EXPECT_TRUE(p.charter.inputs[0].kind.absent());
  EXPECT_TRUE(p.charter.success.threshold.placeholder());
  EXPECT_TRUE(p.charter.success.metric.placeholder());
  ASSERT_EQ(p.charter.placeholders.size(), 4u);
  EXPECT_EQ(p.charter.placeholders[3].first, "inputs[0]");
  EXPECT_EQ(p.charter.placeholders[0].first, "success.threshold");
  EXPECT_EQ(p.charter.placeholders[2].first, "team");
}

TEST(ParseCharterTest, NullMeansAbsent) {
  const Parsed p = Parse("success:\n  threshold: ~\n  metric:\n");
  ASSERT_TRUE(p.diagnostics.empty());
  EXPECT_TRUE(p.charter.success.threshold.absent());
  EXPECT_TRUE(p.charter.success.metric.absent());
}

TEST(ParseCharterTest, EffortMustBeOrdered) {
  const Parsed p = Parse(
      "plan:\n  methods:\n    - name: gbm\n      effort: {optimistic: 5, likely: 2, pessimistic: "
      "8}\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message,
            "`plan.methods[0].effort` must satisfy optimistic <= likely <= pessimistic");
}

TEST(ParseCharterTest, MalformedYamlIsASyntaxErrorWithPosition) {
  const Parsed p = Parse("task:\n  type: binary\n target: x\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].code, "syntax");
  EXPECT_EQ(p.Where(0), "3:2");
}

TEST(ParseCharterTest, TabsGetAHelpfulHint) {
  const Parsed p = Parse("task:\n\ttype: binary\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].code, "syntax");
  EXPECT_EQ(p.Where(0), "2:1");
  EXPECT_EQ(p.diagnostics[0].help.at(0),
            "YAML does not allow tabs for indentation; indent with spaces");
}

TEST(ParseCharterTest, BinaryAndNonUtf8AreInputErrors) {
  const Parsed p = Parse(std::string("task:\n  type: bin\0ary\n", 21));
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].code, "input");
  EXPECT_EQ(p.Where(0), "2:12");
  const Parsed q = Parse("summary: caf\xe9\n");
  ASSERT_EQ(q.diagnostics.size(), 1u);
  EXPECT_EQ(q.diagnostics[0].message, "the charter is not valid UTF-8 (byte 0xe9)");
  EXPECT_EQ(q.Where(0), "1:13");
}

TEST(ParseCharterTest, DeepNestingStopsAtTheLimit) {
  const Parsed p = Parse(std::string(300000, '['));
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message, "the charter is nested more than 64 levels deep");
  EXPECT_EQ(p.Where(0), "1:65");
}

TEST(ParseCharterTest, AliasesAreRefused) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" +
            static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  }
  const Parsed p = Parse(bomb);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message, "YAML aliases (*name) are not allowed in a charter");
  EXPECT_EQ(p.Where(0), "2:8");
}

TEST(ParseCharterTest, SeveralDocumentsAreRefused) {
  const Parsed p = Parse("version: 1\n---\nversion: 1\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.Where(0), "2:1");
}

TEST(ParseCharterTest, EmptyAndNonMappingRoots) {
  EXPECT_EQ(Parse("").diagnostics.at(0).message, "the charter is empty");
  EXPECT_EQ(Parse("# only a comment\n").diagnostics.at(0).message, "the charter is empty");
  EXPECT_EQ(Parse("- a\n- b\n").diagnostics.at(0).message,
            "a charter must be a mapping of sections (project:, task:, success:, ...), not a list");
}

TEST(ParseCharterTest, ByteOrderMarkIsAccepted) {
  const Parsed p = Parse("\xEF\xBB\xBFtask:\n  type: regression\n  bad: 1\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.Where(0), "3:3");
}

}  // namespace
}  // namespace foresight::charter
