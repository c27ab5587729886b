// What must hold in every world, checked while it runs (on every frame the
// server hears and says, after every step) and at its end. The privacy
// oracles are written here from the rules (docs/privacy.md,
// sync/proto/PROTOCOL.md section 6), not with the product's own checks, so that a broken rule is
// not mirrored by the check that should catch it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "debrief/replication.h"
#include "debrief/sync/wire.h"
#include "directory.h"
#include "sim_device.h"
#include "sim_server.h"

namespace debrief::sim {

struct Failure {
  std::string invariant;  // empty: none
  std::string detail;
  std::int64_t step = 0;
};

class Invariants {
 public:
  Invariants(SimServer& server, const Directory& dir, Trace& trace) : server_(server), dir_(dir), trace_(trace) {}

  // A device of `person` joined the world.
  void enrolled(int device, const Id& device_id, const Id& person) {
    people_[device] = person;
    owners_[device_id] = person;
  }

  // The admin revoked the device: from now on the server welcomes it no
  // more, and sends it nothing but an error.
  void revoked(int device) { revoked_.insert(device); }
  bool is_revoked(int device) const { return revoked_.count(device) > 0; }

  // The server's taps.
  void heard(int device, const sync::pb::Frame& f);
  void says(int device, const sync::pb::Frame& f);
  // After a step: pull cursors never go back.
  void after_step(std::vector<SimDevice*> devices);
  // An anonymous response a device created: its id must appear in no
  // server log line.
  void anonymous_created(const Id& response) { anonymous_.insert(response); }
  // At the end, all quiet: nothing acknowledged is lost, as many answers
  // as people who answered are held, the server keeps
  // nothing that names an anonymous author (in its records' change log or
  // its feed), every server process holds the same records, and every
  // device of each person holds what a fresh device of theirs (its
  // witness) received.
  void at_end(const std::vector<SimDevice*>& devices, const std::map<Id, SimDevice*>& witnesses);

  void fail(const std::string& invariant, const std::string& detail);
  const Failure& failure() const { return failure_; }
  bool failed() const { return !failure_.invariant.empty(); }

 private:
  void check_pulled(int device, const WireChange& c);
  void check_anonymous(const std::string& where, const WireChange& c);
  std::int64_t group_size(const Json& response);
  void check_converged(SimDevice& device, SimDevice& witness);
  void check_blob_reach(int device, const std::string& sha256);
  void check_blobs(SimDevice& device, SimDevice& witness);
  void check_change_log();
  void check_feed();
  void check_caches();
  void check_voices();

  SimServer& server_;
  const Directory& dir_;
  std::map<int, Id> people_;
  std::map<Id, Id> owners_;  // device id: its person
  Trace& trace_;
  Failure failure_;
  std::map<int, sync::pb::PushBatch> pushed_;          // the last batch each device pushed
  std::set<std::pair<Kind, Id>> acked_;                // records whose creation the server acknowledged
  std::map<int, std::pair<std::int64_t, std::int64_t>> cursors_;  // device: (feed, cursor)
  std::set<Id> anonymous_;
  std::set<int> revoked_;
  std::map<int, std::set<std::pair<Kind, Id>>> refused_;  // device: the records of changes the server refused for good
};

}  // namespace debrief::sim
