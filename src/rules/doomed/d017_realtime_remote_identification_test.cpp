// D017 on its answers, on paraphrases written for this test (not the screening corpus), and
// on look-alikes that are not Article 5(1)(h): identification after the fact, counting people
// without identifying them, one-to-one verification at a gate.
#include <string>

#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D017Test, FiresOnTheAnswers) {
  const auto run = RunRule("D017", R"(
people:
  concerned: true
  settings: [law-enforcement]
  remote_identification: real-time
  public_spaces: true
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "real-time");
  EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(h)"), std::string::npos);
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D017Test, TheAuthorisedTargetedSearchIsAnsweredNotGuessed) {
  EXPECT_TRUE(RunRule("D017", R"(
people:
  settings: [law-enforcement]
  remote_identification: real-time
  public_spaces: true
  exceptions:
    authorised_targeted_search: true
)")
                  .diagnostics.empty());
  // Not in public spaces, or after the fact: not 5(1)(h).
  EXPECT_TRUE(RunRule("D017", R"(
people:
  settings: [law-enforcement]
  remote_identification: after-the-fact
  public_spaces: true
)")
                  .diagnostics.empty());
}

TEST(D017Test, FindsParaphrases) {
  for (const char* charter : {
           R"(
summary: The transit police get a tablet alert whenever someone on the wanted list walks
  through a ticket hall.
task:
  target: identity of each traveller seen by the platform cameras
)",
           R"(
summary: Stewards and police at the gates are told instantly which spectators are banned
  from the ground.
task:
  target: whether the face at the turnstile belongs to someone on the police banning list
inputs:
  - {name: gate camera stream, kind: video}
)",
           R"(
summary: Patrol cars carry roof cameras that recognise wanted persons among pedestrians in
  real time.
domain:
  area: law-enforcement
task:
  target: name of each recognised pedestrian
)",
       }) {
    const auto run = RunRule("D017", charter);
    EXPECT_EQ(run.diagnostics.size(), 1u) << charter;
  }
}

TEST(D017Test, SilentOnLookAlikes) {
  for (const char* charter : {
           // After the fact: high-risk, not prohibited.
           R"(
summary: Investigators search last week's CCTV recordings from the station to identify the
  suspects of an assault.
task:
  target: identity of people in the recorded footage
)",
           // Counting, not identifying.
           R"(
summary: Live crowd density on station platforms for the transport police; no one is
  identified.
task:
  target: number of people per platform camera each minute
)",
           // One-to-one verification with the traveller's involvement.
           R"(
summary: Airport e-gates compare each traveller's live face image with their passport photo
  to verify their identity; border police supervise the gates.
task:
  target: whether the face matches the passport photo
)",
           // Identification, live, in a public place, without the police.
           R"(
summary: A museum app recognises paintings live from the visitor's phone camera.
task:
  target: which painting is in view
)",
       }) {
    EXPECT_TRUE(RunRule("D017", charter).diagnostics.empty()) << charter;
  }
}

TEST(D017Test, TheTextAgainstTheAnswersIsAContradiction) {
  const auto run = RunRule("D017", R"(
summary: Live matching of faces in the station concourse against the police watchlist.
people:
  concerned: true
  remote_identification: none
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_NE(run.diagnostics[0].message.find("the text and the answers disagree"), std::string::npos)
      << run.diagnostics[0].message;
  EXPECT_NE(run.diagnostics[0].message.find("people.remote_identification is none"),
            std::string::npos);
}

// A list of banned people matched the moment they appear on a park camera, for patrols.
TEST(D017Test, FiresOnBannedListMatchedTheMomentTheyAppear) {
  const auto run = RunRule("D017", R"(
summary: cameras in the parks flag anyone on the banned list the moment they appear, and police patrols
  are sent to them
task:
  target: banned person seen, yes or no
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
}

// Counting visitors on a beach camera, with nobody identified: silent.
TEST(D017Test, SilentForCountingVisitorsOnABeach) {
  const auto run = RunRule("D017", R"(
summary: live beach cameras count visitors the moment a zone gets crowded, so that lifeguards and
  police can close the car park
task:
  target: visitors per zone
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}
// Crowd safety, number plates in a car park, swimmers in distress: nobody is matched against a
// list of people. Silent.
TEST(D017Test, SilentForCrowdSafetyPlatesAndLifesaving) {
  for (const char* summary :
       {"cameras at the venue continuously identify dangerous crowd density so stewards and "
        "police can open exits",
        "ANPR cameras recognise number plates as soon as cars enter the car park; enforcement "
        "officers are told of unpaid fees",
        "drone video continuously identifies swimmers in distress on the beach and alerts "
        "lifeguards and police"}) {
    SCOPED_TRACE(summary);
    const auto run = RunRule("D017", std::string("summary: ") + summary + "\n");
    ASSERT_TRUE(run.problems.empty());
    EXPECT_TRUE(run.diagnostics.empty());
  }
}
}  // namespace
}  // namespace foresight::rules
