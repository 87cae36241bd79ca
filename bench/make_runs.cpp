// Fills a store with many small runs for the server's listing benchmark
// (bench/server_list.sh): one binary evaluation set "listing" of 10 examples and R runs on it,
// written through the store in one transaction, as a long-lived team project would hold them:
// five methods (m0..m4), a tag thread=0..31 and a tag owner=o0..o99 (each owner about 1% of
// the runs), a training size, two params.
//
// Usage: make_runs STORE_URL R
#include <cstdio>
#include <string>
#include <vector>

#include "store/store.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_runs STORE_URL R\n");
    return 2;
  }
  const std::string url = argv[1];
  const size_t count = std::stoul(argv[2]);
  auto store = foresight::store::OpenStore(url);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message().c_str());
    return 1;
  }
  foresight::core::EvalSet set;
  set.name = "listing";
  set.task = foresight::core::EvalTask::kBinary;
  set.classes = {"0", "1"};
  set.source = "make_runs";
  set.created_at = "2026-12-03T00:00:00Z";
  for (int i = 0; i < 10; ++i) {
    set.ids.push_back("ex" + std::to_string(i));
    set.labels.push_back(i % 2);
  }
  std::vector<foresight::core::Run> runs;
  runs.reserve(count);
  for (size_t r = 0; r < count; ++r) {
    foresight::core::Run run;
    run.name = "listed-" + std::to_string(r);
    run.evalset = "listing";
    run.method = "m" + std::to_string(r % 5);
    run.train_size = static_cast<int64_t>(1000 + r % 7 * 500);
    run.params = {{"depth", std::to_string(r % 9)}, {"eta", "0.1"}};
    run.tags = {{"thread", std::to_string(r % 32)}, {"owner", "o" + std::to_string(r % 100)}};
    run.created_at = "2026-12-03T00:00:00Z";
    for (int i = 0; i < 10; ++i) run.predictions.push_back(static_cast<double>((r + i) % 10) / 10);
    runs.push_back(std::move(run));
  }
  if (auto added = (*store)->AddEvalSetWithRuns(set, runs); !added) {
    std::fprintf(stderr, "%s\n", added.error().message().c_str());
    return 1;
  }
  return 0;
}
