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

}  // namespace
}  // namespace foresight::rules
