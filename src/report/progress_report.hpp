// The progress line a long command shows on a terminal while it works.
#pragma once

#include <cstddef>
#include <cstdint>
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

// The probe's line while it trains (`learner` empty once every fit is done and it measures):
//   "probe:  40% (12/30 fits, 3 s) boosting on 400 examples"
std::string RenderProbeProgressLine(std::string_view learner, long long size, size_t done,
                                    size_t total, double seconds);

// "12 s", "3 min", "1 h 5 min": a duration rounded to what a person waiting needs.
std::string RoughDuration(double seconds);

}  // namespace foresight::report
