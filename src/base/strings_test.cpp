#include "base/strings.hpp"

#include <gtest/gtest.h>

#include <array>

#include "base/source_file.hpp"

namespace foresight {
namespace {

TEST(EditDistanceTest, CountsInsertionsDeletionsSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("succes", "success"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("lable", "label"), 1u);  // a transposition is one edit
}

TEST(ClosestMatchTest, SuggestsOnlyPlausibleTypos) {
  constexpr std::array<std::string_view, 3> kKeys = {"success", "summary", "task"};
  EXPECT_EQ(ClosestMatch("sucess", kKeys), "success");
  EXPECT_EQ(ClosestMatch("Task", kKeys), "task");
  EXPECT_FALSE(ClosestMatch("monitoring", kKeys).has_value());
}

TEST(FindInvalidUtf8Test, AcceptsValidRejectsMalformed) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii").has_value());
  EXPECT_FALSE(FindInvalidUtf8("Zürich → Genève 🌿").has_value());
  EXPECT_EQ(FindInvalidUtf8("caf\xe9"), 3u);           // Latin-1
  EXPECT_EQ(FindInvalidUtf8("ab\xc0\xaf"), 2u);        // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xed\xa0\x80"), 1u);     // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ok\xe2\x82"), 2u);        // truncated
}

TEST(CodePointsTest, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePoints(""), 0u);
  EXPECT_EQ(CodePoints("abc"), 3u);
  EXPECT_EQ(CodePoints("Z\xC3\xBCrich"), 6u);                 // ü is two bytes
  EXPECT_EQ(CodePoints("\xE2\x80\xA6\xF0\x9F\x98\x80"), 2u);  // … and an emoji
}

TEST(FindPhraseTest, MatchesWholeWordsIgnoringCaseAndSeparators) {
  EXPECT_EQ(FindPhrase("Predict Criminality from photos", "criminal*")->offset, 8u);
  EXPECT_EQ(FindPhrase("Predict Criminality from photos", "criminal*")->length, 11u);
  EXPECT_FALSE(FindPhrase("Predict Criminality", "criminal").has_value());
  EXPECT_TRUE(FindPhrase("untargeted face-scraping", "face scraping").has_value());
  EXPECT_FALSE(FindPhrase("surface", "face").has_value());
  EXPECT_FALSE(FindPhrase("anything", "").has_value());
}

TEST(SourceFileTest, LocationsCountCodePointsAndHandleCrlf) {
  const SourceFile file("f.yaml", "a: 1\r\nb: é\r\nc: x");
  EXPECT_EQ(file.LocationOf(0).line, 1u);
  const Location c = file.LocationOf(16);
  EXPECT_EQ(c.line, 3u);
  EXPECT_EQ(c.column, 4u);
  EXPECT_EQ(file.LineText(2), "b: é");
  EXPECT_EQ(file.LineText(9), "");
  EXPECT_EQ(file.LocationOf(1000).line, 3u);
}

// Messages quote ids and cells: nothing in them may drive the terminal.
TEST(StringsTest, EscapeControlsMakesTerminalSequencesVisible) {
  EXPECT_EQ(EscapeControls("plain ünïcode\tand\nlines"), "plain ünïcode\tand\nlines");
  EXPECT_EQ(EscapeControls("id\x1b[2J\x1b]0;owned\x07"), "id\\x1b[2J\\x1b]0;owned\\x07");
  EXPECT_EQ(EscapeControls("a\x7f\rb"), "a\\x7f\\x0db");
  EXPECT_EQ(EscapeControls("c1 \xC2\x9B"
                           "2J"),
            "c1 \\u009b2J")
      << "the 8-bit CSI";
  EXPECT_EQ(EscapeControls("bad \xff\xC3"), "bad \\xff\\xc3") << "bytes that are not UTF-8";
  EXPECT_EQ(EscapeControls("field \x1fmetric\x1f"), "field \x1fmetric\x1f") << "FieldRef's mark";
}

}  // namespace
}  // namespace foresight

namespace foresight {
namespace {

TEST(SearchTextTest, FindAllReturnsEveryWholeWordMatchInOrder) {
  const SearchText text("Crime maps; a criminal, and crime again (crimes).");
  const auto all = text.FindAll("crim*");
  ASSERT_EQ(all.size(), 4U);
  EXPECT_EQ(all[0].offset, 0U);
  EXPECT_EQ(all[1].offset, 14U);  // "criminal", to the end of the word
  EXPECT_EQ(all[1].length, 8U);
  EXPECT_EQ(text.FindAll("crime").size(), 2U);  // whole words only: not "crimes"
}

// The word index finds what a scan of the text would: in text order, a prefix over every
// word it starts, a phrase whose first word ends at a mark ("can't"), one that starts with a
// mark, and nothing inside a word.
TEST(SearchTextTest, TheWordIndexFindsWhatAScanWould) {
  const SearchText text(
      "Criminal records; a CRIMINALITY score. We can't; cannot. 60 % APR, 5% apr");
  std::vector<size_t> at;
  for (const PhraseMatch& m : text.FindAll("criminal*")) at.push_back(m.offset);
  EXPECT_EQ(at, (std::vector<size_t>{0, 20}));
  ASSERT_EQ(text.FindAll("can't").size(), 1u);
  EXPECT_EQ(text.FindAll("can't")[0].offset, 42u);
  EXPECT_EQ(text.FindAll("can").size(), 1u);    // "can" of "can't", not "cannot"
  EXPECT_EQ(text.FindAll("% apr").size(), 1u);  // not "5% apr": a match starts a word
  EXPECT_TRUE(text.FindAll("rimi*").empty());
  EXPECT_EQ(text.FindAll("a criminality score").size(), 1u);
}

TEST(SearchTextTest, WordWindowsStopAtTheEndOfASentence) {
  //                            0         1         2         3         4
  //                            0123456789012345678901234567890123456789012345
  const std::string_view s = "A fairness audit. We detect market manipulation here";
  const SearchText text(s);
  const size_t at = s.find("manipulation");
  EXPECT_EQ(text.WordsBefore(at, 1), s.find("market"));
  EXPECT_EQ(text.WordsBefore(at, 3), s.find("We"));
  // The sentence before is out of reach, however many words are asked for.
  EXPECT_EQ(text.WordsBefore(at, 10), s.find("We"));
  EXPECT_EQ(text.WordsAfter(at + 12, 1), s.size());
  EXPECT_EQ(text.WordsAfter(s.find("audit") + 5, 3), s.find("audit") + 5);
  EXPECT_EQ(text.WordsBefore(0, 2), 0U);
}

}  // namespace
}  // namespace foresight
