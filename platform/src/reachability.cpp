#include "debrief/platform/reachability.h"

#include <ifaddrs.h>
#include <net/if.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace debrief::platform {
namespace {

bool interface_up() {
  ifaddrs* all = nullptr;
  if (getifaddrs(&all) != 0) return true;  // cannot tell: let the connection attempt decide
  bool up = false;
  for (ifaddrs* i = all; i && !up; i = i->ifa_next)
    up = i->ifa_addr && (i->ifa_flags & IFF_UP) && (i->ifa_flags & IFF_RUNNING) && !(i->ifa_flags & IFF_LOOPBACK);
  freeifaddrs(all);
  return up;
}

class LinuxReachability final : public Reachability {
 public:
  LinuxReachability(bool loopback, std::chrono::milliseconds period) : loopback_(loopback), period_(period) {}
  ~LinuxReachability() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  bool reachable() override { return loopback_ || interface_up(); }

  void watch(std::function<void(bool)> changed) override {
    if (loopback_ || thread_.joinable()) return;  // loopback never changes
    thread_ = std::thread([this, changed = std::move(changed)] {
      bool last = reachable();
      std::unique_lock lock(mu_);
      while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
        lock.unlock();
        bool now = reachable();
        if (now != last) changed(now);
        last = now;
        lock.lock();
      }
    });
  }

 private:
  const bool loopback_;
  const std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::unique_ptr<Reachability> linux_reachability(const std::string& host, std::chrono::milliseconds period) {
  return std::make_unique<LinuxReachability>(is_loopback_host(host), period);
}

}  // namespace debrief::platform
