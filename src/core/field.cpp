#include "core/field.hpp"

#include <cstdio>

namespace foresight::core {

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
  return buffer;
}

}  // namespace foresight::core
