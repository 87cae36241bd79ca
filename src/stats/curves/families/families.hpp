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

// The exponent b of a power law c + a u^-b through the first and last points (pow3, pow4).
double PowerExponent(const Summary& s, double c);

}  // namespace foresight::stats::curves::families
