// foresight: forwards to the command line.
#include <malloc.h>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  // The CLI reads columns of up to millions of values, one run after another. Freed memory is
  // kept for the next run instead of being returned to the system and faulted in again, page
  // by page: those page faults were a fifth of the time of ranking a thousand stored runs.
  // (32 MiB is glibc's largest mmap threshold; larger blocks are still mapped and unmapped.)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  return foresight::cli::Run(argc, argv);
}
