#include "diag/text_renderer.hpp"

#include <gtest/gtest.h>

namespace foresight::diag {
namespace {

TEST(RenderTextTest, CompilerStyleWithSourceLineUnderlineAndHelp) {
  const SourceFile file("charter.yaml", "task:\n  target: criminality\n");
  Diagnostic d;
  d.code = "D001";
  d.severity = Severity::kError;
  d.message = "prohibited";
  d.file = &file;
  d.span = Span{16, 27};
  d.fields = {"task.target"};
  d.words = {"criminality"};
  d.help = {"stop the project"};
  EXPECT_EQ(RenderText(d, TextStyle{}),
            "charter.yaml:2:11: error[D001]: prohibited\n"
            "  |\n"
            "2 |   target: criminality\n"
            "  |           ^^^^^^^^^^^\n"
            "  = fields: task.target\n"
            "  = matched words: \"criminality\"\n"
            "help: stop the project\n");
}

TEST(RenderTextTest, UnderlineCountsCodePointsAndControlBytesArePrintable) {
  const SourceFile file("c.yaml", "name: Zürich\x01 x\n");
  Diagnostic d;
  d.code = "schema";
  d.message = "m";
  d.file = &file;
  d.span = Span{16, 17};  // the 'x' after the control byte
  const std::string out = RenderText(d, TextStyle{});
  EXPECT_NE(out.find("1 | name: Zürich\xEF\xBF\xBD x\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  |                ^\n"), std::string::npos) << out;
  EXPECT_EQ(out.substr(0, 9), "c.yaml:1:");
}

// A line of thousands of columns (minified JSON, a binary file read as text) shows a window
// of 120 columns around the span, cut with an ellipsis, and the underline stays under it.
TEST(RenderTextTest, LongLineShowsAWindowAroundTheSpan) {
  std::string text(5000, 'a');
  text[2999] = 'X';  // column 3000
  const SourceFile file("big.json", text + "\n");
  Diagnostic d;
  d.code = "input";
  d.message = "m";
  d.file = &file;
  d.span = Span{2999, 3000};
  const std::string out = RenderText(d, TextStyle{});
  const std::string ellipsis = "\xE2\x80\xA6";
  const std::string shown = std::string(40, 'a') + "X" + std::string(79, 'a');
  EXPECT_NE(out.find("1 | " + ellipsis + shown + ellipsis + "\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  | " + std::string(1 + 40, ' ') + "^\n"), std::string::npos) << out;
  EXPECT_EQ(out.substr(0, 16), "big.json:1:3000:");
  EXPECT_LT(out.size(), 500U);
}

// The span near the start: no ellipsis on the left; a span running to the end of a long line
// is underlined to the end of the window only.
TEST(RenderTextTest, LongLineCutOnTheRightOnly) {
  const std::string text =
      "\x7F"
      "ELF" +
      std::string(3000, '\0');
  const SourceFile file("bin.csv", text);
  Diagnostic d;
  d.code = "input";
  d.message = "binary";
  d.file = &file;
  d.span = Span{1, 3000};
  const std::string out = RenderText(d, TextStyle{});
  const std::string replacement = "\xEF\xBF\xBD";
  std::string shown = replacement + "ELF";
  for (int i = 0; i < 116; ++i) shown += replacement;
  EXPECT_NE(out.find("1 | " + shown + "\xE2\x80\xA6\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  |  " + std::string(119, '^') + "\n"), std::string::npos) << out;
}

TEST(RenderTextTest, ColourOnlyWhenAsked) {
  const SourceFile file("c.yaml", "a: b\n");
  Diagnostic d;
  d.code = "R001";
  d.severity = Severity::kWarning;
  d.message = "m";
  d.file = &file;
  EXPECT_EQ(RenderText(d, TextStyle{}).find('\x1b'), std::string::npos);
  EXPECT_NE(RenderText(d, TextStyle{.color = true}).find("\x1b[1;33m"), std::string::npos);
}

}  // namespace
}  // namespace foresight::diag
