// LISTEN on the feed's channel from a server process's io thread: a
// connection of its own whose socket asio watches, so that changes another
// process appends reach this process's subscribed devices at once.
#pragma once

#include <utility>  // before Boost.Asio 1.74, whose awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace debrief::sync::pg {

class Listener {
 public:
  // Calls `changed(latest)` on `io`'s thread for each notification from a
  // process other than `process`. A lost connection is opened again after
  // a second, for as long as the Listener lives.
  Listener(boost::asio::io_context& io, std::string url, std::string process,
           std::function<void(std::int64_t latest)> changed);
  ~Listener();

 private:
  struct State;
  std::shared_ptr<State> state_;  // shared with the pending waits, which end when it is gone
};

}  // namespace debrief::sync::pg
