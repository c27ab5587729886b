#include "directory.h"

namespace debrief::desktop {
namespace {

std::string name_in(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it != names.end() ? it->second : id.substr(0, 8);
}

}  // namespace

std::string Directory::person(const std::string& id) const { return name_in(people, id); }
std::string Directory::team(const std::string& id) const { return name_in(teams, id); }

Result<Directory> load_directory(Store& store) {
  Directory d;
  Result<std::vector<Json>> people = list(store, Kind::person);
  DEBRIEF_TRY(people.status());
  for (const Json& p : *people) {
    d.people[p["id"]] = p["name"];
    if (p.value("team", Json()).is_string()) d.team_of[p["id"]] = p["team"];
  }
  Result<std::vector<Json>> teams = list(store, Kind::team);
  DEBRIEF_TRY(teams.status());
  for (const Json& t : *teams) d.teams[t["id"]] = t["name"];
  return d;
}

}  // namespace debrief::desktop
