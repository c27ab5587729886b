// The server's side of moving media (protocol version 3): what one
// connection answers to each media frame. Internal to sync.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "debrief/sync/wire.h"
#include "debrief/sync/server_store.h"
#include "debrief/sync/visibility.h"

namespace debrief::sync {

// Whether `f` is one of the media frames a device sends.
bool is_media_request(const pb::Frame& f);

class MediaService {
 public:
  MediaService(ServerStore& store, const Audience& who) : store_(store), who_(who) {}

  // The reply to a media frame from the device: MediaNeed, MediaChunkAck,
  // MediaManifest or MediaChunk; or an Error frame, after which the
  // connection ends. A device may upload a blob that a media record it may
  // see names and its person attached (or one from before media had
  // authors, whose blob anyone may send), with that record's size; the
  // server asks it for every chunk
  // its person has not uploaded (what others uploaded is theirs to know:
  // no chunk is taken as sent, nor its presence told), and keeps the blob
  // as theirs once those chunks make it up. A device may download a blob
  // that a media record it may see names, when that record's author
  // uploaded it (a record naming someone else's hash fetches nothing), for
  // as long as it may see it. Only the chunks an offer on this connection
  // asked for are taken, and only those of manifests sent on it are
  // served.
  pb::Frame answer(const pb::Frame& f);

  // When the last answer made a blob whole: the feed's newest position
  // after its media records were announced again (so that devices which
  // pulled them before the blob was whole fetch it now), else 0.
  std::int64_t announced() const { return announced_; }

 private:
  pb::Frame offer(const pb::MediaOffer& o);
  pb::Frame take_chunk(const pb::MediaChunk& c);
  pb::Frame manifest(const pb::MediaRequest& r);
  pb::Frame serve_chunk(const pb::ChunkRequest& r);
  // The media records naming `sha256_hex` that `who_` may see.
  Result<std::vector<Json>> visible_records(const std::string& sha256_hex);
  // The record of `named` an upload by this device's person is for: one
  // its person attached, or one from before media had authors (anyone may
  // send its blob); null when there is none.
  const Json* record_to_upload(const std::vector<Json>& named);
  // Whether one of `naming` serves the blob `sha256_hex`: its author
  // uploaded it whole (a record from before media had authors: anyone).
  Result<bool> sourced(const std::vector<Json>& naming, const std::string& sha256_hex);
  // Checks that the stored chunks of `m` make up the blob `sha256_hex`, and
  // records it whole.
  Status complete(const std::string& sha256_hex, const BlobManifest& m);
  // Announces again, in the feed, the media records naming `sha256_hex`
  // that are served now that this device's person uploaded it: those they
  // attached, and, when it is whole for the `first` time, those from
  // before media had authors. Others' records stay as they were (and how
  // many there are is not told by how far the feed moves).
  Status announce(const std::string& sha256_hex, bool first);

  ServerStore& store_;
  const Audience& who_;
  std::set<std::string> expected_;          // chunk digests offered and not yet received
  // At most this many: four of the largest blobs (256 MiB) in flight.
  static constexpr std::size_t kMaxExpectedChunks = 4 * 256;
  // Chunk digests this device may still fetch, each with the blob of each
  // manifest that granted it (a chunk may be in several).
  std::map<std::string, std::vector<std::string>> granted_;
  std::int64_t announced_ = 0;
};

}  // namespace debrief::sync
