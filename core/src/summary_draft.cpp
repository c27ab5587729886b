#include "debrief/summary_draft.h"

#include "debrief/percent.h"
#include "debrief/records.h"
#include "store_impl.h"

#include <algorithm>
#include <cstdio>

namespace debrief {
namespace {

std::string number(double v, const char* format) {
  char out[32];
  std::snprintf(out, sizeof out, format, v);
  return out;
}

// "9 people answered, 9 of the 16 people invited (56%). The average ..."
std::string results_line(const GroupResults& all) {
  if (all.disclosure.reason == kNoResponsesYet) return "Nobody has answered yet.\n";
  if (!all.disclosure.shown) return "Too few people answered to share results (" + all.disclosure.reason + ").\n";
  std::string line = std::to_string(all.people) + (all.people == 1 ? " person" : " people") + " answered";
  if (all.response_rate)
    line += ", " + std::to_string(all.participated) + " of the " + std::to_string(all.invited) +
            " people invited (" + percent(*all.response_rate) + ")";
  line += ".";
  if (all.mean_rating) line += " The average rating was " + number(*all.mean_rating, "%.1f") + " out of 5.";
  if (all.enps) line += " The eNPS was " + number(*all.enps, "%+.0f") + ".";
  return line + "\n";
}

std::string spirit_line(const SpiritChange& spirit) {
  if (!spirit.change) return {};
  return "Team spirit went from " + number(*spirit.before.mean_rating, "%.1f") + " before the event to " +
         number(*spirit.after.mean_rating, "%.1f") + " after it.\n";
}

std::string quoted(const std::string& phrase) { return "\u201c" + phrase + "\u201d"; }

std::string answers(std::int64_t n) { return std::to_string(n) + (n == 1 ? " answer" : " answers"); }

// "You asked for more of: “a” (2 answers), “b” (1 answer)." for one part
// of the triad.
std::string themes_line(const std::vector<Theme>& themes, const char* asked) {
  if (themes.empty()) return {};
  std::string line = std::string("You asked ") + asked + ":";
  for (std::size_t i = 0; i < themes.size(); ++i)
    line += (i ? ", " : " ") + quoted(themes[i].phrase) + " (" + answers(themes[i].count) + ")";
  return line + ".\n";
}

const std::vector<Theme>& themes_of_part(const ScopeReview& scope, const char* part) {
  static const std::vector<Theme> none;
  auto it = scope.themes.find(part);
  return it == scope.themes.end() ? none : it->second;
}

// "going_extra_mile" -> "going extra mile".
std::string category_words(std::string category) {
  std::replace(category.begin(), category.end(), '_', ' ');
  return category;
}

}  // namespace

SummaryDraft draft_summary(const EventReview& review) {
  struct Part {
    const char* key;
    const char* asked;
    const char* action;
  };
  constexpr Part kParts[] = {{"more", "for more of", "you asked for more"},
                             {"less", "for less of", "you asked for less"},
                             {"stop", "us to stop", "you asked us to stop"}};
  SummaryDraft draft;
  draft.heard = results_line(review.event.groups[0]) + spirit_line(review.spirit);
  for (const Part& p : kParts) {
    const std::vector<Theme>& themes = themes_of_part(review.event, p.key);
    draft.heard += themes_line(themes, p.asked);
    if (!themes.empty()) draft.will_do += "- On " + quoted(themes[0].phrase) + " (" + p.action + "): \n";
  }
  auto top = std::max_element(review.praise.categories.begin(), review.praise.categories.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; });
  if (top != review.praise.categories.end())
    draft.heard += "Kudos praised " + category_words(top->first) + " most (" + std::to_string(top->second) +
                   " of " + std::to_string(review.praise.kudos) + " kudos).\n";
  return draft;
}

// The reader's unpublished summary of `event`, if she has one.
Result<std::optional<Id>> open_draft(Store& store, const Id& event) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT id FROM summaries WHERE deleted = 0 AND event = ? AND published = 0 AND author IS ? ORDER BY id LIMIT 1");
  s.bind(1, event).bind(2, store.me());
  std::optional<Id> found;
  if (s.step()) found = s.id(0);
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

Result<Id> save_summary_draft(Store& store, const Id& event) {
  Result<EventReview> review = review_event(store, event);
  DEBRIEF_TRY(review.status());
  SummaryDraft draft = draft_summary(*review);
  Result<std::optional<Id>> open = open_draft(store, event);
  DEBRIEF_TRY(open.status());
  if (!*open)
    return create(store, Kind::summary,
                  {{"event", event.hex()}, {"heard", draft.heard}, {"will_do", draft.will_do}, {"published", false}});
  DEBRIEF_TRY(update(store, Kind::summary, **open, {{"heard", draft.heard}, {"will_do", draft.will_do}}));
  return **open;
}

}  // namespace debrief
