// The manager's review: each scope's answers are read once, in SQL order,
// and tallied into every group they count towards (group_tally.h).
#include "debrief/insights.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "group_tally.h"
#include "insight_scope.h"
#include "store_impl.h"
#include "team_spirit.h"

namespace debrief {
namespace {

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

// What reviewing an event starts from: the event, the teams, the
// threshold, and which teams were invited (with their subteams).
struct EventContext {
  EventRow e;
  TeamTree tree;
  int threshold = 0;
  std::vector<bool> invited;
};

Result<EventContext> event_context(Store& store, const Id& event) {
  Result<std::vector<EventRow>> events = load_events(store, event);
  DEBRIEF_TRY(events.status());
  if (events->empty()) return not_found("no event with id " + event.hex());
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  Result<int> threshold = anonymity_threshold(store);
  DEBRIEF_TRY(threshold.status());
  std::vector<bool> invited = invited_subtree(*tree, (*events)[0].invited_teams);
  return EventContext{std::move((*events)[0]), std::move(*tree), *threshold, std::move(invited)};
}

}  // namespace

Result<EventReview> review_event(Store& store, const Id& event, ReviewDetail detail) {
  Result<EventContext> context = event_context(store, event);
  DEBRIEF_TRY(context.status());
  const auto& [e, tree, threshold, invited] = *context;
  EventReview review;
  review.threshold = threshold;
  Themes themes = detail == ReviewDetail::full ? Themes::with : Themes::without;
  Result<ScopeReview> own = review_scope(store, tree, kEventScope, e.id, e.title, invited, threshold, themes);
  DEBRIEF_TRY(own.status());
  review.event = std::move(*own);
  DEBRIEF_TRY(review_activities(store, tree, e, invited, themes, review));
  if (detail == ReviewDetail::groups) return review;
  // Everyone's is the first group's: disclose() withholds only groups below
  // another for what they would give away, so a root's verdict is the same
  // as on its own.
  Result<std::vector<SpiritChange>> by_group =
      spirit_by_group(store, tree, EventSpan{e.starts_at, e.ends_at}, review.event, invited, threshold);
  DEBRIEF_TRY(by_group.status());
  review.team_spirit = std::move(*by_group);
  review.spirit = review.team_spirit[0];
  Result<Praise> praise = praise_of(store, e.id);
  DEBRIEF_TRY(praise.status());
  review.praise = std::move(*praise);
  Result<std::vector<GroupDrivers>> drivers = key_drivers(store, review.event);
  DEBRIEF_TRY(drivers.status());
  review.drivers = std::move(*drivers);
  DEBRIEF_TRY(compare_themes(store, tree, e, review));
  return review;
}

Result<std::vector<ReviewComment>> review_comments(Store& store, const Id& event) {
  Result<EventContext> context = event_context(store, event);
  DEBRIEF_TRY(context.status());
  const auto& [e, tree, threshold, invited] = *context;
  Result<std::vector<std::pair<Id, std::string>>> activities = activities_of(store, e.id);
  DEBRIEF_TRY(activities.status());
  std::vector<std::tuple<const ScopeSql*, Id, std::string>> scopes{{&kEventScope, e.id, e.title}};
  for (auto& [id, title] : *activities) scopes.emplace_back(&kActivityScope, id, title);
  std::vector<ReviewComment> out;
  for (const auto& [scope, id, title] : scopes) {
    Result<ScopeReview> r = review_scope(store, tree, *scope, id, title, invited, threshold, Themes::without);
    DEBRIEF_TRY(r.status());
    if (!r->groups[0].disclosure.shown) continue;
    Result<std::map<std::string, std::vector<ThemeComment>>> comments = comments_of(store, tree, *scope, id);
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

}  // namespace debrief
