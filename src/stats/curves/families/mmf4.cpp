// mmf4: the Morgan-Mercer-Flodin curve, (a b + c u^d) / (b + u^d): a sigmoid in log size
// from a (no data) to c (infinite data). The best single family in LCDB 1.0.
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Mmf4 {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    const T ud = pow(T(u), p[3]);
    return (p[0] * p[1] + p[2] * ud) / (p[1] + ud);
  }
};

}  // namespace

Family MakeMmf4() {
  Family f;
  f.name = "mmf4";
  f.formula = "(a * b + c * u^d) / (b + u^d)";
  f.params = 4;
  f.names = {"a", "b", "c", "d"};
  f.lower = {0, 1e-8, 0, 0.05};
  f.upper = {10, 1e4, 1.5, 4};
  f.starts = [](const CurveData& data, size_t n) {
    const Summary s = Summarize(data, n);
    std::vector<Params> starts;
    for (const double d : {0.5, 1.0}) {
      starts.push_back({1.2 * s.y_first, std::pow(s.u_mid, d), 0.9 * s.y_min, d});
    }
    return starts;
  };
  f.asymptote = [](const double* p) { return p[2]; };
  return MakeFamily<Mmf4>(f);
}

}  // namespace foresight::stats::curves::families
