#include "debrief/drivers.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "correlation.h"
#include "debrief/insights.h"
#include "debrief/survey.h"
#include "group_tally.h"
#include "insight_scope.h"
#include "store_impl.h"

namespace debrief {
namespace {

// A survey's outcomes and drivers, by question id.
struct Outcomes {
  std::shared_ptr<const Survey> survey;
  std::string rating, enps;      // empty: the survey has none
  std::vector<std::string> drivers;
};

Outcomes outcomes_of(std::shared_ptr<const Survey> survey) {
  Outcomes o{std::move(survey), {}, {}, {}};
  for (const Question& q : o.survey->questions()) {
    if (q.type == QuestionType::enps && o.enps.empty()) o.enps = q.id;
    if (q.type != QuestionType::rating) continue;
    if (o.rating.empty()) o.rating = q.id;
    else o.drivers.push_back(q.id);
  }
  return o;
}

struct Sums {
  PairSums rating, enps;
};
using DriverKey = std::pair<Id, std::string>;  // survey, question

// The groups of the review a response counts towards: everyone, and its
// team and every team above it that the review lists.
class GroupIndex {
 public:
  GroupIndex(const TeamTree& tree, const ScopeReview& scope) : tree_(tree) {
    for (std::size_t g = 0; g < scope.groups.size(); ++g)
      if (scope.groups[g].team) of_team_[*scope.groups[g].team] = g;
  }
  std::vector<std::size_t> groups_of(const std::optional<Id>& team) const {
    std::vector<std::size_t> out{0};
    auto t = team ? tree_.index.find(*team) : tree_.index.end();
    for (int i = t == tree_.index.end() ? -1 : t->second; i >= 0; i = tree_.parent[static_cast<std::size_t>(i)]) {
      auto g = of_team_.find(tree_.ids[static_cast<std::size_t>(i)]);
      if (g != of_team_.end()) out.push_back(g->second);
    }
    return out;
  }

 private:
  const TeamTree& tree_;
  std::map<Id, std::size_t> of_team_;
};

class Collector {
 public:
  Collector(Store& store, std::size_t groups) : store_(store), sums_(groups) {}

  Status add(const Id& survey, const std::map<std::string, double>& answers, const std::vector<std::size_t>& groups) {
    Result<const Outcomes*> o = outcomes(survey);
    DEBRIEF_TRY(o.status());
    for (const std::string& q : (*o)->drivers) {
      auto x = answers.find(q);
      if (x == answers.end()) continue;
      for (std::size_t g : groups) {
        Sums& s = sums_[g][{survey, q}];
        if (auto y = answers.find((*o)->rating); !(*o)->rating.empty() && y != answers.end()) s.rating.add(x->second, y->second);
        if (auto y = answers.find((*o)->enps); !(*o)->enps.empty() && y != answers.end()) s.enps.add(x->second, y->second);
      }
    }
    return Status::ok();
  }

  std::vector<Driver> drivers_of(std::size_t group) const {
    std::vector<Driver> out;
    for (const auto& [key, s] : sums_[group]) {
      const Question* q = outcomes_.at(key.first).survey->find(key.second);
      out.push_back({key.first, key.second, q ? q->text : key.second, correlation_of(s.rating), correlation_of(s.enps)});
    }
    auto strength = [](const std::optional<Correlation>& c) { return c ? std::abs(c->r) : -1.0; };
    std::stable_sort(out.begin(), out.end(), [&](const Driver& a, const Driver& b) {
      if (strength(a.with_rating) != strength(b.with_rating)) return strength(a.with_rating) > strength(b.with_rating);
      return strength(a.with_enps) > strength(b.with_enps);
    });
    return out;
  }

 private:
  Result<const Outcomes*> outcomes(const Id& survey) {
    auto it = outcomes_.find(survey);
    if (it != outcomes_.end()) return &it->second;
    Result<std::shared_ptr<const Survey>> parsed = load_survey(store_, survey);
    DEBRIEF_TRY(parsed.status());
    return &outcomes_.emplace(survey, outcomes_of(*parsed)).first->second;
  }

  Store& store_;
  std::map<Id, Outcomes> outcomes_;
  std::vector<std::map<DriverKey, Sums>> sums_;
};

const ScopeSql& scope_sql(const ScopeReview& scope) { return scope.kind == "activity" ? kActivityScope : kEventScope; }

// Reads every numeric answer of the scope's responses the store holds to
// show, a response at a time, into `c`.
Status collect(Store& store, const TeamTree& tree, const ScopeReview& scope, const GroupIndex& groups, Collector& c) {
  sql::Stmt& s = impl_of(store).db->cached(
      std::string("SELECT r.id, r.team, r.survey, a.question, a.num FROM responses r JOIN surveys s ON s.id = r.survey "
                  "JOIN answers a ON a.response = r.id WHERE r.deleted = 0 AND a.num IS NOT NULL AND ") +
      scope_sql(scope).responses + " ORDER BY r.id");
  s.bind(1, scope.id);
  std::optional<Id> response, team, survey;
  std::map<std::string, double> answers;
  auto finish = [&]() -> Status {
    if (!response || !holds_answers_of(tree, team)) return Status::ok();
    return c.add(*survey, answers, groups.groups_of(team));
  };
  Status st;
  while (st.is_ok() && s.step()) {
    if (response != s.id(0)) {
      st = finish();
      response = s.id(0), team = s.maybe_id(1), survey = s.id(2);
      answers.clear();
    }
    answers[s.text(3)] = static_cast<double>(s.int64(4));
  }
  if (st.is_ok()) st = s.status();
  s.reset();
  DEBRIEF_TRY(st);
  return finish();
}

}  // namespace

Result<std::vector<GroupDrivers>> key_drivers(Store& store, const ScopeReview& scope) {
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  const GroupIndex groups(*tree, scope);
  Collector c(store, scope.groups.size());
  DEBRIEF_TRY(collect(store, *tree, scope, groups, c));
  std::vector<GroupDrivers> out;
  for (std::size_t g = 0; g < scope.groups.size(); ++g) {
    const GroupResults& r = scope.groups[g];
    GroupDrivers d{r.name, r.team, r.disclosure, {}};
    if (d.disclosure.shown && r.people < kDriverMinPeople) d.disclosure = {false, kTooFewForDrivers};
    if (d.disclosure.shown) d.drivers = c.drivers_of(g);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace debrief
