// Writes a team's history for the re-scoring benchmark (bench/rescore_speed.sh): one binary
// evaluation set of N examples (30% positives) and R runs of scores on it, stored in the
// workspace WS (made by `foresight init`) through the store, as `run add` would store them;
// and, for the peer, the labels and the first K runs' scores as NumPy .npy files in OUT.
//
// The runs are what a long project accumulates (each records a training size of 1,000 to
// 8,000, so each method has a learning curve): most of them clearly below the target, a
// few close to it. Run r's scores are the label times a separation d_r plus standard normal
// noise, rounded to 6 decimals, so its ROC AUC is about Phi(d_r / sqrt 2): 80% of the runs
// have d in [0.8, 1.55] (AUC 0.71 to 0.86), 18% in [1.55, 1.70] (0.86 to 0.885) and 2% in
// [1.70, 1.85] (0.885 to 0.905), against a target of 0.90. Deterministic: a hash of
// (run, example) draws everything.
//
// Usage: make_history WS N R OUT K
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "base/hash.hpp"
#include "store/store.hpp"

namespace {

using foresight::Mix64;

double Uniform(uint64_t key) { return (static_cast<double>(Mix64(key) >> 11U) + 0.5) * 0x1.0p-53; }

double Normal(uint64_t key) {
  const double u = Uniform(key * 2);
  const double v = Uniform(key * 2 + 1);
  return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
}

double Separation(size_t run) {
  const double u = Uniform(0xD15EA5EULL + run);
  const double w = Uniform(0xBADC0DEULL + run);
  if (u < 0.80) return 0.80 + 0.75 * w;
  if (u < 0.98) return 1.55 + 0.15 * w;
  return 1.70 + 0.15 * w;
}

// A NumPy .npy file (format 1.0) of little-endian float64 or int32 values.
void WriteNpy(const std::string& path, const std::string& descr, const std::string& shape,
              const void* data, size_t bytes) {
  std::string header =
      "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  const size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  out.write("\x93NUMPY\x01\x00", 8);
  const auto length = static_cast<uint16_t>(header.size());
  out.put(static_cast<char>(length & 0xFFU));
  out.put(static_cast<char>(length >> 8U));
  out << header;
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: make_history WS N R OUT K\n");
    return 2;
  }
  const std::string ws = argv[1];
  const size_t n = std::stoul(argv[2]);
  const size_t runs = std::stoul(argv[3]);
  const std::string out = argv[4];
  const size_t peer_runs = std::stoul(argv[5]);
  auto store = foresight::store::OpenStore("sqlite:" + ws + "/.foresight/foresight.db");
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message().c_str());
    return 1;
  }
  foresight::core::EvalSet set;
  set.name = "holdout";
  set.task = foresight::core::EvalTask::kBinary;
  set.classes = {"0", "1"};
  set.source = "make_history";
  set.created_at = "2026-12-02T00:00:00Z";
  for (size_t i = 0; i < n; ++i) {
    set.ids.push_back("ex" + std::to_string(i));
    set.labels.push_back(Uniform(0x1ABE1ULL * (i + 1)) < 0.3 ? 1 : 0);
  }
  if (auto added = (*store)->AddEvalSet(set); !added) {
    std::fprintf(stderr, "%s\n", added.error().message().c_str());
    return 1;
  }
  WriteNpy(out + "/labels.npy", "<i4", "(" + std::to_string(n) + ",)", set.labels.data(),
           n * sizeof(int32_t));
  std::vector<double> peer;
  for (size_t r = 0; r < runs; ++r) {
    foresight::core::Run run;
    run.name = "run-" + std::to_string(r);
    run.evalset = "holdout";
    run.method = r % 3 == 0 ? "gbm" : (r % 3 == 1 ? "logreg" : "mlp");
    run.created_at = "2026-12-02T00:00:00Z";
    // Trained on 1,000 to 8,000 examples: each method's runs make a learning curve.
    run.train_size = static_cast<int64_t>(1000 * (1 + (r / 3) % 8));
    const double d = Separation(r);
    run.predictions.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const double s = d * set.labels[i] + Normal((r + 1) * 0x100000001ULL + i);
      run.predictions[i] = std::round(s * 1e6) / 1e6;
    }
    if (r < peer_runs) peer.insert(peer.end(), run.predictions.begin(), run.predictions.end());
    if (auto added = (*store)->AddRun(run); !added) {
      std::fprintf(stderr, "%s\n", added.error().message().c_str());
      return 1;
    }
  }
  WriteNpy(out + "/scores.npy", "<f8",
           "(" + std::to_string(peer_runs) + ", " + std::to_string(n) + ")", peer.data(),
           peer.size() * sizeof(double));
  return 0;
}
