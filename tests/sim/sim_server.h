// The server side of a world: one to three server processes' worth of the
// product's server logic (sync's ServerCore, and a SessionCore per
// connection), each with its own connections to one server store, on a
// seeded clock: the SQLite store, as processes sharing a data directory
// are, or the PostgreSQL store, as processes sharing a database are (each
// with its records cache on the machine's disk). A crash of a process
// drops everything it had not committed: its sessions, their connections,
// its memory; a restart opens the store again. A power cut of the machine
// crashes them all; the database, on a machine of its own, keeps what it
// committed.
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

  // On the SQLite store under `dir`, or when `database` (a PostgreSQL URL)
  // is not empty, on the PostgreSQL store there.
  SimServer(std::filesystem::path dir, std::string database, int processes, SeededEnv& env, Trace& trace, Taps taps);
  ~SimServer();
  // Starts every process that is down.
  Status start();
  // Crashes every process (the machine stops).
  void crash();
  // Crashes process `p` and starts it again.
  Status restart(int p);
  int processes() const { return static_cast<int>(processes_.size()); }
  bool up() const;
  // Where its files are: its machine's disk (sim_disk.h).
  const std::filesystem::path& dir() const { return dir_; }

  // The store, as the first process that is up holds it, caught up with
  // what every process accepted, as an admin command's newly opened store
  // is (the admin's tools and the invariants read it).
  sync::ServerStore& store();
  // Every process's store that is up, each caught up: on PostgreSQL each
  // has its own records cache, and all must hold the same records.
  std::vector<sync::ServerStore*> stores();
  // Ends the sessions of revoked devices in every process.
  void sweep_revoked();
  // Every line any process logged, for the privacy checks.
  const std::vector<std::string>& log() const { return log_; }

  // A device opens a connection to process `p` (refused when it is down).
  void accept(int p, int device, std::shared_ptr<SimLink> link);
  // Serves one frame waiting on one connection of any process, chosen by
  // `rng`; ends the sessions whose connections closed. False when nothing
  // was waiting.
  bool step(Rng& rng);
  // Runs `request` through a session of its own on the first process that
  // is up, as a connection that sends one frame would: enrolment.
  std::vector<sync::pb::Frame> one_frame(const sync::pb::Frame& request);

 private:
  struct Session {
    int device;
    std::shared_ptr<SimLink> link;
    std::unique_ptr<sync::SessionCore> core;
    bool ended = false;  // the server closed it: it reads nothing more from it
  };
  struct Process {
    std::unique_ptr<sync::ServerStore> store;
    std::unique_ptr<sync::ServerCore> core;
    std::vector<std::unique_ptr<Session>> sessions;
  };
  Process* first_up();
  Result<std::unique_ptr<sync::ServerStore>> open(std::size_t process);
  void stop(Process& p);
  void send(Session& s, const sync::pb::Frame& f, bool close);
  void end(Session& s);
  void drop_closed();

  std::filesystem::path dir_;
  std::string database_;
  SeededEnv& env_;
  Trace& trace_;
  Taps taps_;
  std::vector<Process> processes_;
  std::vector<std::string> log_;
};

}  // namespace debrief::sim
