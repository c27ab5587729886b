// The blobs made whole before the server kept who uploaded what
// (server_store.h, settle_old_blobs).
#include "debrief/media.h"
#include "debrief/sync/server_store.h"

namespace debrief::sync {

Status settle_old_blobs(ServerStore& store) {
  Result<std::vector<std::string>> old = store.media().old_blobs();
  DEBRIEF_TRY(old.status());
  std::vector<std::pair<Id, std::string>> uploads;
  for (const std::string& sha256_hex : *old) {
    Result<std::vector<Json>> media = media_naming(store.records(), sha256_hex);
    DEBRIEF_TRY(media.status());
    for (const Json& m : *media)
      if (std::optional<Id> attacher = attached_by(store.records(), m)) uploads.emplace_back(*attacher, sha256_hex);
  }
  return store.media().settle_old_blobs(uploads);
}

}  // namespace debrief::sync
