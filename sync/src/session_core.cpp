#include "session_core.h"

#include "debrief/sync/anonymous_mixing.h"

namespace debrief::sync {
namespace {

bool version_ok(std::uint32_t v) { return v >= kMinProtocolVersion && v <= kProtocolVersion; }

// A push's changes, or invalid_argument when it holds too many or one that
// does not decode.
Result<std::vector<WireChange>> decoded_push(const pb::PushBatch& batch) {
  if (batch.changes_size() > static_cast<int>(kMaxPushChanges))
    return invalid("a push holds at most " + std::to_string(kMaxPushChanges) + " changes, not " +
                   std::to_string(batch.changes_size()));
  std::vector<WireChange> changes;
  for (const pb::Change& p : batch.changes()) {
    Result<WireChange> c = from_proto(p);
    DEBRIEF_TRY(c.status());
    changes.push_back(std::move(*c));
  }
  return changes;
}

}  // namespace

SessionCore::SessionCore(ServerCore& server, std::string peer_address, Unsolicited unsolicited)
    : server_(server), peer_(std::move(peer_address)), unsolicited_(std::move(unsolicited)) {
  ++server_.stats.open_connections;
}

SessionCore::~SessionCore() {
  server_.listeners.erase(listener_id_);
  server_.live.erase(live_id_);
  if (!device_.is_nil()) --server_.connections[device_];
  --server_.stats.open_connections;
}

std::size_t SessionCore::max_frame_bytes() const { return welcomed_ ? kMaxFrameBytes : kMaxFirstFrameBytes; }

SessionCore::Reply SessionCore::open() {
  if (server_.stats.open_connections > static_cast<std::int64_t>(server_.options.max_connections))
    return refuse(pb::Error::BUSY, "too many connections; try again later", true);
  return {};
}

pb::Frame SessionCore::counted(pb::Frame f) {
  server_.stats.bytes_out += static_cast<std::int64_t>(f.ByteSizeLong() + 4);
  return f;
}

SessionCore::Reply SessionCore::reply(pb::Frame f) { return Reply{{counted(std::move(f))}, false}; }

pb::Frame SessionCore::refusal(pb::Error::Code code, const std::string& why, bool transient, const std::string& logged) {
  pb::Frame error = error_frame(code, why, transient);
  ++server_.stats.refused;
  server_.log("refused", {{"device", device_.is_nil() ? "" : device_.hex()}, {"reason", logged.empty() ? why : logged}});
  return counted(std::move(error));
}

SessionCore::Reply SessionCore::refuse(pb::Error::Code code, const std::string& why, bool transient) {
  return Reply{{refusal(code, why, transient)}, true};
}

SessionCore::Reply SessionCore::on_frame(const Result<pb::Frame>& frame) {
  if (!frame.is_ok()) {
    if (frame.status().code() == Code::io_error) return Reply{{}, true};
    return refuse(pb::Error::BAD_FRAME, frame.status().message());
  }
  server_.stats.bytes_in += static_cast<std::int64_t>(frame->ByteSizeLong() + 4);
  try {
    return welcomed_ ? serve(*frame) : serve_first(*frame);
  } catch (const std::exception& e) {
    return refuse(pb::Error::INTERNAL, std::string("the server could not handle that request: ") + e.what());
  }
}

SessionCore::Reply SessionCore::serve_first(const pb::Frame& f) {
  if (f.has_enroll_request()) {
    Reply r = enroll(f.enroll_request());
    r.close = true;  // an enrolment is all a session does
    return r;
  }
  if (!f.has_hello()) return refuse(pb::Error::BAD_FRAME, "the first frame must be a hello or an enrolment");
  return hello(f.hello());
}

SessionCore::Reply SessionCore::serve(const pb::Frame& f) {
  if (f.has_bye()) return Reply{{}, true};
  if (f.has_subscribe() && version_ >= 2) {
    // The first subscribes and is free; a repeat changes nothing and counts
    // as a request, so that a flood of them is refused like any other.
    if (listener_id_ && !server_.allow_request(device_)) return too_many_requests();
    subscribe();
    return {};
  }
  bool media = version_ >= kMediaProtocolVersion && is_media_request(f);
  if (!f.has_push() && !f.has_pull() && !media) return refuse(pb::Error::BAD_FRAME, "unexpected frame");
  // Chunks are not counted: an offer or a manifest, which are, bounds them.
  bool chunk = f.has_media_chunk() || f.has_chunk_request();
  if (!chunk && !server_.allow_request(device_)) return too_many_requests();
  if (media) return answer_media(f);
  if (f.has_push()) return push(f.push());
  return pull(f.pull());
}

SessionCore::Reply SessionCore::too_many_requests() {
  return refuse(pb::Error::BUSY, "too many requests from this device; try again in a minute", true);
}

void SessionCore::notify(std::int64_t latest) {
  pb::Frame f;
  f.mutable_notify()->set_latest(static_cast<std::uint64_t>(latest));
  unsolicited_(counted(std::move(f)), false);
}

void SessionCore::subscribe() {
  if (listener_id_) return;
  listener_id_ = ++server_.next_listener;
  server_.listeners[listener_id_] = [this](std::int64_t latest) { notify(latest); };
}

void SessionCore::end(const std::string& why) {
  server_.log("ended", {{"device", device_.hex()}, {"reason", why}});
  server_.live.erase(live_id_);
  server_.listeners.erase(listener_id_);
  unsolicited_(counted(error_frame(pb::Error::UNAUTHENTICATED, why, false)), true);
}

SessionCore::Reply SessionCore::enroll(const pb::EnrollRequest& req) {
  if (!server_.allow_enrolment(peer_))
    return refuse(pb::Error::BUSY, "too many enrolment attempts from this address; try again in a minute", true);
  if (!version_ok(req.protocol_version()))
    return refuse(pb::Error::VERSION, "protocol version " + std::to_string(req.protocol_version()) + " is not supported");
  Result<Id> device = id_of(req.device_id());
  if (!device.is_ok()) return refuse(pb::Error::BAD_FRAME, device.status().message());
  Result<EnrolledDevice> e = server_.store.registry().enroll(req.code(), *device, req.device_name());
  if (!e.is_ok()) {
    server_.enrolment_failed(peer_);
    return refuse(pb::Error::UNAUTHENTICATED, e.status().message());
  }
  pb::Frame f;
  auto* r = f.mutable_enroll_reply();
  r->set_device_id(req.device_id());
  r->set_device_secret(e->secret);
  r->set_person_id(bytes_of(e->person));
  server_.log("enrolled", {{"device", device->hex()}, {"person", e->person.hex()}});
  return reply(std::move(f));
}

SessionCore::Reply SessionCore::hello(const pb::Hello& h) {
  if (!version_ok(h.protocol_version()))
    return refuse(pb::Error::VERSION, "protocol version " + std::to_string(h.protocol_version()) + " is not supported");
  Result<Id> device = id_of(h.device_id());
  Result<Id> person = device.is_ok() ? server_.store.registry().authenticate(*device, h.device_secret()) : device.status();
  if (!person.is_ok()) return refuse(pb::Error::UNAUTHENTICATED, person.status().message());
  device_ = *device;
  live_id_ = ++server_.next_live;
  server_.live[live_id_] = {device_, [this] { end("this device was revoked"); }};
  if (++server_.connections[device_] > server_.options.max_connections_per_device)
    return refuse(pb::Error::BUSY, "too many connections from this device; try again later", true);
  Result<std::int64_t> latest = server_.store.catch_up();  // the person may have arrived through another process
  Result<bool> listed = latest.is_ok() ? in_directory(server_.store.records(), *person) : latest.status();
  if (listed.is_ok() && !*listed)
    return refuse(pb::Error::UNAUTHENTICATED, "this device's person is no longer in the organisation's directory");
  Result<Audience> audience = listed.is_ok() ? Audience::of(server_.store.records(), *person) : listed.status();
  if (!audience.is_ok()) return refuse(pb::Error::INTERNAL, audience.status().message(), true);
  audience_ = std::move(*audience);
  welcomed_ = true;
  pb::Frame w;
  version_ = std::min(h.protocol_version(), kProtocolVersion);
  w.mutable_welcome()->set_protocol_version(version_);
  w.mutable_welcome()->set_server_version(kAppVersion);
  w.mutable_welcome()->set_person_id(bytes_of(*person));
  w.mutable_welcome()->set_latest(static_cast<std::uint64_t>(*latest));
  Result<std::int64_t> feed = server_.store.feed_id();
  if (feed.is_ok()) w.mutable_welcome()->set_feed_id(static_cast<std::uint64_t>(*feed));
  server_.log("hello", {{"device", device_.hex()}, {"version", h.protocol_version()}});
  return reply(std::move(w));
}

// Applies a batch atomically, every change checked as a write by the
// device's person (ServerStore::accept); refuses it whole when one change
// is refused. Anonymous responses go to the pool instead of the feed
// (anonymous_mixing.h), apart from the participations that say who
// answered.
SessionCore::Reply SessionCore::push(const pb::PushBatch& batch) {
  Result<std::vector<WireChange>> decoded = decoded_push(batch);
  if (!decoded.is_ok()) return refuse(pb::Error::INVALID, decoded.status().message());
  std::vector<WireChange>& changes = *decoded;
  Result<Pooling> pooling = Pooling::of(server_.store, changes);
  bool forged = false;
  std::size_t refused_at = 0;
  Push from_device;
  from_device.person = audience_.person;
  from_device.refused_at = &refused_at;
  from_device.check = [&](Store&) {
    for (std::size_t i = 0; i < changes.size(); ++i)
      if (Status s = stamped_by(device_, changes[i]); !s.is_ok()) return forged = true, refused_at = i + 1, s;
    return Status::ok();
  };
  std::int64_t today = server_.store.records().env().now_ms() / 86400000;
  if (pooling.is_ok()) {
    from_device.divert = [&](const WireChange& c) { return pooling->divert(c); };
    from_device.settle = [&] { return pool_anonymous(server_.store, pooling->fresh, today); };
  }
  Result<std::int64_t> latest = pooling.is_ok() ? server_.store.accept(changes, from_device) : pooling.status();
  if (!latest.is_ok()) return refused_push(latest.status(), forged, refused_at, changes);
  std::int64_t announced = release_if_due(*latest, !pooling->fresh.empty(), today);
  server_.stats.changes_applied += static_cast<std::int64_t>(changes.size());
  server_.tell(announced, listener_id_);
  server_.log("push", {{"device", device_.hex()}, {"changes", changes.size()}, {"batch", batch.batch_id()}});
  pb::Frame ack;
  ack.mutable_push_ack()->set_batch_id(batch.batch_id());
  ack.mutable_push_ack()->set_applied(static_cast<std::uint32_t>(changes.size()));
  return reply(std::move(ack));
}

// Releases the pool's ripe groups after a batch that pooled answers, and
// after the first batch of a day. The batch is safe whether or not that
// succeeds: a failure is logged and tried again at the next push.
std::int64_t SessionCore::release_if_due(std::int64_t latest, bool pooled, std::int64_t today) {
  if (!pooled && today == server_.pool_checked_day) return latest;
  server_.pool_checked_day = today;
  Result<std::int64_t> released = release_ripe(server_.store);
  if (released.is_ok()) return std::max(latest, *released);
  server_.pool_checked_day = -1;
  server_.log("release_failed", {{"reason", released.status().message()}});
  return latest;
}

// One change refused for good (the `refused_at`th, from 1): the device sets
// it aside and goes on on this connection; a forged stamp, or anything
// else, ends it. The device hears which of its changes was refused; the
// log, beside the device's id, never names an anonymous response.
SessionCore::Reply SessionCore::refused_push(const Status& s, bool forged, std::size_t refused_at,
                                             const std::vector<WireChange>& changes) {
  bool transient = !forged && s.is_transient();
  std::string logged = s.message();
  if (refused_at > 0 && is_anonymous_response(changes[refused_at - 1]))
    for (std::string id = changes[refused_at - 1].record.hex(); logged.find(id) != std::string::npos;)
      logged.replace(logged.find(id), id.size(), "an anonymous response");
  pb::Frame no = refusal(forged ? pb::Error::FORBIDDEN : transient ? pb::Error::BUSY : pb::Error::INVALID, s.message(),
                         transient, logged);
  if (!transient) no.mutable_error()->set_refused_change(static_cast<std::uint32_t>(refused_at));
  return Reply{{std::move(no)}, transient || refused_at == 0};
}

SessionCore::Reply SessionCore::answer_media(const pb::Frame& f) {
  pb::Frame answer = media_.answer(f);
  if (answer.has_error()) return refuse(answer.error().code(), answer.error().message(), answer.error().transient());
  if (answer.has_media_need())
    server_.log("media_offer", {{"device", device_.hex()}, {"sha256", answer.media_need().sha256()},
                                {"missing", answer.media_need().missing_size()}, {"complete", answer.media_need().complete()}});
  if (answer.has_media_manifest())
    server_.log("media_request", {{"device", device_.hex()}, {"sha256", answer.media_manifest().sha256()},
                                  {"available", answer.media_manifest().available()}});
  if (media_.announced()) server_.tell(media_.announced(), listener_id_);
  if (answer.has_media_chunk_ack()) server_.stats.media_bytes_in += static_cast<std::int64_t>(f.media_chunk().data().size());
  if (answer.has_media_chunk()) server_.stats.media_bytes_out += static_cast<std::int64_t>(answer.media_chunk().data().size());
  return reply(std::move(answer));
}

SessionCore::Reply SessionCore::pull(const pb::PullRequest& req) {
  std::uint32_t limit = std::min(req.max_changes() ? req.max_changes() : server_.options.max_pull_batch,
                                 server_.options.max_pull_batch);
  Result<FeedBatch> batch = server_.store.feed(audience_.person, static_cast<std::int64_t>(req.cursor()), limit);
  if (!batch.is_ok()) return refuse(pb::Error::INTERNAL, batch.status().message(), true);
  audience_ = std::move(batch->audience);  // an admin may have changed what this person manages
  pb::Frame f;
  pb::PullBatch* out = f.mutable_pull_batch();
  // A batch ends where its bytes would pass kMaxBatchBytes: what a change
  // holds is bounded, how many fit in a frame is not.
  std::size_t bytes = 0, n = 0;
  for (; n < batch->changes.size(); ++n) {
    pb::Change c = to_proto(batch->changes[n]);
    std::size_t size = c.ByteSizeLong() + 8;  // with its tag and length
    if (n > 0 && bytes + size > kMaxBatchBytes) break;
    bytes += size;
    *out->add_changes() = std::move(c);
  }
  bool cut = n < batch->changes.size();
  out->set_cursor(static_cast<std::uint64_t>(cut ? batch->seqs[n - 1] : batch->cursor));
  out->set_more(cut || batch->more);
  server_.stats.changes_sent += out->changes_size();
  server_.log("pull", {{"device", device_.hex()}, {"changes", out->changes_size()}, {"cursor", out->cursor()}});
  return reply(std::move(f));
}

}  // namespace debrief::sync
