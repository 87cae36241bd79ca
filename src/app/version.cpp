#include "app/version.hpp"

namespace foresight::app {

std::string_view Version() { return "0.1.0"; }

}  // namespace foresight::app
