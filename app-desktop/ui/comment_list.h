// An event's comments (review_comments), filtered by theme and sentiment:
// two choosers, a count, and one line per comment with its label, where it
// was written and its text; hovering a line shows the whole comment and
// what its sentiment rests on. Long lists are clipped to what is visible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "debrief/insights.h"

namespace debrief::desktop {

struct CommentFilter {
  std::string theme;  // a theme's key; empty: any
  std::optional<SentimentLabel> sentiment;
};

// `themes`: the review's themes to choose from (by part, as in ScopeReview).
void comment_list(const std::vector<ReviewComment>& comments, const std::map<std::string, std::vector<Theme>>& themes,
                  CommentFilter& filter, float height);

}  // namespace debrief::desktop
