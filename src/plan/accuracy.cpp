#include "plan/accuracy.hpp"

#include <cmath>

namespace foresight::plan {
namespace {

constexpr double kPriorMean = 1.3;  // the mean overrun factor of the prior
constexpr double kZ90 = 1.2815515655446004;

LearnedAccuracy Describe(const Accuracy& a, AccuracySource source, size_t methods) {
  LearnedAccuracy out;
  out.accuracy = a;
  out.source = source;
  out.methods = methods;
  out.median_factor = std::exp(a.log_mean);
  out.factor_low = std::exp(a.log_mean - kZ90 * a.log_sd);
  out.factor_high = std::exp(a.log_mean + kZ90 * a.log_sd);
  return out;
}

std::optional<Accuracy> Fit(const std::vector<const Finished*>& record) {
  const auto n = static_cast<double>(record.size());
  if (record.size() < 2) return std::nullopt;
  double sum = 0;
  double pert_variance = 0;
  std::vector<double> y;
  y.reserve(record.size());
  for (const Finished* f : record) {
    const double mean = stats::PertMean(f->estimate);
    const double v = stats::PertVariance(f->estimate) / (mean * mean);  // Var[X / mean]
    // log(actual / mean) less E[log(X / mean)] ~ -v / 2 (second order).
    y.push_back(std::log(f->actual / mean));
    sum += y.back() + v / 2;
    pert_variance += v;
  }
  const double mu = sum / n;
  double mean_y = 0;
  for (const double v : y) mean_y += v;
  mean_y /= n;
  double ss = 0;
  for (const double v : y) ss += (v - mean_y) * (v - mean_y);
  const double var_y = ss / (n - 1);
  const double tau2 = std::max(0.0, var_y - pert_variance / n);
  // The predictive spread: tau, plus the uncertainty of mu, widened for a short record as
  // the Student t's variance (n - 1) / (n - 3) is (2 below 5 methods).
  const double widen = record.size() >= 5 ? (n - 1) / (n - 3) : 2.0;
  return Accuracy{mu, std::sqrt((tau2 + var_y / n) * widen)};
}

}  // namespace

Accuracy PriorAccuracy() {
  return Accuracy{std::log(kPriorMean) - kPriorLogSd * kPriorLogSd / 2, kPriorLogSd};
}

LearnedAccuracy LearnAccuracy(const std::vector<Finished>& record, std::optional<size_t> role) {
  std::vector<const Finished*> team;
  std::vector<const Finished*> own;
  for (const Finished& f : record) {
    if (!(f.actual > 0) || !(stats::PertMean(f.estimate) > 0) || !std::isfinite(f.actual)) {
      continue;
    }
    team.push_back(&f);
    if (role && f.role == *role) own.push_back(&f);
  }
  if (role && own.size() >= kMinRoleHistory) {
    if (auto a = Fit(own)) return Describe(*a, AccuracySource::kRole, own.size());
  }
  if (team.size() >= kMinTeamHistory) {
    if (auto a = Fit(team)) return Describe(*a, AccuracySource::kTeam, team.size());
  }
  return Describe(PriorAccuracy(), AccuracySource::kPrior, 0);
}

}  // namespace foresight::plan
