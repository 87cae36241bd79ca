#include "cli/cli.hpp"

namespace foresight::cli {

int Run(int /*argc*/, char** /*argv*/) { return 0; }

}  // namespace foresight::cli
