// What every session of one server shares, with no I/O in it: the store,
// the options, the counters, who is subscribed, which sessions are live,
// and the per-device and per-address limits. The Asio server holds one;
// the deterministic simulator (tests/sim) holds one per simulated server
// process, and drives it on its own clock. Internal to sync.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "debrief/records.h"
#include "debrief/sync/server.h"

namespace debrief::sync {

struct ServerCore {
  // `store` must outlive the core.
  ServerCore(ServerStore& store, ServerOptions options);

  ServerStore& store;
  ServerOptions options;
  ServerStats stats;

  // Subscribed sessions, told when any push is accepted.
  std::map<std::uint64_t, std::function<void(std::int64_t latest)>> listeners;
  std::uint64_t next_listener = 0;
  // Tells every subscribed session but `except` that the feed reached
  // `latest`, once per position: a push that added nothing tells nobody
  // (or one device's empty pushes would make every live device pull).
  void tell(std::int64_t latest, std::uint64_t except = 0);
  std::int64_t told = 0;

  // The day ripe anonymous groups were last looked for: a push with no
  // anonymous response looks again only on a new day (an admin may have
  // lowered the threshold).
  std::int64_t pool_checked_day = -1;

  // Authenticated sessions, by id: their device and how to end them, so
  // that a revoked device's sessions end at once.
  struct Live {
    Id device;
    std::function<void()> end;
  };
  std::map<std::uint64_t, Live> live;
  std::uint64_t next_live = 0;
  // Ends every live session of a device the registry says is revoked (by
  // an admin command, maybe in another process). The Asio server calls it
  // every second.
  void sweep_revoked();

  // Open connections per device, for max_connections_per_device.
  std::map<Id, std::uint32_t> connections;
  // True when `device` may make one more request now (counts it).
  bool allow_request(const Id& device);
  // Failed enrolment attempts per address and minute, so that codes
  // cannot be guessed at speed: allow_enrolment is true while an address
  // is under the limit; enrolment_failed counts one.
  bool allow_enrolment(const std::string& address);
  void enrolment_failed(const std::string& address);
  // Forgets the counts of minutes that are over, so that devices and
  // addresses seen once hold no memory for good. The Asio server calls it
  // every second, with sweep_revoked.
  void forget_spent_limits();

  // Writes one structured log line: {"event": ..., "at_ms": ..., fields...}.
  void log(const std::string& event, const Json& fields = Json::object());

 private:
  // A count that starts again each minute, on options.monotonic_ms.
  struct Window {
    std::int64_t start_ms = 0;
    std::uint32_t used = 0;
    bool started = false;
  };
  Window& current(Window& w);
  std::map<Id, Window> requests_;
  std::map<std::string, Window> enrolments_;
};

}  // namespace debrief::sync
