// Replays the learning-curve extrapolation protocol on real curves (LCDB 1.1): for each
// curve and each cut-off (10%, 25%, 50% of the largest anchor), fit on the anchors up to
// the cut-off (at least 5 of them), predict the error at the largest anchor, and report
// per cut-off the mean and median absolute error of the ensemble, of each family fitted
// alone, and of the "last value" baseline; the coverage of the 80% band; failures; and the
// time per curve.
//
// Usage: forecast_eval [--every K] [CSV] (default: stdin; the .csv.gz decompressed), e.g.
//   zcat bench/data/lcdb11-dev.csv.gz | build/release/bench/forecast_eval
// --every K replays every K-th curve only (quicker; the forecaster's few constants were
// tuned on --every 4); --except-every K replays the others (held out from that tuning).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "stats/curves/fit.hpp"
#include "stats/curves/forecast.hpp"

namespace curves = foresight::stats::curves;

namespace {

struct Curve {
  std::vector<curves::CurvePoint> points;  // sorted by anchor
};

std::map<std::string, Curve> ReadCurves(std::istream& in) {
  std::map<std::string, Curve> curves;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    std::string cell;
    while (std::getline(row, cell, ',')) cells.push_back(cell);
    if (cells.size() < 6) continue;
    const double anchor = std::stod(cells[3]);
    const double error = std::stod(cells[4]);
    const double se = cells[5].empty() ? std::nan("") : std::stod(cells[5]);
    if (!std::isfinite(error)) continue;
    curves::CurvePoint p{anchor, error, std::nullopt};
    if (std::isfinite(se)) p.stderr_ = se;
    curves[cells[0]].points.push_back(p);
  }
  for (auto& [id, c] : curves) {
    std::sort(c.points.begin(), c.points.end(),
              [](const auto& a, const auto& b) { return a.size < b.size; });
  }
  return curves;
}

double Median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

double Mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? std::nan("") : s / static_cast<double>(v.size());
}

// One family fitted alone by the forecaster's own code, in the forecaster's frame (error
// rates: best value 0, scaled by the largest error, sizes relative to the largest).
double SingleFamily(const curves::Family& family, const std::vector<curves::CurvePoint>& fit,
                    double at) {
  curves::CurveData data;
  double worst = 0;
  for (const auto& p : fit) worst = std::max(worst, p.value);
  if (worst <= 0) worst = 1;
  const double x_ref = fit.back().size;
  for (const auto& p : fit) {
    data.u.push_back(p.size / x_ref);
    data.x.push_back(p.size);
    data.y.push_back(p.value / worst);
    data.weight.push_back(1);
  }
  const curves::FitResult r = curves::Fit(family, data, data.size());
  if (!r.ok) return std::nan("");
  return std::max(0.0, family.value(at / x_ref, at, r.params.data())) * worst;
}

}  // namespace

int main(int argc, char** argv) {
  size_t every = 1;
  bool except = false;
  int arg = 1;
  if (argc > 2 && (std::string(argv[1]) == "--every" || std::string(argv[1]) == "--except-every")) {
    except = std::string(argv[1]) == "--except-every";
    every = std::max(1UL, std::stoul(argv[2]));
    arg = 3;
  }
  std::ifstream file;
  if (argc > arg) file.open(argv[arg]);
  std::istream& in = argc > arg ? static_cast<std::istream&>(file) : std::cin;
  std::map<std::string, Curve> all;
  size_t index = 0;
  for (auto& [id, curve] : ReadCurves(in)) {
    if ((index++ % every == 0) != except) all.emplace(id, std::move(curve));
  }
  const std::vector<std::string> singles = {"pow3", "pow4",  "mmf4", "wbl4",     "exp3",
                                            "log2", "ilog2", "vap3", "janoschek"};
  std::printf("| cut-off | curves | ensemble MAE | median | last value MAE | median |");
  for (const auto& s : singles) std::printf(" %s MAE / median |", s.c_str());
  std::printf(
      " 80%% band coverage | flagged ill-behaved | failures | ms per curve "
      "|\n|---|---:|---:|---:|---:|---:|");
  for (size_t i = 0; i < singles.size(); ++i) std::printf("---:|");
  std::printf("---:|---:|---:|---:|\n");
  for (const double cutoff : {0.10, 0.25, 0.50}) {
    std::vector<double> ens, last;
    std::map<std::string, std::vector<double>> single;
    size_t covered = 0, failures = 0, used = 0, flagged = 0;
    double seconds = 0;
    for (const auto& [id, curve] : all) {
      const auto& pts = curve.points;
      const double largest = pts.back().size;
      std::vector<curves::CurvePoint> fit;
      for (const auto& p : pts) {
        if (p.size <= cutoff * largest) fit.push_back(p);
      }
      if (fit.size() < 5) continue;
      ++used;
      const double truth = pts.back().value;
      curves::ForecastOptions options;
      options.at = {largest};
      const auto start = std::chrono::steady_clock::now();
      const auto result = curves::Forecast(fit, options);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      last.push_back(std::abs(fit.back().value - truth));
      if (!result) {
        ++failures;
        continue;
      }
      const auto& band = result->predictions[0].value;
      ens.push_back(std::abs(band.estimate - truth));
      covered += (band.lower <= truth && truth <= band.upper) ? 1U : 0U;
      flagged += result->ill_behaved ? 1U : 0U;
      for (const auto& s : singles) {
        const double v = SingleFamily(*curves::FindFamily(s), fit, largest);
        if (std::isfinite(v)) single[s].push_back(std::abs(v - truth));
      }
    }
    std::printf("| %.0f%% | %zu | %.4f | %.4f | %.4f | %.4f |", cutoff * 100, used, Mean(ens),
                Median(ens), Mean(last), Median(last));
    for (const auto& s : singles) {
      std::printf(" %.4f / %.4f |", Mean(single[s]), Median(single[s]));
    }
    std::printf(" %.1f%% | %.1f%% | %zu | %.2f |\n",
                100.0 * static_cast<double>(covered) / static_cast<double>(ens.size()),
                100.0 * static_cast<double>(flagged) / static_cast<double>(ens.size()), failures,
                1000 * seconds / static_cast<double>(used));
  }
  return 0;
}
