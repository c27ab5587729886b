#include "directory.h"

#include "debrief/records.h"

namespace debrief::sim {

Result<Directory> make_directory(Store& s) {
  Result<testorg::Directory> acme = testorg::make_directory(s);
  DEBRIEF_TRY(acme.status());
  Directory d{*acme, {}};
  Result<Id> field = create(s, Kind::team, {{"name", "Field"}, {"manager", d.organiser.hex()}});
  DEBRIEF_TRY(field.status());
  d.field = *field;
  return d;
}

}  // namespace debrief::sim
