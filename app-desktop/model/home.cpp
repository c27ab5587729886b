#include "home.h"

#include "debrief/change_log.h"
#include "debrief/fields.h"
#include "debrief/sync/client.h"
#include "directory.h"

namespace debrief::desktop {

Result<HomeView> load_home(Store& store) {
  HomeView v;
  Result<StoreInfo> info = store.info();
  DEBRIEF_TRY(info.status());
  v.pending_changes = info->pending_changes;
  Result<std::vector<RefusedChange>> refused = refused_changes(store);
  DEBRIEF_TRY(refused.status());
  for (const RefusedChange& r : *refused)
    v.refused.push_back({r.change.seq, std::string(spec_of(r.change.kind).name) + " " + r.change.record.hex().substr(0, 8), r.reason});
  for (const KindCount& c : info->counts) {
    if (c.kind == Kind::kudos) v.kudos = c.live;
    if (c.kind == Kind::event) v.events = c.live;
    if (c.kind == Kind::response) v.responses = c.live;
  }
  if (std::optional<Id> me = store.me()) {
    Result<Json> json = get(store, Kind::person, *me);
    DEBRIEF_TRY(json.status());
    RecordView<Kind::person> person(*json);
    v.name = person.text("name");
    v.role = person.text("role");
    if (std::optional<Id> team = person.ref("team")) {
      Result<Directory> dir = load_directory(store);
      DEBRIEF_TRY(dir.status());
      v.team = dir->team(*team);
    }
  }
  Result<std::vector<Json>> orgs = list(store, Kind::organisation, {.limit = 1});
  DEBRIEF_TRY(orgs.status());
  if (!orgs->empty()) v.organisation = RecordView<Kind::organisation>((*orgs)[0]).text("name");
  Result<sync::ServerLink> link = sync::load_link(store.dir());
  if (link.is_ok()) {
    v.server = link->host + ":" + std::to_string(link->port);
    v.last_sync_ms = link->last_sync_ms;
  }
  return v;
}

Status discard_refused_change(Store& store, std::int64_t seq) { return discard_refused(store, seq); }

}  // namespace debrief::desktop
