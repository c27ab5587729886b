// The desktop's reachability: a loopback server is always reachable, and
// its watcher has nothing to report.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>

#include "debrief/platform/reachability.h"

using namespace debrief::platform;

TEST_CASE("loopback hosts are recognised, others are not", "[platform]") {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "localhost"}) CHECK(is_loopback_host(host));
  for (const char* host : {"10.0.0.1", "debrief.example", "::2", "128.0.0.1"}) CHECK_FALSE(is_loopback_host(host));
}

TEST_CASE("a server on loopback is reachable and its watcher never calls", "[platform]") {
  std::atomic<int> calls{0};
  {
    auto r = linux_reachability("127.0.0.1", std::chrono::milliseconds(5));
    CHECK(r->reachable());
    r->watch([&](bool) { ++calls; });
  }
  CHECK(calls == 0);
}
