#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D005Test, FiresOnScrapedSourceWithFaceInput) {
  const auto run = RunRule("D005", R"(
task:
  type: multiclass
  target: identity of the person
inputs:
  - name: photo
    kind: face
data:
  sources:
    - name: web crawl
      collection: scraped
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "11:19");
  EXPECT_EQ(run.Text(0), "scraped");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"data.sources[0].collection", "inputs[0].kind"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
  EXPECT_NE(run.diagnostics[0].message.find("'web crawl'"), std::string::npos);
}

TEST(D005Test, FiresOnScrapedFacesNamedInTheSource) {
  const auto run = RunRule("D005", R"(
data:
  sources:
    - name: product catalogue
      collection: partner
    - name: profile pictures
      description: public faces collected from social networks
      collection: scraped
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "8:19");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"faces"});
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"data.sources[1].collection",
                                                                 "data.sources[1].description"}));
}

TEST(D005Test, SilentForScrapedProductReviews) {
  const auto run = RunRule("D005", R"(
task:
  type: multiclass
  target: sentiment of the review
inputs:
  - name: review text
    kind: text
data:
  sources:
    - name: reviews
      description: product reviews scraped from retailer sites and Facebook pages
      collection: scraped
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D005Test, SilentForConsentedFaceCollection) {
  const auto run = RunRule("D005", R"(
inputs:
  - name: selfie
    kind: face
data:
  sources:
    - name: onboarding selfies
      collection: user-provided
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D005Test, SilentWhileCollectionIsPlaceholder) {
  const auto run = RunRule("D005", R"(
inputs:
  - name: photo
    kind: face
data:
  sources:
    - name: web crawl
      collection: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

// The text alone, with no scraped source declared: paraphrases written for this test (not
// the screening corpus), and look-alikes that gather faces for another end.
TEST(D005Test, TheTextAloneFindsUntargetedFaceCollection) {
  for (const char* charter : {
           R"(
summary: We harvest profile photos from public social networks and keep a face embedding
  per person, so customers can search for anyone by photo.
)",
           R"(
summary: Every face recorded by the shopping centre's CCTV is kept as a template for later
  searches.
task:
  target: which stored person a new face belongs to
)",
           R"(
task:
  target: identity of each face found on the pages we crawl
inputs:
  - {name: crawled web pages, kind: image}
)",
       }) {
    const auto run = RunRule("D005", charter);
    ASSERT_EQ(run.diagnostics.size(), 1u) << charter;
    EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(e)"), std::string::npos);
  }
}

TEST(D005Test, TheTextAloneIsSilentForLookAlikes) {
  for (const char* charter : {
           // Faces hidden, not kept.
           R"(
summary: Blur every face in street-level imagery before it is published and indexed.
)",
           // Faces counted, not recognised.
           R"(
summary: Count the faces in CCTV views of the queue to estimate waiting times.
)",
           // Faces recognised, but collected with consent.
           R"(
summary: A face recognition model trained on 2,000 volunteers who gave written consent.
task:
  target: identity of the enrolled employee at the door
)",
           // Animals, from camera traps.
           R"(
summary: Face recognition for wild chimpanzees in camera-trap videos, to track individuals.
task:
  target: which known chimpanzee is in each clip
)",
           // Text from the web, no faces.
           R"(
summary: We crawl public product reviews and build a searchable index of complaints.
)",
       }) {
    EXPECT_TRUE(RunRule("D005", charter).diagnostics.empty()) << charter;
  }
}

}  // namespace
}  // namespace foresight::rules
