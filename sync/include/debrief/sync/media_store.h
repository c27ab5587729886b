// Where the server keeps media (photos, videos): content-addressed chunks,
// each stored once under its SHA-256 whatever blobs share it, and each
// blob's chunk list once every chunk is there and the whole has been
// checked against the blob's own SHA-256. Behind ServerStore::media(): a
// SQLite file (media.db under --data) or tables in PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief::sync {

// A whole blob: its size and its chunks' 32-byte SHA-256 digests in order.
struct BlobManifest {
  std::int64_t size = 0;
  std::vector<std::string> chunks;
};

// Who has sent what is kept too: a device learns which chunks the server
// holds only from what its own person uploaded, and a blob goes out only
// through a media record whose author uploaded it whole (media_service.h).
class MediaStore {
 public:
  virtual ~MediaStore() = default;

  // For each digest, whether `person` uploaded that chunk.
  virtual Result<std::vector<bool>> uploaded(const Id& person, const std::vector<std::string>& digests) = 0;
  // Stores `data` under `digest` (the caller has checked that it is data's
  // SHA-256) as uploaded by `person`, durably once it returns; storing a
  // chunk again changes nothing but who uploaded it.
  virtual Status put_chunk(const Id& person, const std::string& digest, const std::string& data) = 0;
  // A stored chunk; not_found when there is none.
  virtual Result<std::string> chunk(const std::string& digest) = 0;

  // Records that the blob `sha256_hex` is whole (the caller has checked
  // it) and that `person` uploaded all of it; recording it again changes
  // nothing but who uploaded it.
  virtual Status put_blob(const Id& person, const std::string& sha256_hex, const BlobManifest& manifest) = 0;
  // A whole blob's manifest; not_found when the blob is not (yet) whole.
  virtual Result<BlobManifest> blob(const std::string& sha256_hex) = 0;
  // Whether `person` uploaded the whole blob `sha256_hex`.
  virtual Result<bool> uploaded_whole(const Id& person, const std::string& sha256_hex) = 0;

  // The whole blobs kept from before the store kept who uploaded what,
  // until settle_old_blobs has run; then none.
  virtual Result<std::vector<std::string>> old_blobs() = 0;
  // Records, once, that each (person, sha256_hex) of `uploads` uploaded
  // that old blob whole, and that the old blobs are settled: a second call
  // changes nothing (server_store.h, settle_old_blobs).
  virtual Status settle_old_blobs(const std::vector<std::pair<Id, std::string>>& uploads) = 0;
};

// The chunk digests of a manifest, concatenated (how both stores keep
// them), and back; nullopt when `packed` is not a whole number of digests.
std::string pack_digests(const std::vector<std::string>& digests);
std::optional<std::vector<std::string>> unpack_digests(const std::string& packed);

}  // namespace debrief::sync
