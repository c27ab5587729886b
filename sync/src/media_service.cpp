#include "media_service.h"

#include "debrief/media.h"
#include "debrief/fields.h"
#include "debrief/sync/secrets.h"

namespace debrief::sync {
namespace {

constexpr std::size_t kDigestBytes = 32;

bool is_sha256_hex(const std::string& s) {
  if (s.size() != 2 * kDigestBytes) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return true;
}

std::size_t chunk_count(std::int64_t size) {
  return static_cast<std::size_t>((size + static_cast<std::int64_t>(kMediaChunkBytes) - 1) /
                                  static_cast<std::int64_t>(kMediaChunkBytes));
}

pb::Frame refused(pb::Error::Code code, const std::string& why) { return error_frame(code, why); }

pb::Frame failed(const Status& s) {
  return error_frame(s.is_transient() ? pb::Error::BUSY : pb::Error::INTERNAL, s.message(), s.is_transient());
}

}  // namespace

bool is_media_request(const pb::Frame& f) {
  return f.has_media_offer() || f.has_media_chunk() || f.has_media_request() || f.has_chunk_request();
}

pb::Frame MediaService::answer(const pb::Frame& f) {
  announced_ = 0;
  if (f.has_media_offer()) return offer(f.media_offer());
  if (f.has_media_chunk()) return take_chunk(f.media_chunk());
  if (f.has_media_request()) return manifest(f.media_request());
  if (f.has_chunk_request()) return serve_chunk(f.chunk_request());
  return refused(pb::Error::BAD_FRAME, "not a media frame");
}

Result<std::vector<Json>> MediaService::visible_records(const std::string& sha256_hex) {
  Result<std::vector<Json>> records = media_naming(store_.records(), sha256_hex);
  DEBRIEF_TRY(records.status());
  std::vector<Json> out;
  for (Json& r : *records) {
    Change c;
    c.kind = Kind::media;
    c.record = RecordView<Kind::media>(r).id();
    Result<bool> visible = may_receive(store_.records(), who_, c);
    DEBRIEF_TRY(visible.status());
    if (*visible) out.push_back(std::move(r));
  }
  return out;
}

Result<bool> MediaService::sourced(const std::vector<Json>& naming, const std::string& sha256_hex) {
  for (const Json& r : naming) {
    std::optional<Id> attacher = attached_by(store_.records(), r);
    if (!attacher) return true;  // from before media had authors: whoever uploaded it
    Result<bool> uploaded = store_.media().uploaded_whole(*attacher, sha256_hex);
    DEBRIEF_TRY(uploaded.status());
    if (*uploaded) return true;
  }
  return false;
}

const Json* MediaService::record_to_upload(const std::vector<Json>& named) {
  for (const Json& r : named) {
    std::optional<Id> attacher = attached_by(store_.records(), r);
    if (!attacher || *attacher == who_.person) return &r;
  }
  return nullptr;
}

pb::Frame MediaService::offer(const pb::MediaOffer& o) {
  if (!is_sha256_hex(o.sha256())) return refused(pb::Error::BAD_FRAME, "a media offer names no SHA-256");
  Result<std::vector<Json>> named = visible_records(o.sha256());
  if (!named.is_ok()) return failed(named.status());
  // Its size is the one that counts, whatever others' records say.
  const Json* own = record_to_upload(*named);
  if (!own)
    return refused(pb::Error::FORBIDDEN, "no media record of this person's names " + o.sha256() + ": push the record first");
  bool anyones = !attached_by(store_.records(), *own);
  RecordView<Kind::media> medium(*own);
  if (!medium.has("size")) return refused(pb::Error::INVALID, "media " + o.sha256() + " has no size in its record");
  std::int64_t size = medium.integer("size");
  if (static_cast<std::int64_t>(o.size()) != size || size > kMaxMediaBytes)
    return refused(pb::Error::INVALID, "media " + o.sha256() + " is offered with another size than its record's");
  if (static_cast<std::size_t>(o.chunks_size()) != chunk_count(size))
    return refused(pb::Error::INVALID, "media " + o.sha256() + " is offered with the wrong number of chunks");
  BlobManifest m{size, {o.chunks().begin(), o.chunks().end()}};
  for (const std::string& d : m.chunks)
    if (d.size() != kDigestBytes) return refused(pb::Error::BAD_FRAME, "a chunk digest is not 32 bytes");

  pb::Frame reply;
  pb::MediaNeed* need = reply.mutable_media_need();
  need->set_sha256(o.sha256());
  // Whole already, and theirs (or anyone's to send, and whole: it is
  // served through that record whoever sent it): nothing more to send.
  Result<bool> theirs = store_.media().uploaded_whole(who_.person, o.sha256());
  if (!theirs.is_ok()) return failed(theirs.status());
  bool nothing_to_send = *theirs;
  if (!nothing_to_send && anyones) {
    Result<BlobManifest> whole = store_.media().blob(o.sha256());
    if (!whole.is_ok() && whole.status().code() != Code::not_found) return failed(whole.status());
    nothing_to_send = whole.is_ok();
  }
  if (nothing_to_send) {
    need->set_complete(true);
    return reply;
  }
  Result<std::vector<bool>> have = store_.media().uploaded(who_.person, m.chunks);
  if (!have.is_ok()) return failed(have.status());
  // Chunks asked for wait here until they come: a bounded number, or a
  // device offering and never uploading would grow this without end.
  if (expected_.size() + m.chunks.size() > kMaxExpectedChunks)
    return error_frame(pb::Error::BUSY, "too many chunks asked for and not yet uploaded on this connection; upload them first", true);
  for (std::size_t i = 0; i < m.chunks.size(); ++i) {
    if ((*have)[i]) continue;
    need->add_missing(static_cast<std::uint32_t>(i));
    expected_.insert(m.chunks[i]);
  }
  if (need->missing_size() > 0) return reply;
  Status done = complete(o.sha256(), m);
  if (done.code() == Code::invalid_argument) return refused(pb::Error::INVALID, done.message());
  if (!done.is_ok()) return failed(done);
  need->set_complete(true);
  return reply;
}

Status MediaService::complete(const std::string& sha256_hex, const BlobManifest& m) {
  Sha256 whole;
  std::int64_t size = 0;
  for (std::size_t i = 0; i < m.chunks.size(); ++i) {
    Result<std::string> data = store_.media().chunk(m.chunks[i]);
    DEBRIEF_TRY(data.status());
    bool last = i + 1 == m.chunks.size();
    if (!last && data->size() != kMediaChunkBytes) return invalid("media " + sha256_hex + " names a short chunk before its last");
    size += static_cast<std::int64_t>(data->size());
    whole.update(*data);
  }
  if (size != m.size || whole.hex() != sha256_hex) return invalid("the chunks offered do not make up media " + sha256_hex);
  Result<BlobManifest> before = store_.media().blob(sha256_hex);
  if (!before.is_ok() && before.status().code() != Code::not_found) return before.status();
  DEBRIEF_TRY(store_.media().put_blob(who_.person, sha256_hex, m));
  return announce(sha256_hex, !before.is_ok());
}

Status MediaService::announce(const std::string& sha256_hex, bool first) {
  // Written in accept's transaction, so that a store shared by processes
  // appends it to the feed like any accepted change.
  Push reannouncing;
  reannouncing.check = [&](Store& records) {
    Result<std::vector<Json>> media = media_naming(records, sha256_hex);
    DEBRIEF_TRY(media.status());
    for (const Json& m : *media) {
      std::optional<Id> attacher = attached_by(records, m);
      if (attacher ? *attacher != who_.person : !first) continue;
      DEBRIEF_TRY(reannounce(records, Kind::media, RecordView<Kind::media>(m).id()));
    }
    return Status::ok();
  };
  Result<std::int64_t> latest = store_.accept({}, reannouncing);
  DEBRIEF_TRY(latest.status());
  announced_ = *latest;
  return Status::ok();
}

pb::Frame MediaService::take_chunk(const pb::MediaChunk& c) {
  if (!expected_.count(c.hash())) return refused(pb::Error::BAD_FRAME, "a media chunk no offer asked for");
  if (c.data().size() > kMediaChunkBytes || sha256(c.data()) != c.hash())
    return refused(pb::Error::INVALID, "a media chunk does not match its digest");
  Status stored = store_.media().put_chunk(who_.person, c.hash(), c.data());
  if (!stored.is_ok()) return failed(stored);
  expected_.erase(c.hash());
  pb::Frame reply;
  reply.mutable_media_chunk_ack()->set_hash(c.hash());
  return reply;
}

pb::Frame MediaService::manifest(const pb::MediaRequest& r) {
  if (!is_sha256_hex(r.sha256())) return refused(pb::Error::BAD_FRAME, "a media request names no SHA-256");
  Result<std::vector<Json>> named = visible_records(r.sha256());
  if (!named.is_ok()) return failed(named.status());
  Result<bool> sourced_here = sourced(*named, r.sha256());
  if (!sourced_here.is_ok()) return failed(sourced_here.status());
  pb::Frame reply;
  pb::MediaManifest* out = reply.mutable_media_manifest();
  out->set_sha256(r.sha256());
  // A blob no record this device may see names, or none whose author
  // uploaded it, is not available to it, said as for one not uploaded
  // yet: nothing about it (a record naming someone else's hash fetches
  // nothing), and no closed connection for an honest device whose reach
  // shrank (a reflection it saw shared was unshared), which asks again at
  // its next pass.
  if (!*sourced_here) return reply;
  Result<BlobManifest> whole = store_.media().blob(r.sha256());
  if (whole.status().code() == Code::not_found) return reply;  // not uploaded yet
  if (!whole.is_ok()) return failed(whole.status());
  out->set_available(true);
  out->set_size(static_cast<std::uint64_t>(whole->size));
  for (const std::string& d : whole->chunks) {
    *out->add_chunks() = d;
    granted_[d].push_back(r.sha256());
  }
  return reply;
}

pb::Frame MediaService::serve_chunk(const pb::ChunkRequest& r) {
  auto grant = granted_.find(r.hash());
  if (grant == granted_.end()) return refused(pb::Error::FORBIDDEN, "a media chunk of no manifest sent on this connection");
  // Still this device's to see: a reflection may have been unshared since
  // its manifest was sent.
  std::string blob = grant->second.back();
  Result<std::vector<Json>> named = visible_records(blob);
  if (!named.is_ok()) return failed(named.status());
  Result<bool> still = sourced(*named, blob);
  if (!still.is_ok()) return failed(still.status());
  if (!*still) return refused(pb::Error::FORBIDDEN, "media " + blob + " is no longer this device's to see");
  Result<std::string> data = store_.media().chunk(r.hash());
  if (!data.is_ok()) return failed(data.status());
  grant->second.pop_back();
  if (grant->second.empty()) granted_.erase(grant);
  pb::Frame reply;
  reply.mutable_media_chunk()->set_hash(r.hash());
  reply.mutable_media_chunk()->set_data(std::move(*data));
  return reply;
}

}  // namespace debrief::sync
