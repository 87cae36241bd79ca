// The SQLite store's rows as domain values: the backend-neutral records
// (store/internal/records.hpp), named here for the SQLite code. Private to the SQLite store.
#pragma once

#include "store/internal/records.hpp"
#include "store/sqlite/db.hpp"

namespace foresight::store::sqlite {

using internal::CheckAttributes;
using internal::CheckDecodedSet;
using internal::CheckEvalSet;
using internal::CheckPlanEvents;
using internal::Damaged;
using internal::DecodeAttribute;
using internal::DecodeCriteria;
using internal::DecodePlanEvent;
using internal::DecodeRunInfo;
using internal::DecodeSetRow;
using internal::kCriteriaColumns;
using internal::kEvalSetOwner;
using internal::kPlanEventColumns;
using internal::kRunColumns;
using internal::kRunOwner;
using internal::kSetColumns;
using internal::kSlicePrefix;
using internal::Pairs;
using internal::ParseJsonList;
using internal::PlanEventKindName;
using internal::PredictionWidth;
using internal::RunItem;
using internal::SetItem;
using internal::SetRow;
using internal::ToJsonList;

}  // namespace foresight::store::sqlite
