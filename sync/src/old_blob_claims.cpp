// Who uploaded the blobs made whole before the server kept it (media_store.h).
#include "debrief/records.h"
#include "debrief/sync/server_store.h"

namespace debrief::sync {

Status claim_old_blobs(ServerStore& store) {
  Result<std::vector<std::string>> unclaimed = store.media().unclaimed_blobs();
  DEBRIEF_TRY(unclaimed.status());
  for (const std::string& sha256_hex : *unclaimed) {
    ListOptions naming;
    naming.where.emplace_back("sha256", sha256_hex);
    Result<std::vector<Json>> media = list(store.records(), Kind::media, naming);
    DEBRIEF_TRY(media.status());
    for (const Json& m : *media)
      if (std::optional<Id> author = id_member(m, "author")) DEBRIEF_TRY(store.media().claim(*author, sha256_hex));
  }
  return Status::ok();
}

}  // namespace debrief::sync
