// The program's version, as the build recorded it.
#pragma once

#include <string_view>

namespace foresight::app {

std::string_view Version();

}  // namespace foresight::app
