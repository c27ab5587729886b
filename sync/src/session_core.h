// One connection's session, with no I/O in it: frames in, frames out. The
// Asio server reads frames off TLS and writes back what on_frame returns;
// the deterministic simulator (tests/sim) does the same over its simulated
// network. Internal to sync.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "debrief/sync/wire.h"
#include "debrief/sync/visibility.h"
#include "media_service.h"
#include "server_core.h"

namespace debrief::sync {

class SessionCore {
 public:
  // What the connection does next: writes `frames` in order, then closes
  // if `close`.
  struct Reply {
    std::vector<pb::Frame> frames;
    bool close = false;
  };
  // Sends a frame nobody asked for: a Notify to a subscribed device, or
  // the refusal that ends a revoked device's session (`close` then).
  using Unsolicited = std::function<void(const pb::Frame&, bool close)>;

  // Counts an open connection in `server` until destroyed. `peer_address`
  // is whom the enrolment limit counts ("" if unknown).
  SessionCore(ServerCore& server, std::string peer_address, Unsolicited unsolicited);
  ~SessionCore();
  SessionCore(const SessionCore&) = delete;
  SessionCore& operator=(const SessionCore&) = delete;

  // Once the connection is up: BUSY (and close) when the server is full.
  Reply open();
  // A frame read, or why none could be (io_error: the connection ended;
  // anything else: the bytes were not a frame). Never throws: a bug that
  // throws ends the session with an INTERNAL refusal.
  Reply on_frame(const Result<pb::Frame>& frame);
  // The largest frame to read next: small until the device said hello.
  std::size_t max_frame_bytes() const;

 private:
  Reply serve(const pb::Frame& f);
  Reply serve_first(const pb::Frame& f);
  Reply enroll(const pb::EnrollRequest& req);
  Reply hello(const pb::Hello& h);
  Reply push(const pb::PushBatch& batch);
  std::int64_t release_if_due(std::int64_t latest, bool pooled, std::int64_t today);
  Reply refused_push(const Status& s, bool forged, std::size_t refused_at, const std::vector<WireChange>& changes);
  Reply pull(const pb::PullRequest& req);
  Reply answer_media(const pb::Frame& f);
  void subscribe();
  void notify(std::int64_t latest);
  void end(const std::string& why);
  // An Error frame, counted and logged (as `logged`, if given, else `why`).
  pb::Frame refusal(pb::Error::Code code, const std::string& why, bool transient = false, const std::string& logged = "");
  pb::Frame counted(pb::Frame f);
  Reply refuse(pb::Error::Code code, const std::string& why, bool transient = false);
  // BUSY: the device is over max_requests_per_minute.
  Reply too_many_requests();
  Reply reply(pb::Frame f);

  ServerCore& server_;
  std::string peer_;
  Unsolicited unsolicited_;
  bool welcomed_ = false;
  std::uint32_t version_ = kProtocolVersion;
  std::uint64_t listener_id_ = 0;
  std::uint64_t live_id_ = 0;
  Id device_;
  Audience audience_;
  MediaService media_{server_.store, audience_};
};

}  // namespace debrief::sync
