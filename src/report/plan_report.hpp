// Renderers for `foresight plan`: the ledger (estimate against actual per method, effort by
// role and week, what is still to do) and the outlook (the answer for a leader in three
// sentences, then the dates, the finish and the cost, a chart of the chance by date, the
// staffing by role and week, and what moves it most). Text for people, JSON for machines
// (docs/json.md). Pure: no I/O.
#pragma once

#include <string>

#include "core/plan_ledger.hpp"

namespace foresight::report {

std::string RenderLedgerText(const core::PlanLedger& ledger);
std::string RenderLedgerJson(const core::PlanLedger& ledger);

// What `plan start|log|finish|drop` recorded, in one line, then what changed in the ledger.
std::string RenderPlanEventText(const core::PlanEvent& event, const core::PlanLedger& ledger);

std::string RenderOutlookText(const core::PlanOutlook& outlook);
std::string RenderOutlookJson(const core::PlanOutlook& outlook);
// The lever ranked `index` (0: the one that moves the outlook most) in a sentence.
std::string RenderOutlookLever(const core::PlanOutlook& outlook, size_t index);
// The three sentences for a leader alone (the outlook's opening; the report uses them too).
std::string RenderOutlookSummary(const core::PlanOutlook& outlook);

}  // namespace foresight::report
