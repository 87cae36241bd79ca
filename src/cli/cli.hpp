// The command line: parses argv, runs the subcommand, returns the exit code.
#pragma once

namespace foresight::cli {

// Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error, 70 internal.
int Run(int argc, char** argv);

}  // namespace foresight::cli
