#include "directory.h"

#include "debrief/fields.h"

namespace debrief::desktop {
namespace {

std::string name_in(const std::map<Id, std::string>& names, const Id& id) {
  auto it = names.find(id);
  return it != names.end() ? it->second : id.hex().substr(0, 8);
}

}  // namespace

std::string Directory::person(const Id& id) const { return name_in(people, id); }
std::string Directory::team(const Id& id) const { return name_in(teams, id); }

Result<Directory> load_directory(Store& store) {
  Directory d;
  Result<std::vector<Json>> people = list(store, Kind::person);
  DEBRIEF_TRY(people.status());
  for (const Json& p : *people) {
    RecordView<Kind::person> person(p);
    d.people[person.id()] = person.text("name");
    if (std::optional<Id> team = person.ref("team")) d.team_of[person.id()] = *team;
  }
  Result<std::vector<Json>> teams = list(store, Kind::team);
  DEBRIEF_TRY(teams.status());
  for (const Json& t : *teams) {
    RecordView<Kind::team> team(t);
    d.teams[team.id()] = team.text("name");
  }
  return d;
}

}  // namespace debrief::desktop
