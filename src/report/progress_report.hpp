// The progress line a long command shows on a terminal while it works.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/progress.hpp"

namespace foresight::report {

// One line, at most `width` code points (cut, never wrapped, so that rewriting it in place
// works): the command, the share done, a bar, what is being worked on and, once a few
// percent are done, the time left at the pace so far:
//   "eval  43% [#########            ] r · roc_auc, about 12 s left"
std::string RenderProgressLine(std::string_view command, const Progress::Snapshot& snapshot,
                               double elapsed_seconds, size_t width);

// "12 s", "3 min", "1 h 5 min": a duration rounded to what a person waiting needs.
std::string RoughDuration(double seconds);

}  // namespace foresight::report
