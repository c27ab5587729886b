#include "organisation.h"

#include "debrief/records.h"

namespace testorg {

using namespace debrief;

Result<Directory> make_directory(Store& s) {
  Directory d;
  Status failed = Status::ok();
  auto made = [&](Kind kind, const Json& fields) {
    Result<Id> id = create(s, kind, fields);
    if (!id.is_ok() && failed.is_ok()) failed = id.status();
    return id.is_ok() ? *id : Id{};
  };
  made(Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", d.threshold}});
  d.team = made(Kind::team, {{"name", "Support"}});
  auto person = [&](const char* name, const char* role) {
    return made(Kind::person, {{"name", name}, {"role", role}, {"team", d.team.hex()}});
  };
  d.admin = person("Ada Admin", "admin");
  d.organiser = person("Olga Organiser", "organiser");
  d.manager = person("Max Manager", "manager");
  d.p1 = person("Pia One", "participant");
  d.p2 = person("Per Two", "participant");
  d.p3 = person("Pam Three", "participant");
  d.p4 = person("Pat Four", "participant");
  if (!failed.is_ok()) return failed;
  DEBRIEF_TRY(update(s, Kind::team, d.team, {{"manager", d.manager.hex()}}));
  d.event = made(Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00"}, {"ends_at", "2026-12-03T17:00"}});
  d.survey = made(Kind::survey, {{"title", "After"}, {"kind", "post_event"},
                                 {"questions", Json::parse(R"([{"id":"score","type":"rating","text":"How was it?","required":true},
                                  {"id":"why","type":"text","text":"Why?"}])")}});
  if (!failed.is_ok()) return failed;
  return d;
}

}  // namespace testorg
