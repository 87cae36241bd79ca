#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D004Test, FiresOnDeclaredEmotionInEmployment) {
  const auto run = RunRule("D004", R"(
domain:
  area: employment
task:
  type: multiclass
  target: frustration level during shifts
  target_kind: emotion
inputs:
  - name: webcam stream
    kind: video
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "7:16");
  EXPECT_EQ(run.Text(0), "emotion");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"task.target_kind", "domain.area", "inputs[0].kind"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
  EXPECT_NE(run.diagnostics[0].message.find("(employment)"), std::string::npos);
}

TEST(D004Test, FiresOnStudentAttentivenessFromWords) {
  const auto run = RunRule("D004", R"(
decision:
  affected: pupils in the classroom
task:
  target: attentiveness during the lesson
inputs:
  - name: classroom camera
    kind: face
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "5:11");
  EXPECT_EQ(run.Text(0), "attentiveness");
  EXPECT_EQ(run.diagnostics[0].words, (std::vector<std::string>{"attentiveness", "pupils"}));
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"task.target", "decision.affected", "inputs[0].kind"}));
  EXPECT_NE(run.diagnostics[0].message.find("(pupils)"), std::string::npos);
}

TEST(D004Test, SilentForCustomerReactionsInMarketing) {
  const auto run = RunRule("D004", R"(
summary: helps our marketing staff see how shoppers react to new ads
domain:
  area: marketing
decision:
  affected: shoppers who opted in to the panel
task:
  target: emotion shown while watching the ad
  target_kind: emotion
inputs:
  - name: panel webcam
    kind: face
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D004Test, SilentForDriverDrowsinessAtWorkWhenTheExceptionIsAnswered) {
  const std::string charter = R"(
domain:
  area: employment
decision:
  affected: truck drivers employed by the fleet
task:
  target: drowsiness of the driver, for safety alerts
  target_kind: emotion
inputs:
  - name: cabin camera
    kind: face
)";
  // The exception is answered, never read from "safety" in the target.
  EXPECT_EQ(RunRule("D004", charter).diagnostics.size(), 1u);
  const auto run = RunRule("D004", charter + "people:\n  exceptions: {medical_or_safety: true}\n");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D004Test, SilentForTextOnlyEmployeeSurveyMood) {
  const auto run = RunRule("D004", R"(
domain:
  area: employment
task:
  target: overall mood in the anonymous engagement survey
inputs:
  - name: free-text survey answers
    kind: text
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D004Test, FiresOnFeelingsInEverydayWordsNextToWorkersOrStudents) {
  // Written for the rule, apart from the screening corpus.
  const char* const charters[] = {
      R"(
task:
  target: how irritated each courier sounds on the dispatch radio
inputs:
  - {name: radio audio, kind: audio}
)",
      R"(
summary: Seminar insight for tutors.
task:
  target: which students look lost or bored in the seminar room
inputs:
  - {name: seminar room camera, kind: image}
)",
      R"(
task:
  target: nervousness of each applicant in the job interview recording
inputs:
  - {name: interview video, kind: video}
)",
      R"(
summary: Morale of warehouse staff, from the shift cameras, reported to managers weekly.
inputs:
  - {name: shift cameras, kind: image}
)",
  };
  for (const char* charter : charters) {
    const auto run = RunRule("D004", charter);
    ASSERT_TRUE(run.problems.empty()) << charter;
    ASSERT_EQ(run.diagnostics.size(), 1u) << charter;
    EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(f)"), std::string::npos);
  }
}

TEST(D004Test, ShowsTheFeelingAndWhoseItIs) {
  const auto run = RunRule("D004", R"(
task:
  target: frustration of each call centre agent, from their voice
inputs:
  - {name: call audio, kind: audio}
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "frustration");
  EXPECT_EQ(run.diagnostics[0].words, (std::vector<std::string>{"frustration", "agent"}));
}

TEST(D004Test, SilentForFeelingsThatAreNotAWorkersOrAStudents) {
  const char* const charters[] = {
      // the customer's anger, shown to the agent
      R"(
task:
  target: whether an angry caller should be passed to a senior agent
inputs:
  - {name: call audio, kind: audio}
)",
      // fatigue is a physical state, not an emotion
      R"(
task:
  target: fatigue of each truck driver on night shifts, to sound an alert
inputs:
  - {name: cab camera, kind: image}
)",
      // a material's stress
      R"(
task:
  target: stress cracks the line workers should re-inspect
inputs:
  - {name: tile images, kind: image}
)",
      // a song's mood, picked by staff
      R"(
summary: Helps our editorial staff tag songs.
task:
  target: the mood of each song
inputs:
  - {name: audio clips, kind: audio}
)",
  };
  for (const char* charter : charters) {
    const auto run = RunRule("D004", charter);
    ASSERT_TRUE(run.problems.empty()) << charter;
    EXPECT_TRUE(run.diagnostics.empty()) << charter << run.diagnostics[0].message;
  }
}

TEST(D004Test, FiresOnBodySignalsNamedInTheProseWhateverTheKinds) {
  const auto run = RunRule("D004", R"(
task:
  target: whether an employee is stressed or disengaged, from keystroke rhythm
inputs:
  - {name: keystroke timing, kind: tabular}
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "stressed");
}

TEST(D004Test, SilentWhileAreaIsPlaceholder) {
  const auto run = RunRule("D004", R"(
domain:
  area: TODO
task:
  target: emotion of the person on camera
inputs:
  - name: camera
    kind: face
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

// Any occupation WordNet files under a worker counts as a person at work: the feeling of the
// flight attendants is read; the passengers' mood, which the attendants see, is not theirs.
TEST(D004Test, ReadsAnyOccupationFromWordNet) {
  const auto fires = RunRule("D004", R"(
summary: cabin cameras read whether the flight attendants look irritated during boarding
inputs:
  - {name: cabin camera, kind: video}
)");
  ASSERT_TRUE(fires.problems.empty());
  EXPECT_EQ(fires.diagnostics.size(), 1u);
  const auto silent = RunRule("D004", R"(
summary: flight attendants see the mood of each passenger on a tablet
inputs:
  - {name: cabin camera, kind: video}
)");
  ASSERT_TRUE(silent.problems.empty());
  EXPECT_TRUE(silent.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
