// Renderers for `foresight report`: one self-contained HTML file for the people who fund
// and lead the project (no network, no scripts, charts as inline SVG, printable), and a
// Markdown summary sized for a pull-request comment. Pure: no I/O.
#pragma once

#include <string>

#include "core/report.hpp"

namespace foresight::report {

// One fact behind a factor's verdict, in plain words.
std::string SignalSentence(const core::Signal& signal, const core::ProjectReport& report);
// What to do next about a factor: from its weightiest signal.
std::string FactorNextStep(const core::FactorAssessment& factor);

std::string RenderReportHtml(const core::ProjectReport& report);
std::string RenderReportMarkdown(const core::ProjectReport& report);
// What `report -o FILE` says once the file is written: "wrote report.html (36 KB)".
std::string RenderReportWritten(const std::string& path, size_t bytes);

}  // namespace foresight::report
