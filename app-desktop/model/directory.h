// Names for ids: the people and teams a screen shows, read once per job.
#pragma once

#include <map>
#include <string>

#include "debrief/records.h"

namespace debrief::desktop {

struct Directory {
  std::map<Id, std::string> people, teams;  // id -> name
  std::map<Id, Id> team_of;                 // person -> their team

  // The person's or team's name, or a short form of the id when unknown.
  std::string person(const Id& id) const;
  std::string team(const Id& id) const;
};

Result<Directory> load_directory(Store& store);

}  // namespace debrief::desktop
