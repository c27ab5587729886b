// Tallies answers into the groups of a scope (everyone, each team with its
// subteams) and turns them into privacy-checked results. Internal to the
// core (insights).
#pragma once

#include <optional>
#include <map>
#include <vector>

#include "debrief/insights.h"
#include "debrief/store.h"
#include "scope_tallies.h"

namespace debrief {

// The live teams as a tree, parents before children, with their members
// (read once per review: every scope's response rate needs them).
struct TeamTree {
  struct Member {
    Id person;
    int team;  // index into ids
  };
  std::vector<Id> ids;
  std::vector<std::string> names;
  std::vector<int> parent;  // index into ids, -1 for a top-level team
  std::map<Id, int> index;
  std::vector<Member> members;  // live people in a live team, by person id
  // Whether this store holds the answers and participations of each team's
  // people: every team on a standalone store; on a device enrolled with a
  // server (Store::bind_me), only the teams its person manages and those
  // below them, which is what the server sends it (kind.h, Reach). A
  // review counts the people of held teams only, so that its figures are
  // of people whose answers it could see; `all_held` when every team is.
  std::vector<bool> held;
  bool all_held = true;
};
Result<TeamTree> load_team_tree(Store& store);
// Flags by tree index: the teams `roots` and every team below them.
std::vector<bool> subtrees_of(const TeamTree& tree, const std::vector<Id>& roots);
// Whether answers counted towards `team` (none: no team) are this store's
// to show: every answer on a standalone store, else those of held teams
// (the reader's own answer outside her teams is not one).
bool holds_answers_of(const TeamTree& tree, const std::optional<Id>& team);

class GroupTally {
 public:
  // Groups: everyone ("your teams" when the tree holds only some), then
  // every team of `tree` (which must outlive this).
  explicit GroupTally(const TeamTree& tree);

  // Each of these counts towards everyone and, when `team` is a live team,
  // towards it and every team above it. Answers come per survey: in a
  // scope, each survey is one voice (privacy.h, GroupSize).
  void add(const std::optional<Id>& team, const Id& survey, const TallyCounts& c);
  // A member of the team at `team` (index into the tree, -1 for none) who
  // was invited.
  void add_invited(int team, bool participated);
  // The reader answered `survey`, counted towards the team at `team` (-1:
  // none), so her answer is not counted when deciding what she may see.
  void add_reader(int team, const Id& survey);
  // How many distinct people took part in the scope, from their
  // participations: everyone's count of people, when more than its surveys
  // show.
  void set_participants(std::int64_t people) { participants_ = people; }

  // Everyone's results, then those of each team with responses or invited
  // members, disclosed at `threshold`: withheld groups keep only their name
  // and reason.
  std::vector<GroupResults> finish(int threshold) const;

 private:
  struct Sums {
    GroupResults r;
    std::int64_t rating_sum = 0, promoters = 0, detractors = 0;
    GroupSize size;  // answers and the reader's, per voice; parent unset
  };
  template <class F>
  void each_group_of(int team, F&& add);
  int index_of(const std::optional<Id>& team);
  std::size_t voice_of(const Id& survey);
  static GroupResults derive(const Sums& s);

  const TeamTree& tree_;
  std::vector<Sums> sums_;  // [0] everyone, [1 + i] team i
  std::map<Id, std::size_t> voices_;  // survey -> index into each GroupSize
  std::int64_t participants_ = 0;
  // The last team looked up and its index (-1: none): tallies come in team
  // order, so most rows repeat the team of the one before.
  std::optional<Id> last_team_;
  int last_index_ = -1;
};

}  // namespace debrief
