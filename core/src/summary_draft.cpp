#include "debrief/summary_draft.h"

#include <algorithm>
#include <cstdio>

namespace debrief {
namespace {

std::string number(double v, const char* format) {
  char out[32];
  std::snprintf(out, sizeof out, format, v);
  return out;
}

std::string results_line(const GroupResults& all) {
  if (!all.disclosure.shown) return "Too few people answered to share results (" + all.disclosure.reason + ").\n";
  std::string line = std::to_string(all.responses) + " people answered";
  if (all.response_rate) line += " (" + number(*all.response_rate * 100, "%.0f") + "% of those invited)";
  if (all.mean_rating) line += "; the average rating was " + number(*all.mean_rating, "%.1f") + " out of 5";
  if (all.enps) line += "; eNPS " + number(*all.enps, "%+.0f");
  return line + ".\n";
}

std::string spirit_line(const SpiritChange& spirit) {
  if (!spirit.change) return {};
  return "Team spirit went from " + number(*spirit.before.mean_rating, "%.1f") + " before the event to " +
         number(*spirit.after.mean_rating, "%.1f") + " after it.\n";
}

// "You asked for more of: a (2), b (1)." for one part of the triad.
std::string themes_line(const std::vector<Theme>& themes, const char* asked) {
  if (themes.empty()) return {};
  std::string line = std::string("You asked ") + asked + ":";
  for (std::size_t i = 0; i < themes.size(); ++i)
    line += (i ? ", " : " ") + themes[i].phrase + " (" + std::to_string(themes[i].count) + ")";
  return line + ".\n";
}

const std::vector<Theme>& themes_of_part(const ScopeReview& scope, const char* part) {
  static const std::vector<Theme> none;
  auto it = scope.themes.find(part);
  return it == scope.themes.end() ? none : it->second;
}

}  // namespace

SummaryDraft draft_summary(const EventReview& review) {
  struct Part {
    const char* key;
    const char* asked;
    const char* action;
  };
  constexpr Part kParts[] = {{"more", "for more of", "More"}, {"less", "for less of", "Less"}, {"stop", "us to stop", "Stop"}};
  SummaryDraft draft;
  draft.heard = results_line(review.event.groups[0]) + spirit_line(review.spirit);
  for (const Part& p : kParts) {
    const std::vector<Theme>& themes = themes_of_part(review.event, p.key);
    draft.heard += themes_line(themes, p.asked);
    if (!themes.empty()) draft.will_do += std::string("- ") + p.action + " " + themes[0].phrase + ": \n";
  }
  auto top = std::max_element(review.praise.categories.begin(), review.praise.categories.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; });
  if (top != review.praise.categories.end())
    draft.heard += "Kudos praised " + top->first + " most (" + std::to_string(top->second) + " of " +
                   std::to_string(review.praise.kudos) + ").\n";
  return draft;
}

}  // namespace debrief
