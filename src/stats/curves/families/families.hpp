// One factory per family file (registry.cpp lists them).
#pragma once

#include "stats/curves/family.hpp"

namespace foresight::stats::curves::families {

Family MakePow3();
Family MakePow4();
Family MakeLog2();
Family MakeIlog2();
Family MakeExp3();
Family MakeMmf4();
Family MakeWbl4();
Family MakeVap3();
Family MakeJanoschek();

// A start {a, b, c, d} for a power law c + a (u + d)^-b with floor c through the first and
// last points (pow3 with d = 0, pow4).
Params PowerStart(const Summary& s, double c, double d);

}  // namespace foresight::stats::curves::families
