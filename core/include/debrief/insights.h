// The manager's review, computed from the local store alone: per event and
// per activity, per team, before and after, and each team's trend.
//
// Every number here has been through privacy.h: a withheld group carries its
// Disclosure (with the reason) and no numbers (all zero or empty), and the
// themes of anonymous comments appear only when their group is shown. Views
// and exports print what they get and need no rules of their own.
// Not thread-safe (see Store).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "debrief/drivers.h"
#include "debrief/id.h"
#include "debrief/key_phrases.h"
#include "debrief/privacy.h"
#include "debrief/status.h"

namespace debrief {

class Store;

// The results of one group: everyone who answered in a scope, or the members
// of one team and its subteams (by the team a response counts towards).
struct GroupResults {
  // "everyone", or "your teams" on a device enrolled with a server (it
  // holds others' answers only for the teams its person manages:
  // group_tally.h, TeamTree::held), or the team's name.
  std::string name;
  std::optional<Id> team;  // none for everyone
  int depth = 0;           // 0 for everyone, 1 for a top-level team, 2 for its subteams, ...
  Disclosure disclosure;
  // Zero or empty below here when the group is withheld.
  std::int64_t responses = 0;
  // The people who answered: each survey's answers come one per person,
  // so at least the most answers to one survey; for everyone, also every
  // person recorded as taking part. Never a person counted twice.
  std::int64_t people = 0;
  std::int64_t invited = 0;       // members of invited teams in this group
  std::int64_t participated = 0;  // of those, how many answered
  std::optional<double> response_rate;  // participated / invited, in [0, 1]
  std::optional<double> mean_rating;    // over every rating (1-5) answer
  std::array<std::int64_t, 5> ratings{};  // answers of 1, 2, 3, 4, 5
  std::optional<double> enps;           // % promoters (9-10) - % detractors (0-6)
  std::int64_t enps_answers = 0;
  // Text answers (comments, triad parts) by stored sentiment label.
  std::int64_t positive = 0, neutral = 0, negative = 0;
};

// One event's or one activity's results.
struct ScopeReview {
  std::string kind;  // "event" or "activity"
  Id id;
  std::string title;
  std::vector<GroupResults> groups;  // everyone first, then teams, parents before subteams
  // "comments" (text answers), "more", "less", "stop" -> their themes;
  // empty when everyone's group is withheld.
  std::map<std::string, std::vector<Theme>> themes;
  // How many comments each part has, for the themes' shares.
  std::map<std::string, std::int64_t> comments;
};

// Team spirit from pulse surveys answered by members of the invited teams:
// rating answers in the kBeforeAfterDays before the event starts against
// those in the kBeforeAfterDays after it ends. Each side is a group of its own.
inline constexpr int kBeforeAfterDays = 30;
struct SpiritSide {
  Disclosure disclosure;
  std::int64_t responses = 0;
  std::int64_t people = 0;  // at least (privacy.h, GroupSize)
  std::optional<double> mean_rating;
};
struct SpiritChange {
  SpiritSide before, after;
  std::optional<double> change;  // after - before, when both are shown
};

// Why a group of the review has no team spirit: none of its teams was
// invited, so their pulses say nothing about the event.
inline constexpr const char* kNotInvited = "not invited";

// What kudos tied to the event praise. Kudos are signed and public to the
// organisation, so no threshold applies.
struct Praise {
  std::int64_t kudos = 0;
  std::map<std::string, std::int64_t> categories;
  std::vector<Theme> phrases;  // key phrases of their actions
};

// A theme is emerging when its share of a part's comments rose by at least
// this much since the previous event of any of the same invited teams, and
// at least kEmergingMinComments comments speak to it now. Compared only
// when that event's own results are shown to everyone (privacy.h).
inline constexpr double kEmergingRise = 0.10;
inline constexpr std::int64_t kEmergingMinComments = 3;

struct EventReview {
  int threshold = kDefaultAnonymityThreshold;
  ScopeReview event;  // the event's own (non-pulse) surveys
  std::vector<ScopeReview> activities;  // by start time
  SpiritChange spirit;
  // Team spirit for each of event's groups, in their order, the groups
  // disclosed together (a team's figures never give away a sibling's by
  // subtraction); empty when only the groups were asked for.
  std::vector<SpiritChange> team_spirit;
  Praise praise;
  // What moves the event's overall rating and eNPS, per group of `event`
  // (drivers.h); empty when only the groups were asked for.
  std::vector<GroupDrivers> drivers;
  // The event the themes were compared with: the latest that started before
  // this one and invited one of its teams, if its results are shown.
  std::optional<Id> compared_with;
};

// How much of a review to compute: everything, or only each scope's groups
// (no themes, spirit, praise or drivers), which is what the exports need.
enum class ReviewDetail { full, groups };

// The review of `event`; not_found when there is no such live event.
Result<EventReview> review_event(Store& store, const Id& event, ReviewDetail detail = ReviewDetail::full);

// One free text of an event's review, for a manager to read and filter.
struct ReviewComment {
  std::string scope;  // the event's title, or its activity's
  std::string part;   // "more", "less", "stop" or "comments" (text answers)
  std::string text;
  std::optional<SentimentLabel> sentiment;  // its stored label
  std::vector<ThemeKey> themes;             // the themes it speaks to (comment_themes)
};

// The free texts of the event's own surveys and of its activities', of
// each scope whose results the review shows to everyone (privacy.h: a
// withheld group's comments are withheld with it), with nothing of who
// wrote them or when: the event's first, then each activity's by start,
// each by part and then alphabetically, never in the order they came.
// not_found when there is no such live event.
Result<std::vector<ReviewComment>> review_comments(Store& store, const Id& event);

// Whether `c` passes the filters: a theme, by key, name or the wording the
// comment uses ("agenda" in the schedule group), ignoring case
// (empty: any), and a sentiment (none: any).
bool comment_matches(const ReviewComment& c, std::string_view theme, std::optional<SentimentLabel> sentiment);

// One team's results at one event, for its trend over time.
struct TrendPoint {
  Id event;
  std::string title;
  std::int64_t starts_at = 0;  // Unix seconds
  GroupResults results;
};
struct TeamTrend {
  Id team;
  std::string name;
  std::vector<TrendPoint> points;  // by event start, only events where the team answered
};

// Each team's results across every live event, oldest event first.
Result<std::vector<TeamTrend>> team_trends(Store& store);

}  // namespace debrief
