#include "server_core.h"

#include <iostream>
#include <set>
#include <vector>

namespace debrief::sync {

ServerCore::ServerCore(ServerStore& store_, ServerOptions options_) : store(store_), options(std::move(options_)) {
  if (!options.log) options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  if (!options.monotonic_ms)
    options.monotonic_ms = [] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    };
}

void ServerCore::log(const std::string& event, const Json& fields) {
  Json line = fields;
  line["event"] = event;
  line["at_ms"] = store.records().env().now_ms();
  options.log(line.dump());
}

void ServerCore::tell(std::int64_t latest, std::uint64_t except) {
  if (latest <= told) return;
  told = latest;
  for (const auto& [id, notify] : listeners)
    if (id != except) notify(latest);
}

void ServerCore::sweep_revoked() {
  if (live.empty()) return;
  Result<std::set<Id>> revoked = store.registry().revoked_devices();
  if (!revoked.is_ok()) return;  // looked at again at the next sweep
  // Ending a session erases it from `live`: collect first.
  std::vector<std::function<void()>> ending;
  for (const auto& [id, session] : live)
    if (revoked->count(session.device)) ending.push_back(session.end);
  for (const auto& end : ending) end();
}

ServerCore::Window& ServerCore::current(Window& w) {
  std::int64_t now = options.monotonic_ms();
  if (!w.started || now - w.start_ms >= 60'000) w = Window{now, 0, true};
  return w;
}

bool ServerCore::allow_request(const Id& device) {
  return ++current(requests_[device]).used <= options.max_requests_per_minute;
}

// Failed enrolment attempts one address may make in a minute.
constexpr std::uint32_t kFailedEnrolmentsPerMinute = 10;

bool ServerCore::allow_enrolment(const std::string& address) {
  return current(enrolments_[address]).used < kFailedEnrolmentsPerMinute;
}

void ServerCore::enrolment_failed(const std::string& address) { ++current(enrolments_[address]).used; }

void ServerCore::forget_spent_limits() {
  std::int64_t now = options.monotonic_ms();
  auto spent = [&](const Window& w) { return now - w.start_ms >= 60'000; };
  std::erase_if(requests_, [&](const auto& entry) { return spent(entry.second); });
  std::erase_if(enrolments_, [&](const auto& entry) { return spent(entry.second); });
  stats.limits_held = static_cast<std::int64_t>(requests_.size() + enrolments_.size());
}

}  // namespace debrief::sync
