// The manager's review as JSON, for `debrief insights --json` and exports.
// A withheld group is {"name", "team"?, "withheld": reason} and carries no
// numbers; optional figures that do not exist (no rating answered) are null.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/heatmap.h"
#include "debrief/insights.h"

namespace debrief {

nlohmann::json to_json(const GroupResults& group);
nlohmann::json to_json(const ScopeReview& scope);
nlohmann::json to_json(const EventReview& review);
nlohmann::json to_json(const std::vector<TeamTrend>& trends);
// {"event" (null for the organisation's), "title", "measures": [names],
// "rows": [{"name", "team"?, "depth", "from_event"?, "cells": [{"value"} or
// {"withheld": reason}, one per measure]}]}.
nlohmann::json to_json(const Heatmap& heatmap);
// [{"scope", "part", "text", "sentiment" (a label or null), "themes":
// [{"key", "name"}]}], in review_comments' order.
nlohmann::json to_json(const std::vector<ReviewComment>& comments);

}  // namespace debrief
