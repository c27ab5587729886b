#include "debrief/platform/status.h"

#include "debrief/change_log.h"
#include "debrief/replication.h"
#include "debrief/sync/client.h"
#include "debrief/time.h"

namespace debrief::platform {

using Json = nlohmann::json;

Result<Json> store_status(Store& store, bool with_digest) {
  Result<StoreInfo> info = store.info();
  DEBRIEF_TRY(info.status());
  Json counts = Json::object();
  for (const KindCount& c : info->counts) counts[std::string(spec_of(c.kind).plural)] = c.live;
  Result<std::vector<RefusedChange>> refused = refused_changes(store);
  DEBRIEF_TRY(refused.status());
  Json refused_json = Json::array();
  for (const RefusedChange& r : *refused)
    refused_json.push_back({{"seq", r.change.seq}, {"kind", spec_of(r.change.kind).name}, {"record", r.change.record.hex()},
                            {"field", r.change.field ? Json(*r.change.field) : Json(nullptr)},
                            {"op", r.change.op == ChangeOp::remove ? "delete" : "upsert"}, {"reason", r.reason},
                            {"at", format_time(r.at)}});
  Result<sync::ServerLink> link = sync::load_link(store.dir());
  Json status{{"data", store.dir().string()},
              {"schema_version", info->schema_version},
              {"device_id", info->device_id.hex()},
              {"me", info->me ? Json(info->me->hex()) : Json(nullptr)},
              {"counts", counts},
              {"pending_changes", info->pending_changes},
              {"refused_changes", refused_json},
              {"total_changes", info->total_changes},
              {"server", link.is_ok() ? Json(link->host + ":" + std::to_string(link->port)) : Json(nullptr)},
              {"last_sync", link.is_ok() && link->last_sync_ms ? Json(format_time(link->last_sync_ms / 1000)) : Json(nullptr)}};
  if (!with_digest) return status;
  Result<std::string> digest = content_digest(store);
  DEBRIEF_TRY(digest.status());
  status["digest"] = *digest;
  return status;
}

}  // namespace debrief::platform
