// One server process's worth of the product's server logic (sync's
// ServerCore and a SessionCore per connection) over the SQLite server
// store, on a seeded clock. A crash drops everything not committed: the
// sessions, their connections, the core's memory; a restart opens the
// store again from its files.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "debrief/env.h"
#include "rng.h"
#include "session_core.h"
#include "sim_link.h"
#include "trace.h"

namespace debrief::sim {

class SimServer {
 public:
  // What the server hears and says on each device's connection: the
  // invariants look at every frame (but what a lying client pushes).
  struct Taps {
    std::function<void(int device, const sync::pb::Frame&)> heard;
    std::function<void(int device, const sync::pb::Frame&)> says;
  };

  SimServer(std::filesystem::path dir, SeededEnv& env, Trace& trace, Taps taps);
  ~SimServer();
  Status start();
  void crash();
  bool up() const { return core_ != nullptr; }
  // Where its files are: its machine's disk (sim_disk.h).
  const std::filesystem::path& dir() const { return dir_; }

  sync::ServerStore& store() { return *store_; }
  sync::ServerCore& core() { return *core_; }
  // Every line the server logged, for the privacy checks.
  const std::vector<std::string>& log() const { return log_; }

  // A device opens a connection.
  void accept(int device, std::shared_ptr<SimLink> link);
  // Serves one frame waiting on one connection, chosen by `rng`; ends the
  // sessions whose connections closed. False when nothing was waiting.
  bool step(Rng& rng);
  // Runs `request` through a session of its own, as a connection that
  // sends one frame would: enrolment.
  std::vector<sync::pb::Frame> one_frame(const sync::pb::Frame& request);

 private:
  struct Session {
    int device;
    std::shared_ptr<SimLink> link;
    std::unique_ptr<sync::SessionCore> core;
    bool ended = false;  // the server closed it: it reads nothing more from it
  };
  void end(Session& s);
  void send(Session& s, const sync::pb::Frame& f, bool close);
  void drop_closed();

  std::filesystem::path dir_;
  SeededEnv& env_;
  Trace& trace_;
  Taps taps_;
  std::unique_ptr<sync::ServerStore> store_;
  std::unique_ptr<sync::ServerCore> core_;
  std::vector<std::unique_ptr<Session>> sessions_;
  std::vector<std::string> log_;
};

}  // namespace debrief::sim
