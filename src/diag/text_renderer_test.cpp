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
