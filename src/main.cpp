// foresight: forwards to the command line.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return foresight::cli::Run(argc, argv); }
