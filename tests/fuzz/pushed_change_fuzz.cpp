// libFuzzer target: what a server does with a device's push. The input is
// one byte choosing who pushes (FuzzStore::pushers), then a serialized
// PushBatch; its changes are decoded as the session decodes them
// (from_proto) and applied as the server's store applies them (apply_remote
// as the pushing person: every rule of a local write checked, then the
// checked change written and logged).
//
// Every input meets the same store, so runs are reproducible: the batch's
// transaction is always rolled back (ApplyOptions::after fails), and what
// the Store keeps in memory decides no outcome (its clock only stamps, its
// survey cache is by content).
//
// Findings, besides crashes, sanitizer reports and exceptions (the core
// promises none: one that escapes ends the run): an outcome a refused push
// may not have. A refusal is bad input, which the device sets aside for
// good (invalid_argument, not_found, already_exists, too_large, as for a
// local write), or io_error for a change stamped over an hour ahead of
// the server's clock (transient: the device keeps it until its clock is
// right). Any other io_error would have the device retry a change forever;
// corrupt, internal and unsupported_version blame the store or the core.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

#include "debrief/replication.h"
#include "debrief/sync/wire.h"
#include "fuzz_store.h"
#include "pushed_change.h"

namespace {

using namespace debrief;

constexpr char kRolledBack[] = "fuzz: rolled back";

fuzz::FuzzStore& seeded() {
  static fuzz::FuzzStore store;
  return store;
}

// The changes of a batch the session would pass on to the store, or none
// when it would refuse the frame itself.
std::optional<std::vector<WireChange>> decoded(const std::uint8_t* data, std::size_t size) {
  sync::pb::PushBatch batch;
  if (!batch.ParseFromArray(data, static_cast<int>(size))) return std::nullopt;
  if (batch.changes_size() > static_cast<int>(sync::kMaxPushChanges)) return std::nullopt;
  std::vector<WireChange> changes;
  for (const sync::pb::Change& p : batch.changes()) {
    Result<WireChange> c = sync::from_proto(p);
    if (!c.is_ok()) return std::nullopt;
    changes.push_back(std::move(*c));
  }
  return changes;
}

bool any_ahead(Store& store, const std::vector<WireChange>& changes) {
  for (const WireChange& c : changes)
    if (!clock_in_bounds(store, c).is_ok()) return true;
  return false;
}

bool bad_input(Code code) {
  return code == Code::invalid_argument || code == Code::not_found || code == Code::already_exists || code == Code::too_large;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::optional<std::vector<WireChange>> changes = decoded(data + 1, size - 1);
  if (!changes) return 0;
  fuzz::FuzzStore& server = seeded();
  ApplyOptions options;
  options.as_person = server.pushers()[data[0] % server.pushers().size()];
  options.after = [] { return Status(Code::internal, kRolledBack); };
  Status s = apply_remote(server.store(), *changes, options);
  bool accepted = s.code() == Code::internal && s.message() == kRolledBack;
  bool refused = bad_input(s.code()) || (s.code() == Code::io_error && any_ahead(server.store(), *changes));
  if (!accepted && !refused) {
    std::fprintf(stderr, "pushed_change: %s: %s\n", code_name(s.code()), s.message().c_str());
    std::abort();
  }
  return 0;
}
