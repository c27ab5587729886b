// Names for ids: the people and teams a screen shows, read once per job.
#pragma once

#include <map>
#include <string>

#include "debrief/records.h"

namespace debrief::desktop {

struct Directory {
  std::map<std::string, std::string> people, teams;  // hex id -> name
  std::map<std::string, std::string> team_of;        // person hex id -> team hex id

  // The person's or team's name, or a short form of the id when unknown.
  std::string person(const std::string& id) const;
  std::string team(const std::string& id) const;
};

Result<Directory> load_directory(Store& store);

}  // namespace debrief::desktop
