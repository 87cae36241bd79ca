// Renders diagnostics the way compilers do:
//
//   charter.yaml:12:11: error[D001]: the task infers criminality from faces
//      |
//   12 |   target: criminality
//      |           ^^^^^^^^^^^
//      = fields: task.target, inputs[0].kind
//   help: drop the task; ...
#pragma once

#include <string>

#include "diag/diagnostic.hpp"

namespace foresight::diag {

struct TextStyle {
  bool color = false;  // ANSI colours; only for a terminal and only without NO_COLOR
};

// One diagnostic, ending with a newline.
std::string RenderText(const Diagnostic& diagnostic, const TextStyle& style);

// "path:line:col" for a diagnostic (just "path", or "<input>", when there is no position).
std::string PositionLabel(const Diagnostic& diagnostic);

}  // namespace foresight::diag
