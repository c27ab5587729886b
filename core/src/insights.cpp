// The manager's review: each scope's answers are read once, in SQL order,
// and tallied into every group they count towards (group_tally.h).
#include "debrief/insights.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "debrief/heatmap.h"
#include "group_tally.h"
#include "insight_scope.h"
#include "pulse_window.h"
#include "store_impl.h"
#include "voice.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400;

struct EventRow {
  Id id;
  std::string title;
  std::int64_t starts_at = 0, ends_at = 0;
  std::vector<Id> invited_teams;
};

Result<std::vector<EventRow>> load_events(Store& store, const std::optional<Id>& only) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT id, title, starts_at, ends_at, teams FROM events "
      "WHERE deleted = 0 AND (?1 IS NULL OR id = ?1) ORDER BY starts_at, id");
  s.bind(1, only);
  std::vector<EventRow> events;
  while (s.step()) {
    EventRow e{s.id(0), s.text(1), s.int64(2), s.int64(3), {}};
    for (const Json& t : Json::parse(s.is_null(4) ? "[]" : s.text(4))) {
      Result<Id> id = Id::parse(t.get<std::string>());
      if (id.is_ok()) e.invited_teams.push_back(*id);
    }
    events.push_back(std::move(e));
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  return events;
}

// Flags by tree index: the invited teams and every team below them, of
// those whose people's answers this store holds (TeamTree::held).
std::vector<bool> invited_subtree(const TeamTree& tree, const std::vector<Id>& invited) {
  std::vector<bool> out = subtrees_of(tree, invited);
  for (std::size_t i = 0; i < tree.ids.size(); ++i) out[i] = out[i] && tree.held[i];
  return out;
}

// The scope's rows of `table` (scope_tallies or scope_comments, as t) with
// their survey s, selecting `what`; the scope's id at ?1.
sql::Stmt& scope_rows(Store& store, const ScopeSql& scope, const Id& id, const std::string& what,
                      const char* table) {
  sql::Stmt& s = impl_of(store).db->cached("SELECT " + what + " FROM " + table +
                                         " t JOIN surveys s ON s.id = t.survey "
                                         "WHERE t.scope_kind = ?2 AND t.scope = ?1 AND s.kind != 'pulse'");
  s.bind(1, id).bind(2, scope.kind);
  return s;
}

// Responses, ratings, eNPS and sentiment, from the scope's tallies.
Status tally_scope(Store& store, const ScopeSql& scope, const Id& id, GroupTally& tally) {
  sql::Stmt& s = scope_rows(store, scope, id, std::string("t.team, t.survey, ") + kTallyCountColumns, "scope_tallies");
  while (s.step()) tally.add(s.maybe_id(0), s.id(1), read_tally_counts(s, 2));
  DEBRIEF_TRY(s.status());
  s.reset();
  return Status::ok();
}

// The scope's free texts, by part ("more", "less", "stop", and "comments"
// for text answers), of the answers the store holds to show
// (holds_answers_of), each with its stored sentiment label.
Result<std::map<std::string, std::vector<ThemeComment>>> comments_of(Store& store, const TeamTree& tree,
                                                                    const ScopeSql& scope, const Id& id) {
  sql::Stmt& s = scope_rows(store, scope, id,
                            "t.part, t.text, (SELECT team FROM responses WHERE id = t.response), "
                            "(SELECT sentiment FROM answers a WHERE a.response = t.response "
                            "AND a.question = t.question AND a.part = t.part)",
                            "scope_comments");
  std::map<std::string, std::vector<ThemeComment>> comments;
  while (s.step()) {
    if (!holds_answers_of(tree, s.maybe_id(2))) continue;
    std::optional<SentimentLabel> label;
    if (!s.is_null(3)) label = sentiment_label(s.real(3));
    const std::string part = s.text(0);
    comments[part.empty() ? "comments" : part].push_back({s.text(1), true, label});
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  return comments;
}

// Members of the invited teams, and whether each took part in the scope,
// how many people took part, and which surveys the reader answered: who
// took part comes in person order, as the members do, so one pass matches
// them.
Status tally_invited(Store& store, const ScopeSql& scope, const Id& id, const TeamTree& tree,
                     const std::vector<bool>& invited, GroupTally& tally) {
  sql::Stmt& p = impl_of(store).db->cached(
      std::string("SELECT p.person, p.survey FROM participations p WHERE p.deleted = 0 AND p.person IS NOT NULL AND ") +
      scope.participations + " AND p.survey NOT IN (SELECT id FROM surveys WHERE kind = 'pulse') ORDER BY p.person");
  p.bind(1, id);
  std::optional<Id> reader = store.me(), last;
  std::vector<bool> took_part(tree.members.size());
  std::size_t m = 0;
  std::int64_t people = 0;
  while (p.step()) {
    Id person = p.id(0);
    while (m < tree.members.size() && tree.members[m].person < person) ++m;
    bool member = m < tree.members.size() && tree.members[m].person == person;
    bool held = tree.all_held || (member && tree.held[static_cast<std::size_t>(tree.members[m].team)]);
    if (person != last && held) ++people;  // the reader's own answer, outside her teams, is not theirs
    last = person;
    if (member) took_part[m] = true;
    if (person == reader) tally.add_reader(member ? tree.members[m].team : -1, p.id(1));
  }
  DEBRIEF_TRY(p.status());
  p.reset();
  tally.set_participants(people);
  for (std::size_t i = 0; i < tree.members.size(); ++i) {
    int team = tree.members[i].team;
    if (invited[static_cast<std::size_t>(team)]) tally.add_invited(team, took_part[i]);
  }
  return Status::ok();
}

// Whether a review groups the scope's triad answers into themes: the
// dashboard shows none, and they are most of a scope's cost.
enum class Themes { with, without };

Result<ScopeReview> review_scope(Store& store, const TeamTree& tree, const ScopeSql& scope,
                                 const Id& id, std::string title, const std::vector<bool>& invited,
                                 int threshold, Themes themes) {
  GroupTally tally(tree);
  DEBRIEF_TRY(tally_scope(store, scope, id, tally));
  DEBRIEF_TRY(tally_invited(store, scope, id, tree, invited, tally));
  ScopeReview review{scope.kind, id, std::move(title), tally.finish(threshold), {}, {}};
  if (themes == Themes::without || !review.groups[0].disclosure.shown) return review;
  Result<std::map<std::string, std::vector<ThemeComment>>> comments = comments_of(store, tree, scope, id);
  DEBRIEF_TRY(comments.status());
  for (const auto& [part, texts] : *comments) {
    review.themes[part] = themes_of(texts);
    review.comments[part] = static_cast<std::int64_t>(texts.size());
  }
  return review;
}

// The latest event that started before `e` and invited one of its teams.
std::optional<EventRow> previous_event(const std::vector<EventRow>& events, const EventRow& e) {
  std::optional<EventRow> found;
  for (const EventRow& other : events) {
    if (other.starts_at >= e.starts_at || other.id == e.id) continue;
    const bool shares = std::any_of(other.invited_teams.begin(), other.invited_teams.end(), [&](const Id& t) {
      return std::find(e.invited_teams.begin(), e.invited_teams.end(), t) != e.invited_teams.end();
    });
    if (shares) found = other;  // events come by start
  }
  return found;
}

// Each part's themes' shares of its comments at `before`, by theme key;
// none when that event's own results are withheld from everyone.
Result<std::optional<std::map<std::string, std::map<std::string, double>>>> shares_at(
    Store& store, const TeamTree& tree, const EventRow& before, int threshold) {
  Result<ScopeReview> r = review_scope(store, tree, kEventScope, before.id, before.title,
                                       invited_subtree(tree, before.invited_teams), threshold, Themes::without);
  DEBRIEF_TRY(r.status());
  if (!r->groups[0].disclosure.shown) return std::optional<std::map<std::string, std::map<std::string, double>>>();
  Result<std::map<std::string, std::vector<ThemeComment>>> comments = comments_of(store, tree, kEventScope, before.id);
  DEBRIEF_TRY(comments.status());
  std::map<std::string, std::map<std::string, double>> shares;
  for (const auto& [part, texts] : *comments) {
    for (const ThemeComment& c : texts)
      for (const ThemeKey& k : comment_themes(c.text)) shares[part][k.key] += 1.0 / static_cast<double>(texts.size());
  }
  return std::optional(std::move(shares));
}

void mark_emerging(ScopeReview& scope, const std::map<std::string, std::map<std::string, double>>& before) {
  for (auto& [part, themes] : scope.themes) {
    const auto was = before.find(part);
    const double total = static_cast<double>(scope.comments[part]);
    for (Theme& t : themes) {
      const double then = was == before.end() || !was->second.count(t.key) ? 0.0 : was->second.at(t.key);
      t.share_before = then;
      t.emerging = t.count >= kEmergingMinComments && static_cast<double>(t.count) / total - then >= kEmergingRise;
    }
  }
}

// Compares the event's themes with the previous event of its teams.
Status compare_themes(Store& store, const TeamTree& tree, const EventRow& e, EventReview& review) {
  Result<std::vector<EventRow>> events = load_events(store, std::nullopt);
  DEBRIEF_TRY(events.status());
  const std::optional<EventRow> before = previous_event(*events, e);
  if (!before || review.event.themes.empty()) return Status::ok();
  auto shares = shares_at(store, tree, *before, review.threshold);
  DEBRIEF_TRY(shares.status());
  if (!*shares) return Status::ok();
  review.compared_with = before->id;
  mark_emerging(review.event, **shares);
  return Status::ok();
}

// The index of `person`'s team in `tree`, or -1.
int team_of(const TeamTree& tree, const std::optional<Id>& person) {
  if (!person) return -1;
  auto m = std::lower_bound(tree.members.begin(), tree.members.end(), *person,
                            [](const TeamTree::Member& a, const Id& b) { return a.person < b; });
  return m != tree.members.end() && m->person == *person ? m->team : -1;
}

// The voices of pulse answers (voice.h), numbered as they are met: an
// answer's window depends on its event's days, and an answer about an
// activity is about the activity's event, each read once.
class PulseVoices {
 public:
  explicit PulseVoices(Store& store) : store_(store) {}

  Result<std::size_t> index(const Id& survey, std::optional<Id> event, const std::optional<Id>& activity,
                            std::int64_t created_at) {
    if (!event && activity) {
      Result<std::optional<Id>> e = event_of(*activity);
      DEBRIEF_TRY(e.status());
      event = *e;
    }
    std::optional<EventSpan> span;
    if (event) {
      Result<EventSpan> e = span_of(*event);
      DEBRIEF_TRY(e.status());
      span = *e;
    }
    Voice v{survey, event, activity, pulse_window_of(span, created_at).id};
    return index_.emplace(v, index_.size()).first->second;
  }
  std::size_t size() const { return index_.size(); }
  const std::map<Voice, std::size_t>& all() const { return index_; }

 private:
  Result<EventSpan> span_of(const Id& event) {
    if (auto it = spans_.find(event); it != spans_.end()) return it->second;
    sql::Stmt& s = impl_of(store_).db->cached("SELECT starts_at, ends_at FROM events WHERE id = ?");
    s.bind(1, event);
    EventSpan span;
    if (s.step()) span = {s.int64(0), s.int64(1)};
    DEBRIEF_TRY(s.status());
    s.reset();
    return spans_[event] = span;
  }

  Result<std::optional<Id>> event_of(const Id& activity) {
    if (auto it = events_.find(activity); it != events_.end()) return it->second;
    sql::Stmt& s = impl_of(store_).db->cached("SELECT event FROM activities WHERE id = ?");
    s.bind(1, activity);
    std::optional<Id> event;
    if (s.step()) event = s.maybe_id(0);
    DEBRIEF_TRY(s.status());
    s.reset();
    return events_[activity] = event;
  }

  Store& store_;
  std::map<Id, EventSpan> spans_;
  std::map<Id, std::optional<Id>> events_;
  std::map<Voice, std::size_t> index_;
};

// Marks the voices in which the reader answered, when her team is one of
// `teams`: her participations are found by their ids.
Status mark_reader(Store& store, const TeamTree& tree, const std::vector<bool>& teams, const PulseVoices& voices,
                   GroupSize& size) {
  std::optional<Id> reader = store.me();
  int team = team_of(tree, reader);
  if (team < 0 || !teams[static_cast<std::size_t>(team)]) return Status::ok();
  sql::Stmt& s = impl_of(store).db->cached("SELECT 1 FROM participations WHERE id = ? AND deleted = 0");
  size.own.assign(voices.size(), 0);
  for (const auto& [voice, i] : voices.all()) {
    s.bind(1, participation_id(*reader, voice));
    if (s.step()) size.own[i] = 1;
    DEBRIEF_TRY(s.status());
    s.reset();
  }
  return Status::ok();
}

// Whether someone of `team` is known to have answered a pulse in
// [from, to): a participation, whether or not the answer is here (a
// manager's device holds who answered before the answers). Read by member
// and day, so a team costs its members' few participations in the window.
Result<bool> pulse_answered(Store& store, const Id& team, std::int64_t from, std::int64_t to) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT 1 FROM people pp JOIN participations p ON p.person = pp.id WHERE pp.team = ?1 "
      "AND p.created_at >= ?2 AND p.created_at < ?3 AND p.deleted = 0 "
      "AND p.survey IN (SELECT id FROM surveys WHERE kind = 'pulse') LIMIT 1");
  s.bind(1, team).bind(2, from).bind(3, to);
  const bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return found;
}

// One group of pulse answers: the teams whose members' answers it counts,
// and the index of the group it is part of, earlier in the list (-1: none).
struct SpiritGroup {
  std::vector<bool> teams;
  int parent = -1;
};

// Pulse ratings counted towards each group in [from, to) (whole days),
// disclosed together (privacy.h: a child shown beside its parent must not
// give away the rest by subtraction); read team by team from the pulse
// tallies (pulse_tallies.h). People are counted by voice (privacy.h): a
// weekly pulse answered every week counts each person once.
Result<std::vector<SpiritSide>> spirit_between(Store& store, const TeamTree& tree,
                                               const std::vector<SpiritGroup>& groups, std::int64_t from,
                                               std::int64_t to, int threshold) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT day, survey, event, activity, responses, ratings, rating_sum FROM pulse_tallies "
      "WHERE team = ?1 AND day >= ?2 AND day < ?3");
  struct TeamPulse {
    std::vector<std::int64_t> answers;  // per voice
    std::int64_t sum = 0, n = 0, responses = 0;
  };
  std::vector<TeamPulse> teams(tree.ids.size());
  PulseVoices voices(store);
  for (std::size_t team = 0; team < teams.size(); ++team) {
    if (std::none_of(groups.begin(), groups.end(), [&](const SpiritGroup& g) { return g.teams[team]; })) continue;
    TeamPulse& t = teams[team];
    s.bind(1, tree.ids[team]).bind(2, from).bind(3, to);
    while (s.step()) {
      Result<std::size_t> voice = voices.index(s.id(1), s.maybe_id(2), s.maybe_id(3), s.int64(0));
      DEBRIEF_TRY(voice.status());
      t.answers.resize(voices.size());
      t.answers[*voice] += s.int64(4);
      t.responses += s.int64(4);
      t.n += s.int64(5);
      t.sum += s.int64(6);
    }
    DEBRIEF_TRY(s.status());
    s.reset();
  }
  // Whether someone of a team is known to have answered: a team with
  // answers here has; else its participations say, asked once per team.
  std::vector<std::optional<bool>> known(teams.size());
  auto answered_in = [&](std::size_t team) -> Result<bool> {
    if (!teams[team].answers.empty()) return true;
    if (!known[team]) {
      Result<bool> r = pulse_answered(store, tree.ids[team], from, to);
      DEBRIEF_TRY(r.status());
      known[team] = *r;
    }
    return *known[team];
  };
  std::vector<GroupSize> sizes;
  std::vector<TeamPulse> totals;
  for (const SpiritGroup& g : groups) {
    TeamPulse total{std::vector<std::int64_t>(voices.size()), 0, 0, 0};
    for (std::size_t team = 0; team < teams.size(); ++team) {
      if (!g.teams[team]) continue;
      for (std::size_t v = 0; v < teams[team].answers.size(); ++v) total.answers[v] += teams[team].answers[v];
      total.sum += teams[team].sum, total.n += teams[team].n, total.responses += teams[team].responses;
    }
    GroupSize size{total.answers, g.parent, {}};
    DEBRIEF_TRY(mark_reader(store, tree, g.teams, voices, size));
    for (std::size_t team = 0; team < teams.size() && !size.answered_unseen; ++team) {
      if (!g.teams[team]) continue;
      Result<bool> answered = answered_in(team);
      DEBRIEF_TRY(answered.status());
      size.answered_unseen = *answered;
    }
    sizes.push_back(std::move(size));
    totals.push_back(std::move(total));
  }
  const std::vector<Disclosure> verdicts = disclose(sizes, threshold);
  std::vector<SpiritSide> sides(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    sides[g].disclosure = verdicts[g];
    if (!verdicts[g].shown || totals[g].n == 0) continue;
    sides[g].responses = totals[g].responses;
    sides[g].people = people_in(GroupSize{totals[g].answers, -1, {}});
    sides[g].mean_rating = static_cast<double>(totals[g].sum) / static_cast<double>(totals[g].n);
  }
  return sides;
}

// Before: up to the day the event starts; after: from the day after it
// ends. The event's own days are left out, because anonymous answers keep
// only their day and could fall on either side of its start or end.
Result<std::vector<SpiritChange>> spirit_of(Store& store, const TeamTree& tree, const EventRow& e,
                                            const std::vector<SpiritGroup>& groups, int threshold) {
  std::int64_t first_day = e.starts_at - e.starts_at % kDay, day_after = e.ends_at - e.ends_at % kDay + kDay;
  std::int64_t window = kBeforeAfterDays * kDay;
  Result<std::vector<SpiritSide>> before = spirit_between(store, tree, groups, first_day - window, first_day, threshold);
  DEBRIEF_TRY(before.status());
  Result<std::vector<SpiritSide>> after = spirit_between(store, tree, groups, day_after, day_after + window, threshold);
  DEBRIEF_TRY(after.status());
  std::vector<SpiritChange> changes(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    changes[g].before = (*before)[g];
    changes[g].after = (*after)[g];
    if (changes[g].before.mean_rating && changes[g].after.mean_rating)
      changes[g].change = *changes[g].after.mean_rating - *changes[g].before.mean_rating;
  }
  return changes;
}

// The spirit groups of the review's groups: everyone is the invited teams;
// a team, its invited subtree, part of the nearest team above it that the
// review lists (else of everyone). A team with no invited subtree has none.
std::vector<std::optional<SpiritGroup>> spirit_groups(const TeamTree& tree, const ScopeReview& scope,
                                                      const std::vector<bool>& invited) {
  std::vector<std::optional<SpiritGroup>> out;
  std::map<Id, int> listed;  // team -> index among the spirit groups
  int next = 0;
  for (const GroupResults& g : scope.groups) {
    if (!g.team) {
      out.push_back(SpiritGroup{invited, -1});
      ++next;
      continue;
    }
    std::vector<bool> teams = subtrees_of(tree, {*g.team});
    for (std::size_t i = 0; i < teams.size(); ++i) teams[i] = teams[i] && invited[i];
    if (std::none_of(teams.begin(), teams.end(), [](bool b) { return b; })) {
      out.push_back(std::nullopt);
      continue;
    }
    int parent = 0;
    for (int i = tree.parent[static_cast<std::size_t>(tree.index.at(*g.team))]; i >= 0;
         i = tree.parent[static_cast<std::size_t>(i)]) {
      if (auto it = listed.find(tree.ids[static_cast<std::size_t>(i)]); it != listed.end()) {
        parent = it->second;
        break;
      }
    }
    listed[*g.team] = next++;
    out.push_back(SpiritGroup{std::move(teams), parent});
  }
  return out;
}

// Team spirit before and after the event for each of the review's groups,
// in their order; a group with no invited team says so.
Result<std::vector<SpiritChange>> spirit_by_group(Store& store, const TeamTree& tree, const EventRow& e,
                                                  const ScopeReview& scope, const std::vector<bool>& invited,
                                                  int threshold) {
  const std::vector<std::optional<SpiritGroup>> wanted = spirit_groups(tree, scope, invited);
  std::vector<SpiritGroup> groups;
  for (const auto& g : wanted)
    if (g) groups.push_back(*g);
  Result<std::vector<SpiritChange>> changes = spirit_of(store, tree, e, groups, threshold);
  DEBRIEF_TRY(changes.status());
  std::vector<SpiritChange> out;
  std::size_t next = 0;
  for (const auto& g : wanted) {
    if (g) {
      out.push_back((*changes)[next++]);
      continue;
    }
    SpiritChange none;
    none.before.disclosure = none.after.disclosure = {false, kNotInvited};
    out.push_back(none);
  }
  return out;
}

Result<Praise> praise_of(Store& store, const Id& event) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT category, action, sentiment FROM kudos WHERE deleted = 0 AND event = ? ORDER BY id");
  s.bind(1, event);
  Praise praise;
  std::vector<ThemeComment> actions;
  while (s.step()) {
    ++praise.kudos;
    ++praise.categories[s.text(0)];
    std::optional<SentimentLabel> label;
    if (!s.is_null(2)) label = sentiment_label(s.real(2));
    actions.push_back({s.text(1), true, label});
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  praise.phrases = themes_of(actions);
  return praise;
}

// The event's live activities, by start: id and title.
Result<std::vector<std::pair<Id, std::string>>> activities_of(Store& store, const Id& event) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT id, title FROM activities WHERE deleted = 0 AND event = ? ORDER BY starts_at, id");
  s.bind(1, event);
  std::vector<std::pair<Id, std::string>> activities;
  while (s.step()) activities.emplace_back(s.id(0), s.text(1));
  DEBRIEF_TRY(s.status());
  s.reset();
  return activities;
}

Status review_activities(Store& store, const TeamTree& tree, const EventRow& e,
                         const std::vector<bool>& invited, Themes themes, EventReview& review) {
  Result<std::vector<std::pair<Id, std::string>>> activities = activities_of(store, e.id);
  DEBRIEF_TRY(activities.status());
  for (auto& [id, title] : *activities) {
    Result<ScopeReview> r = review_scope(store, tree, kActivityScope, id, title, invited, review.threshold, themes);
    DEBRIEF_TRY(r.status());
    review.activities.push_back(std::move(*r));
  }
  return Status::ok();
}

}  // namespace

Result<EventReview> review_event(Store& store, const Id& event, ReviewDetail detail) {
  Result<std::vector<EventRow>> events = load_events(store, event);
  DEBRIEF_TRY(events.status());
  if (events->empty()) return not_found("no event with id " + event.hex());
  const EventRow& e = (*events)[0];
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  Result<int> threshold = anonymity_threshold(store);
  DEBRIEF_TRY(threshold.status());
  EventReview review;
  review.threshold = *threshold;
  std::vector<bool> invited = invited_subtree(*tree, e.invited_teams);
  Themes themes = detail == ReviewDetail::full ? Themes::with : Themes::without;
  Result<ScopeReview> own = review_scope(store, *tree, kEventScope, e.id, e.title, invited, *threshold, themes);
  DEBRIEF_TRY(own.status());
  review.event = std::move(*own);
  DEBRIEF_TRY(review_activities(store, *tree, e, invited, themes, review));
  if (detail == ReviewDetail::groups) return review;
  // Everyone's is the first group's: disclose() withholds only groups below
  // another for what they would give away, so a root's verdict is the same
  // as on its own.
  Result<std::vector<SpiritChange>> by_group = spirit_by_group(store, *tree, e, review.event, invited, *threshold);
  DEBRIEF_TRY(by_group.status());
  review.team_spirit = std::move(*by_group);
  review.spirit = review.team_spirit[0];
  Result<Praise> praise = praise_of(store, e.id);
  DEBRIEF_TRY(praise.status());
  review.praise = std::move(*praise);
  Result<std::vector<GroupDrivers>> drivers = key_drivers(store, review.event);
  DEBRIEF_TRY(drivers.status());
  review.drivers = std::move(*drivers);
  DEBRIEF_TRY(compare_themes(store, *tree, e, review));
  return review;
}

Result<std::vector<ReviewComment>> review_comments(Store& store, const Id& event) {
  Result<std::vector<EventRow>> events = load_events(store, event);
  DEBRIEF_TRY(events.status());
  if (events->empty()) return not_found("no event with id " + event.hex());
  const EventRow& e = (*events)[0];
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  Result<int> threshold = anonymity_threshold(store);
  DEBRIEF_TRY(threshold.status());
  const std::vector<bool> invited = invited_subtree(*tree, e.invited_teams);
  Result<std::vector<std::pair<Id, std::string>>> activities = activities_of(store, e.id);
  DEBRIEF_TRY(activities.status());
  std::vector<std::tuple<const ScopeSql*, Id, std::string>> scopes{{&kEventScope, e.id, e.title}};
  for (auto& [id, title] : *activities) scopes.emplace_back(&kActivityScope, id, title);
  std::vector<ReviewComment> out;
  for (const auto& [scope, id, title] : scopes) {
    Result<ScopeReview> r = review_scope(store, *tree, *scope, id, title, invited, *threshold, Themes::without);
    DEBRIEF_TRY(r.status());
    if (!r->groups[0].disclosure.shown) continue;
    Result<std::map<std::string, std::vector<ThemeComment>>> comments = comments_of(store, *tree, *scope, id);
    DEBRIEF_TRY(comments.status());
    const std::size_t first = out.size();
    for (auto& [part, texts] : *comments)
      for (ThemeComment& c : texts) out.push_back({title, part, std::move(c.text), c.sentiment, {}});
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), [](const ReviewComment& a, const ReviewComment& b) {
      return std::tie(a.part, a.text) < std::tie(b.part, b.text);
    });
  }
  for (ReviewComment& c : out) c.themes = comment_themes(c.text);
  return out;
}

bool comment_matches(const ReviewComment& c, std::string_view theme, std::optional<SentimentLabel> sentiment) {
  if (sentiment && c.sentiment != sentiment) return false;
  if (theme.empty()) return true;
  auto same = [&](const std::string& s) {
    return std::equal(s.begin(), s.end(), theme.begin(), theme.end(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
  };
  return std::any_of(c.themes.begin(), c.themes.end(),
                     [&](const ThemeKey& k) { return same(k.key) || same(k.name) || same(k.wording); });
}

Result<std::vector<TeamTrend>> team_trends(Store& store) {
  Result<std::vector<EventRow>> events = load_events(store, std::nullopt);
  DEBRIEF_TRY(events.status());
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  Result<int> threshold = anonymity_threshold(store);
  DEBRIEF_TRY(threshold.status());
  std::vector<TeamTrend> trends(tree->ids.size());
  for (std::size_t i = 0; i < trends.size(); ++i) trends[i] = {tree->ids[i], tree->names[i], {}};
  for (const EventRow& e : *events) {
    Result<ScopeReview> r = review_scope(store, *tree, kEventScope, e.id, e.title,
                                         invited_subtree(*tree, e.invited_teams), *threshold, Themes::without);
    DEBRIEF_TRY(r.status());
    for (GroupResults& g : r->groups) {
      if (!g.team) continue;
      trends[static_cast<std::size_t>(tree->index.at(*g.team))].points.push_back({e.id, e.title, e.starts_at, std::move(g)});
    }
  }
  std::erase_if(trends, [](const TeamTrend& t) { return t.points.empty(); });
  return trends;
}

Result<Heatmap> organisation_heatmap(Store& store) {
  Result<std::vector<TeamTrend>> trends = team_trends(store);
  DEBRIEF_TRY(trends.status());
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  Result<int> threshold = anonymity_threshold(store);
  DEBRIEF_TRY(threshold.status());
  // Spirit: everyone (the teams this store holds), then each team's held
  // subtree under its parent's group.
  std::vector<SpiritGroup> groups{SpiritGroup{tree->held, -1}};
  for (std::size_t i = 0; i < tree->ids.size(); ++i) {
    std::vector<bool> teams = subtrees_of(*tree, {tree->ids[i]});
    for (std::size_t t = 0; t < teams.size(); ++t) teams[t] = teams[t] && tree->held[t];
    groups.push_back(SpiritGroup{std::move(teams), tree->parent[i] < 0 ? 0 : tree->parent[i] + 1});
  }
  const std::int64_t now = impl_of(store).now_s(), today = now - now % kDay, window = kBeforeAfterDays * kDay;
  Result<std::vector<SpiritSide>> before = spirit_between(store, *tree, groups, today - 2 * window, today - window, *threshold);
  DEBRIEF_TRY(before.status());
  Result<std::vector<SpiritSide>> after = spirit_between(store, *tree, groups, today - window, today, *threshold);
  DEBRIEF_TRY(after.status());
  std::map<Id, const TrendPoint*> latest;
  for (const TeamTrend& t : *trends) latest[t.team] = &t.points.back();  // points come oldest first
  Heatmap map{std::nullopt, "the organisation", {}};
  for (std::size_t i = 0; i < tree->ids.size(); ++i) {
    SpiritChange spirit{(*before)[i + 1], (*after)[i + 1], std::nullopt};
    if (spirit.before.mean_rating && spirit.after.mean_rating) spirit.change = *spirit.after.mean_rating - *spirit.before.mean_rating;
    int depth = 1;
    for (int p = tree->parent[i]; p >= 0; p = tree->parent[static_cast<std::size_t>(p)]) ++depth;
    auto point = latest.find(tree->ids[i]);
    GroupResults results;
    if (point != latest.end()) results = point->second->results;
    else results.disclosure = {false, kNoResultsYet};
    results.name = tree->names[i];
    results.team = tree->ids[i];
    results.depth = depth;
    HeatRow row = heat_row(results, spirit);
    if (point != latest.end()) row.from_event = point->second->title;
    map.rows.push_back(std::move(row));
  }
  return map;
}

}  // namespace debrief
