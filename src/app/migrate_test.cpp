// `foresight migrate`: everything of every project copied, in order, and checked metric by
// metric; a target that holds data refused before anything is written. Against SQLite
// always, and against PostgreSQL when a server is given (FORESIGHT_TEST_PG_URL).
#include "app/migrate.hpp"

#include <gtest/gtest.h>

#include "app/app_testing.hpp"

namespace foresight::app {
namespace {

using testing::AlternatingBinarySet;
using testing::HardRun;

class MigrateTest : public testing::StoreTest {
 protected:
  // A source with two projects: sets, runs with params and tags, criteria, plan events.
  std::string Source() {
    const std::string url = "sqlite:" + (dir_ / "source.db").string();
    auto store = store::OpenStore(url);
    EXPECT_TRUE(store);
    EXPECT_TRUE((*store)->CreateProject("churn"));
    for (const std::string project : {"default", "churn"}) {
      auto p = store::OpenStore(url, project);
      EXPECT_TRUE(p);
      store::Store& s = **p;
      core::EvalSet set = AlternatingBinarySet(60);
      set.slices.push_back({"region", {"north", "south"}, std::vector<int32_t>(60, 1)});
      EXPECT_TRUE(s.AddEvalSet(set));
      for (int i = 0; i < 3; ++i) {
        core::Run run = HardRun(
            60, "run-" + std::to_string(i), i == 2 ? "gbm" : "logreg", "2026-12-01T10:00:00Z",
            [i](size_t k) { return k % static_cast<size_t>(7 + i) == 0; }, 100 * (i + 1));
        run.params = {{"depth", std::to_string(i)}};
        run.tags = {{"owner", "ana"}};
        EXPECT_TRUE(s.AddRun(run));
      }
      EXPECT_TRUE(s.RecordCriteria({"hash-1", "accuracy", 0.8, 0.95, "2026-12-01T09:00:00Z"}));
      EXPECT_TRUE(s.RecordCriteria({"hash-2", "roc_auc", 0.9, 0.95, "2026-12-02T09:00:00Z"}));
      core::PlanEvent e;
      e.method = "gbm";
      e.kind = core::PlanEventKind::kStarted;
      e.on = "2026-12-01";
      e.recorded_at = "2026-12-01T09:00:00Z";
      EXPECT_TRUE(s.AddPlanEvents({e}));
    }
    return url;
  }

  static EvidenceOptions Quick() {
    EvidenceOptions o;
    o.resamples = 50;
    o.threads = 1;
    return o;
  }

  void ExpectSameContents(const std::string& from, const std::string& to) {
    for (const std::string project : {"default", "churn"}) {
      SCOPED_TRACE(project);
      auto a = store::OpenStore(from, project);
      auto b = store::OpenStore(to, project);
      ASSERT_TRUE(a && b);
      EXPECT_EQ((*b)->GetEvalSet("holdout")->ids, (*a)->GetEvalSet("holdout")->ids);
      EXPECT_EQ((*b)->GetEvalSet("holdout")->slices[0].levels,
                (*a)->GetEvalSet("holdout")->slices[0].levels);
      auto runs_a = (*a)->ListRuns();
      auto runs_b = (*b)->ListRuns();
      ASSERT_EQ(runs_b->size(), runs_a->size());
      for (size_t i = 0; i < runs_a->size(); ++i) {
        EXPECT_EQ((*runs_b)[i].name, (*runs_a)[i].name);
        EXPECT_EQ((*runs_b)[i].params, (*runs_a)[i].params);
        EXPECT_EQ((*runs_b)[i].tags, (*runs_a)[i].tags);
        EXPECT_EQ((*runs_b)[i].train_size, (*runs_a)[i].train_size);
        EXPECT_EQ((*b)->GetRun((*runs_a)[i].name)->predictions,
                  (*a)->GetRun((*runs_a)[i].name)->predictions);
      }
      auto criteria = (*b)->ListCriteria();
      ASSERT_EQ(criteria->size(), 2u);
      EXPECT_EQ((*criteria)[1].metric, "roc_auc");
      EXPECT_EQ((*b)->ListPlanEvents()->size(), 1u);
    }
  }
};

TEST_F(MigrateTest, CopiesEveryProjectAndChecksEveryMetric) {
  const std::string from = Source();
  const std::string to = "sqlite:" + (dir_ / "copy.db").string();
  auto done = MigrateStore(from, to, Quick());
  ASSERT_TRUE(done) << done.error().message();
  ASSERT_EQ(done->projects.size(), 2u);
  EXPECT_EQ(done->projects[1].name, "churn");
  EXPECT_EQ(done->projects[0].evalsets, 1u);
  EXPECT_EQ(done->projects[0].runs, 3u);
  EXPECT_EQ(done->projects[0].criteria, 2u);
  EXPECT_EQ(done->projects[0].plan_events, 1u);
  // roc_auc and accuracy for each of three runs: estimate, lower and upper bound.
  EXPECT_EQ(done->projects[0].values_compared, 18u);
  ExpectSameContents(from, to);
}

TEST_F(MigrateTest, ATargetHoldingDataIsRefusedBeforeAnythingIsWritten) {
  const std::string from = Source();
  const std::string to = "sqlite:" + (dir_ / "copy.db").string();
  {
    auto target = store::OpenStore(to);
    ASSERT_TRUE(target);
    ASSERT_TRUE((*target)->CreateProject("churn"));
    auto churn = store::OpenStore(to, "churn");
    ASSERT_TRUE((*churn)->AddEvalSet(AlternatingBinarySet(4, "other")));
  }
  auto done = MigrateStore(from, to, Quick());
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(done.error().message().find("project 'churn'"), std::string::npos);
  auto target = store::OpenStore(to);
  EXPECT_TRUE((*target)->ListEvalSets()->empty()) << "the default project was not filled";
}

TEST_F(MigrateTest, TheSameStoreOrAMissingOneIsRefused) {
  const std::string from = Source();
  EXPECT_EQ(MigrateStore(from, from, Quick()).error().code(), ErrorCode::kInvalidArgument);
  auto missing = MigrateStore("sqlite:" + (dir_ / "nope.db").string(),
                              "sqlite:" + (dir_ / "copy.db").string(), Quick());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "copy.db"));
}

TEST_F(MigrateTest, IntoPostgresAndBackAgain) {
  const std::optional<std::string> fresh = testing::FreshPostgresDatabase("fs_migrate_test");
  if (!fresh) GTEST_SKIP() << testing::kNoPostgres;
  const std::string& to = *fresh;
  const std::string from = Source();
  auto there = MigrateStore(from, to, Quick());
  ASSERT_TRUE(there) << there.error().message();
  ExpectSameContents(from, to);
  const std::string back = "sqlite:" + (dir_ / "back.db").string();
  auto returned = MigrateStore(to, back, Quick());
  ASSERT_TRUE(returned) << returned.error().message();
  ExpectSameContents(from, back);
}

}  // namespace
}  // namespace foresight::app
