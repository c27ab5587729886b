// Team spirit from the pulse tallies (pulse_tallies.h), each side's groups
// disclosed together (privacy.h).
#include "team_spirit.h"

#include <algorithm>

#include "store_impl.h"
#include "voice.h"

namespace debrief {
namespace {

constexpr std::int64_t kDay = 86400;

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

}  // namespace

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

SpiritChange spirit_change(const SpiritSide& before, const SpiritSide& after) {
  SpiritChange c{before, after, std::nullopt};
  if (before.mean_rating && after.mean_rating) c.change = *after.mean_rating - *before.mean_rating;
  return c;
}

namespace {

// Before: up to the day the event starts; after: from the day after it
// ends. The event's own days are left out, because anonymous answers keep
// only their day and could fall on either side of its start or end.
Result<std::vector<SpiritChange>> spirit_of(Store& store, const TeamTree& tree, const EventSpan& e,
                                            const std::vector<SpiritGroup>& groups, int threshold) {
  std::int64_t first_day = e.starts_at - e.starts_at % kDay, day_after = e.ends_at - e.ends_at % kDay + kDay;
  std::int64_t window = kBeforeAfterDays * kDay;
  Result<std::vector<SpiritSide>> before = spirit_between(store, tree, groups, first_day - window, first_day, threshold);
  DEBRIEF_TRY(before.status());
  Result<std::vector<SpiritSide>> after = spirit_between(store, tree, groups, day_after, day_after + window, threshold);
  DEBRIEF_TRY(after.status());
  std::vector<SpiritChange> changes;
  for (std::size_t g = 0; g < groups.size(); ++g) changes.push_back(spirit_change((*before)[g], (*after)[g]));
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

}  // namespace

// Team spirit before and after the event for each of the review's groups,
// in their order; a group with no invited team says so.
Result<std::vector<SpiritChange>> spirit_by_group(Store& store, const TeamTree& tree, const EventSpan& e,
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

}  // namespace debrief
