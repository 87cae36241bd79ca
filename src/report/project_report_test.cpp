#include "report/project_report.hpp"

#include <gtest/gtest.h>

#include <string>

namespace foresight::report {
namespace {

// A report with one evaluation set, two runs (one named to break HTML and the shell), a
// criterion, a comparison and a gate.
core::ProjectReport Sample() {
  core::ProjectReport r;
  r.project = "Churn <b>& co</b>";
  r.summary = "Predict who leaves.";
  r.generated_at = "2026-12-02T09:00:00Z";
  r.tool_version = "0.0.0-test";
  r.runs = 2;
  r.evalsets = 1;
  r.primary_evalset = "hold out";
  r.best_run = "it's <script>alert(1)</script>";
  core::Ranking ranking;
  core::RankingGroup g;
  g.evalset = "hold out";
  g.metric = "accuracy";
  g.n = 400;
  g.criterion = core::Criterion{"accuracy", 0.9, 0.95, true};
  core::RankedRun best;
  best.run = r.best_run;
  best.method = "glm";
  best.estimate = 0.95;
  best.lower = 0.93;
  best.upper = 0.97;
  core::CriterionRow met;
  met.run = r.best_run;
  met.probability = 0.99;
  met.bound = 0.931;
  met.status = core::CriterionStatus::kMet;
  best.criterion = met;
  core::RankedRun second;
  second.run = "gbm";
  second.estimate = 0.8;
  second.screen = core::RankScreen::kOutOfReach;
  g.runs = {best, second};
  ranking.groups.push_back(g);
  r.ranking = ranking;
  core::FactorAssessment research;
  research.factor = core::Factor::kResearch;
  core::Signal s;
  s.kind = core::SignalKind::kTargetMet;
  s.run = r.best_run;
  s.metric = "accuracy";
  s.value = 0.95;
  s.lower = 0.931;
  s.probability = 0.99;
  s.threshold = 0.9;
  research.signals.push_back(s);
  r.factors.push_back(research);
  return r;
}

TEST(ProjectReportHtmlTest, EscapesEveryNameAndRunsNoScript) {
  const std::string html = RenderReportHtml(Sample());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>&"), std::string::npos);
  EXPECT_NE(html.find("Churn &lt;b&gt;&amp; co&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("it&#39;s &lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
}

TEST(ProjectReportHtmlTest, FootnotesGiveCommandsTheShellReadsBack) {
  const std::string html = RenderReportHtml(Sample());
  // The set's name has a space: quoted; the footnote links to its list item.
  EXPECT_NE(html.find("<code>foresight rank --evalset &#39;hold out&#39;</code>"),
            std::string::npos);
  EXPECT_NE(html.find("href=\"#fn1\""), std::string::npos);
  EXPECT_NE(html.find("<li id=\"fn1\">"), std::string::npos);
}

TEST(ProjectReportHtmlTest, TheCriterionChartHasAPointPerRunAndABandPerInterval) {
  const std::string html = RenderReportHtml(Sample());
  EXPECT_NE(html.find("data-chart=\"criterion\" data-points=\"2\" data-bands=\"1\""),
            std::string::npos);
  EXPECT_NE(html.find("role=\"img\""), std::string::npos);
}

TEST(ProjectReportMarkdownTest, SummarisesVerdictsCriterionAndBestRun) {
  const std::string md = RenderReportMarkdown(Sample());
  EXPECT_NE(md.find("| ML is still research | ✅ on track | The best model"), std::string::npos);
  EXPECT_NE(md.find("**Success criterion:** accuracy of at least 0.9 on `hold out` (400 "
                    "examples), at 95% confidence."),
            std::string::npos);
  EXPECT_NE(md.find("— accuracy 0.9500 (95% CI 0.9300 to 0.9700); target met, chance met 99%."),
            std::string::npos);
}

TEST(ProjectReportSignalTest, SentencesSayWhatTheNumbersMean) {
  const core::ProjectReport r = Sample();
  core::Signal apart;
  apart.kind = core::SignalKind::kCannotTellApart;
  apart.run = "a";
  apart.other = "b";
  apart.count = 400;
  apart.count2 = 2500;
  EXPECT_EQ(SignalSentence(apart, r),
            "The best two models, 'a' and 'b', cannot be told apart on this evaluation set (400 "
            "examples); about 2500 examples would tell them apart.");
  core::Signal reach;
  reach.kind = core::SignalKind::kTargetReachable;
  reach.method = "glm";
  reach.threshold = 0.9;
  reach.size = 12000;
  reach.probability = 0.7;
  EXPECT_EQ(SignalSentence(reach, r),
            "The learning curve of 'glm' reaches the target of 0.9 with about 12000 training "
            "examples (chance the target is reachable at all: 70%).");
  core::FactorAssessment f;
  f.signals.push_back(reach);
  EXPECT_EQ(FactorNextStep(f), "Nothing needs doing here now.");
}

}  // namespace
}  // namespace foresight::report
