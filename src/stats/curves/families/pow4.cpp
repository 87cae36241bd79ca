// pow4: a shifted power law, c + a (u + d)^-b: pow3 whose early points may bend (d > 0).
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Pow4 {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    return p[2] + p[0] * pow(T(u) + p[3], -p[1]);
  }
};

}  // namespace

Family MakePow4() {
  Family f;
  f.name = "pow4";
  f.formula = "c + a * (u + d)^(-b)";
  f.params = 4;
  f.names = {"a", "b", "c", "d"};
  f.lower = {0, 0.01, 0, 0};
  f.upper = {10, 4, 1.5, 2};
  f.starts = [](const CurveData& data, size_t n) {
    const Summary s = Summarize(data, n);
    std::vector<Params> starts;
    for (const double c : {0.0, 0.5 * s.y_min, 0.9 * s.y_min}) {
      starts.push_back(PowerStart(s, c, 0));
      starts.push_back(PowerStart(s, c, s.u_first));  // a bend at the first size
    }
    return starts;
  };
  f.asymptote = [](const double* p) { return p[2]; };
  return MakeFamily<Pow4>(f);
}

}  // namespace foresight::stats::curves::families
