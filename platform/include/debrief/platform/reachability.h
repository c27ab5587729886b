// Network reachability, as a host reports it: whether the server can be
// reached now, and a callback when that changes. iOS (NWPathMonitor) and
// Android (ConnectivityManager) wrappers implement it in their own
// languages; this is the desktop Linux one, which BackgroundSync uses.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>


namespace debrief::platform {

class Reachability {
 public:
  virtual ~Reachability() = default;
  // Whether the network that reaches the server is up.
  virtual bool reachable() = 0;
  // Calls `changed(now_reachable)` when that changes, on a thread of the
  // implementation's, until the Reachability is destroyed (which waits for
  // a call in progress). One watcher at a time.
  virtual void watch(std::function<void(bool)> changed) = 0;
};

// Desktop Linux: a server on a loopback address is always reachable;
// another needs an interface other than loopback that is up and running
// with an address (getifaddrs), looked at every `period`.
std::unique_ptr<Reachability> linux_reachability(const std::string& host,
                                                 std::chrono::milliseconds period = std::chrono::seconds(2));

// Whether `host` names this machine's loopback (127.0.0.0/8, ::1, localhost).
bool is_loopback_host(const std::string& host);

}  // namespace debrief::platform
