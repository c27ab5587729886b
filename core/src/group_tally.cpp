#include "group_tally.h"

#include <algorithm>

#include "store_impl.h"

namespace debrief {
namespace {

// Appends `team` and its descendants, depth first, so parents come first.
void visit(const std::vector<std::vector<int>>& children, int team, std::vector<int>& order) {
  order.push_back(team);
  for (int c : children[static_cast<std::size_t>(team)]) visit(children, c, order);
}

// Fills tree.held (see TeamTree): on an enrolled device, the teams its
// person manages and every team below them; else every team.
Status mark_held(Store& store, TeamTree& tree) {
  tree.held.assign(tree.ids.size(), true);
  const std::optional<Id>& reader = impl_of(store).bound_me;
  if (!reader) return Status::ok();
  sql::Stmt& s = impl_of(store).db->cached("SELECT id FROM teams WHERE deleted = 0 AND manager = ?");
  s.bind(1, *reader);
  std::vector<Id> managed;
  while (s.step()) managed.push_back(s.id(0));
  DEBRIEF_TRY(s.status());
  s.reset();
  tree.held = subtrees_of(tree, managed);
  tree.all_held = std::find(tree.held.begin(), tree.held.end(), false) == tree.held.end();
  return Status::ok();
}

}  // namespace

Result<TeamTree> load_team_tree(Store& store) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT id, parent, name FROM teams WHERE deleted = 0 ORDER BY id");
  std::vector<Id> ids, parents;
  std::vector<std::string> names;
  while (s.step()) {
    ids.push_back(s.id(0));
    parents.push_back(s.is_null(1) ? Id{} : s.id(1));
    names.push_back(s.text(2));
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  std::map<Id, int> raw;
  for (std::size_t i = 0; i < ids.size(); ++i) raw[ids[i]] = static_cast<int>(i);
  std::vector<std::vector<int>> children(ids.size());
  std::vector<int> order;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto p = raw.find(parents[i]);
    if (p == raw.end() || p->second == static_cast<int>(i)) continue;
    children[static_cast<std::size_t>(p->second)].push_back(static_cast<int>(i));
  }
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!raw.count(parents[i])) visit(children, static_cast<int>(i), order);
  TeamTree tree;
  for (int old : order) {  // teams in a parent cycle are left out: they have no root
    tree.index[ids[static_cast<std::size_t>(old)]] = static_cast<int>(tree.ids.size());
    tree.ids.push_back(ids[static_cast<std::size_t>(old)]);
    tree.names.push_back(names[static_cast<std::size_t>(old)]);
  }
  for (int old : order) {
    auto p = raw.find(parents[static_cast<std::size_t>(old)]);
    tree.parent.push_back(p == raw.end() ? -1 : tree.index.at(p->first));
  }
  sql::Stmt& m = impl_of(store).db->cached(
      "SELECT id, team FROM people WHERE deleted = 0 AND team IS NOT NULL ORDER BY id");
  while (m.step()) {
    auto team = tree.index.find(m.id(1));
    if (team != tree.index.end()) tree.members.push_back({m.id(0), team->second});
  }
  DEBRIEF_TRY(m.status());
  m.reset();
  DEBRIEF_TRY(mark_held(store, tree));
  return tree;
}

std::vector<bool> subtrees_of(const TeamTree& tree, const std::vector<Id>& roots) {
  std::vector<bool> out(tree.ids.size());
  for (const Id& team : roots)
    if (auto it = tree.index.find(team); it != tree.index.end()) out[static_cast<std::size_t>(it->second)] = true;
  for (std::size_t i = 0; i < tree.ids.size(); ++i)  // parents come first
    if (tree.parent[i] >= 0 && out[static_cast<std::size_t>(tree.parent[i])]) out[i] = true;
  return out;
}

bool holds_answers_of(const TeamTree& tree, const std::optional<Id>& team) {
  if (tree.all_held) return true;
  auto t = team ? tree.index.find(*team) : tree.index.end();
  return t != tree.index.end() && tree.held[static_cast<std::size_t>(t->second)];
}

GroupTally::GroupTally(const TeamTree& tree) : tree_(tree), sums_(1 + tree.ids.size()) {
  sums_[0].r.name = tree.all_held ? "everyone" : "your teams";
  for (std::size_t i = 0; i < tree.ids.size(); ++i) {
    sums_[1 + i].r.name = tree.names[i];
    sums_[1 + i].r.team = tree.ids[i];
  }
}

int GroupTally::index_of(const std::optional<Id>& team) {
  if (team != last_team_) {
    auto it = team ? tree_.index.find(*team) : tree_.index.end();
    last_team_ = team;
    last_index_ = it == tree_.index.end() ? -1 : it->second;
  }
  return last_index_;
}

template <class F>
void GroupTally::each_group_of(int team, F&& add) {
  // Outside the teams the store holds (the reader's own answer, on a
  // device), nothing counts: "your teams" are those teams only. Held teams
  // are whole subtrees, so the walk up stops at the first team not held
  // (a team above the one she manages is not hers to show).
  auto held = [&](int t) { return tree_.all_held || (t >= 0 && tree_.held[static_cast<std::size_t>(t)]); };
  if (!held(team)) return;
  add(sums_[0]);
  for (int t = team; t >= 0 && held(t); t = tree_.parent[static_cast<std::size_t>(t)])
    add(sums_[1 + static_cast<std::size_t>(t)]);
}

std::size_t GroupTally::voice_of(const Id& survey) {
  auto [it, added] = voices_.emplace(survey, voices_.size());
  if (added)
    for (Sums& s : sums_) {
      s.size.answers.resize(voices_.size());
      s.size.own.resize(voices_.size());
    }
  return it->second;
}

void GroupTally::add(const std::optional<Id>& team, const Id& survey, const TallyCounts& c) {
  std::int64_t rating_sum = 0, enps_answers = 0, detractors = 0;
  for (std::size_t v = 0; v < c.ratings.size(); ++v) rating_sum += static_cast<std::int64_t>(v + 1) * c.ratings[v];
  for (std::size_t v = 0; v < c.enps.size(); ++v) enps_answers += c.enps[v];
  for (std::size_t v = 0; v <= 6; ++v) detractors += c.enps[v];
  std::size_t voice = voice_of(survey);
  each_group_of(index_of(team), [&](Sums& s) {
    s.r.responses += c.responses;
    s.size.answers[voice] += c.responses;
    for (std::size_t v = 0; v < c.ratings.size(); ++v) s.r.ratings[v] += c.ratings[v];
    s.rating_sum += rating_sum;
    s.r.enps_answers += enps_answers;
    s.promoters += c.enps[9] + c.enps[10];
    s.detractors += detractors;
    s.r.positive += c.positive;
    s.r.neutral += c.neutral;
    s.r.negative += c.negative;
  });
}

void GroupTally::add_invited(int team, bool participated) {
  each_group_of(team, [&](Sums& s) {
    ++s.r.invited;
    if (participated) ++s.r.participated;
  });
}

void GroupTally::add_reader(int team, const Id& survey) {
  std::size_t voice = voice_of(survey);
  each_group_of(team, [&](Sums& s) { s.size.own[voice] = 1; });
}

GroupResults GroupTally::derive(const Sums& s) {
  GroupResults r = s.r;
  r.people = std::max(r.participated, people_in(GroupSize{s.size.answers, -1, {}}));
  std::int64_t rated = 0;
  for (std::int64_t n : r.ratings) rated += n;
  if (rated > 0) r.mean_rating = static_cast<double>(s.rating_sum) / static_cast<double>(rated);
  if (r.enps_answers > 0)
    r.enps = 100.0 * static_cast<double>(s.promoters - s.detractors) / static_cast<double>(r.enps_answers);
  if (r.invited > 0) r.response_rate = static_cast<double>(r.participated) / static_cast<double>(r.invited);
  return r;
}

std::vector<GroupResults> GroupTally::finish(int threshold) const {
  std::vector<std::size_t> kept{0};
  std::vector<int> kept_at(sums_.size(), -1);
  kept_at[0] = 0;
  std::vector<GroupSize> sizes{sums_[0].size};
  sizes[0].answered_unseen = sums_[0].r.participated > 0;
  for (std::size_t i = 1; i < sums_.size(); ++i) {
    if (sums_[i].r.responses == 0 && sums_[i].r.invited == 0) continue;
    int parent = tree_.parent[i - 1];
    // A kept team's parent is kept too: it has at least as many of both.
    kept_at[i] = static_cast<int>(kept.size());
    sizes.push_back(sums_[i].size);
    sizes.back().answered_unseen = sums_[i].r.participated > 0;
    sizes.back().parent = parent < 0 ? 0 : kept_at[1 + static_cast<std::size_t>(parent)];
    kept.push_back(i);
  }
  std::vector<Disclosure> verdicts = disclose(sizes, threshold);
  std::vector<GroupResults> out;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    GroupResults r;
    if (verdicts[k].shown) r = derive(sums_[kept[k]]);
    if (verdicts[k].shown && k == 0) r.people = std::max(r.people, participants_);
    r.name = sums_[kept[k]].r.name;
    r.team = sums_[kept[k]].r.team;
    r.depth = k == 0 ? 0 : out[static_cast<std::size_t>(sizes[k].parent)].depth + 1;
    r.disclosure = verdicts[k];
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace debrief
