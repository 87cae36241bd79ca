#include "stats/poisson.hpp"

#include <cmath>

namespace foresight::stats {
namespace {

// log(k!) without the global signgam of std::lgamma, which concurrent threads would race on.
double LogFactorial(double k) {
  int sign = 0;
  return lgamma_r(k + 1.0, &sign);
}

uint64_t SampleSmall(CounterRng& rng, double mean) {
  const double limit = std::exp(-mean);
  uint64_t k = 0;
  double product = rng.NextDouble();
  while (product > limit) {
    ++k;
    product *= rng.NextDouble();
  }
  return k;
}

uint64_t SamplePtrs(CounterRng& rng, double mean) {
  const double root = std::sqrt(mean);
  const double log_mean = std::log(mean);
  const double b = 0.931 + 2.53 * root;
  const double a = -0.059 + 0.02483 * b;
  const double inverse_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double v_r = 0.9277 - 3.6224 / (b - 2);
  while (true) {
    const double u = rng.NextDouble() - 0.5;
    const double v = rng.NextDouble();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= v_r) return static_cast<uint64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inverse_alpha) - std::log(a / (us * us) + b) <=
        -mean + k * log_mean - LogFactorial(k)) {
      return static_cast<uint64_t>(k);
    }
  }
}

}  // namespace

uint64_t SamplePoisson(CounterRng& rng, double mean) {
  if (!(mean > 0)) return 0;
  return mean < 10 ? SampleSmall(rng, mean) : SamplePtrs(rng, mean);
}

}  // namespace foresight::stats
