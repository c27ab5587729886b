// What the server keeps, behind one interface: the organisation's records
// as devices send them, the feed of changes that devices pull (its
// positions are the cursors devices hold), the device registry, media, and
// the pool of anonymous responses waiting to join the feed. The SQLite
// store (a core Store holding the pool too, devices.db and media.db under
// --data DIR)
// is the default; the PostgreSQL store lets several server processes share
// one database.
//
// Used from one thread at a time (the server's io thread, or an admin
// command).
#pragma once


#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "debrief/replication.h"
#include "debrief/store.h"
#include "debrief/sync/anonymous_pool.h"
#include "debrief/sync/device_registry.h"
#include "debrief/sync/media_store.h"
#include "debrief/sync/tls_identity.h"
#include "debrief/sync/visibility.h"

// The event loop a store that others write to reports on (watch); only a
// reference travels here, so the header needs no Asio.
namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace debrief::sync {

struct FeedBatch {
  std::vector<WireChange> changes;  // those the audience may receive, oldest first
  std::int64_t cursor = 0;          // where the next batch starts
  bool more = false;                // whether changes after `cursor` exist already
  Audience audience = {};           // feed(): whom the batch was read for, as of the batch
  std::vector<std::int64_t> seqs = {};  // feed(): each change's position in the feed, as `changes`
};

// How a batch is accepted (ServerStore::accept).
struct Push {
  // Whose device pushed it; nothing for changes the server itself vouches
  // for (a pool's release, an admin's edit).
  std::optional<Id> person = {};
  // Checks first, on the up-to-date records (which device stamped what).
  std::function<Status(Store&)> check = {};
  // As ApplyOptions::divert: checked changes the caller keeps out of the
  // records (anonymous responses, for the pool).
  std::function<Result<Diverted>(const WireChange&)> divert = {};
  // As ApplyOptions::failed_at: which change was refused.
  std::size_t* refused_at = nullptr;
  // Runs once every change is applied, in the batch's transaction, before
  // it commits: the pool takes the diverted answers there (in the SQLite
  // store's own file, or in PostgreSQL beside the feed the batch appends
  // to), so that an answer and the voice it records commit together or not
  // at all. A pool written after the commit
  // could fail with the voices recorded: the device's retry would then be
  // refused as a second answer, and the answer lost.
  std::function<Status()> settle = {};
};

class ServerStore {
 public:
  virtual ~ServerStore() = default;

  // The organisation's records as a core Store, with every change accepted
  // so far (after catch_up): what the privacy rules read, and what admin
  // commands edit before they publish().
  virtual Store& records() = 0;
  virtual DeviceRegistry& registry() = 0;
  // The media blobs devices uploaded.
  virtual MediaStore& media() = 0;
  // Anonymous responses waiting to join the feed.
  virtual AnonymousPool& pool() = 0;

  // Brings records() up to date with changes accepted elsewhere (another
  // server process); returns the feed's newest position.
  virtual Result<std::int64_t> catch_up() = 0;

  // Accepts a batch, all or nothing: runs `push.check` on the up-to-date
  // records, applies the batch by the merge rules (checking each change as
  // a write by `push.person`, replication.h's ApplyOptions::as_person),
  // and announces again the groups of responses
  // it brings to the anonymity threshold. Returns the feed's newest
  // position. A refusal comes back as its own Status, with nothing changed.
  virtual Result<std::int64_t> accept(const std::vector<WireChange>& changes, const Push& push) = 0;

  // The changes after `cursor` that `person` may receive, scanning at most
  // `limit` of the feed. What the person may receive (their Audience: an
  // admin may have given them a team since) is read on the same view of
  // the records as the feed, after what other processes published: a
  // change that widens their reach and the changes it releases are
  // either both in the batch or both after it, never split.
  virtual Result<FeedBatch> feed(const Id& person, std::int64_t cursor, std::int64_t limit) = 0;

  // Publishes what admin commands changed directly in records(), so that
  // devices (and other server processes) receive it, with what it
  // releases (release_withheld: a team's new manager receives what the
  // team gave before).
  virtual Status publish() = 0;

  // The feed's identity, a positive number sent in Welcome: new for every
  // store, so that a device can tell a restored server's feed from the one
  // its cursor counts in.
  virtual Result<std::int64_t> feed_id() = 0;

  // For backup and restore (server_backup.h). Every change of the feed
  // after `cursor`, unfiltered, at most `limit`:
  virtual Result<FeedBatch> dump_feed(std::int64_t cursor, std::int64_t limit) = 0;
  // Appends changes, unchecked, to a store being restored:
  virtual Status load_feed(const std::vector<WireChange>& changes) = 0;
  // Whether the store holds no change and no device yet:
  virtual Result<bool> empty() = 0;
  // Makes `cert_pem` and `key_pem` the server's TLS identity, in `dir`
  // (and in the database, for a store that processes share).
  virtual Status set_tls_identity(const std::filesystem::path& dir, const std::string& cert_pem, const std::string& key_pem) {
    return write_tls_identity(dir, cert_pem, key_pem);
  }

  // The server's TLS identity, kept in `dir` (made there on first start).
  // A store that several processes share keeps it in the database too, so
  // that every process presents the certificate devices pinned.
  virtual Result<TlsIdentity> tls_identity(const std::filesystem::path& dir) { return ensure_tls_identity(dir); }

  // Calls `changed(latest)` on `io`'s thread whenever another server
  // process accepts changes, until the store is destroyed. A store no
  // other process writes to never calls it.
  virtual void watch(boost::asio::io_context& /*io*/, std::function<void(std::int64_t latest)> /*changed*/) {}

  // Where the server's secrets and shuffles draw their randomness: the
  // system's, unless the store was opened with another (the simulator's
  // seeded one, so that a world replays exactly).
  virtual Env& entropy() { return system_env(); }
};

// The SQLite store under `data_dir`: the replica in store/ (on `env`'s
// clock) and the registry in devices.db (on `entropy`'s, the system's
// unless given: enrolment codes must be unguessable even on a seeded
// clock), created when missing.
Result<std::unique_ptr<ServerStore>> open_sqlite_server_store(const std::filesystem::path& data_dir, Env& env,
                                                              Env& entropy = system_env());

// Once in a store's life, as it opens the first time with uploads kept:
// each blob made whole before is taken as uploaded by whoever attached the
// live media records naming it then (media.h, attached_by), the trust the
// server gave before, kept for what came before. A blob no such record
// names stays no one's: a record pushed later naming it fetches nothing.
// Both stores call it as they open.
Status settle_old_blobs(ServerStore& store);

// Announces again, in `records`, what the newly `arrived` changes release
// that was withheld, so that devices which pulled past it receive it now:
// every response of each group (answer_group.h) they bring to the
// anonymity threshold, for its managers; the media of each reflection they
// share, for everyone; the responses and participations of each team they
// give new managers (a manager or parent changed) and the participations
// of each person they move to a team, for those managers. Call inside the
// transaction that applied them.
Status release_withheld(Store& records, const std::vector<WireChange>& arrived);

// The changes of a pushed batch that change what release_withheld looks
// at, read before the batch is applied: each change, once however often
// the batch repeats it, that brings a response the records lack, shares a reflection
// not shared yet, gives a team another manager or parent, or a person
// another team. A replay, or a write that changes none of these, releases
// nothing again.
Result<std::vector<WireChange>> releasing(Store& records, const std::vector<WireChange>& pushed);

// Applies a push to `records`, a server store's replica, as accept() says:
// all or nothing, `push.check` first, each change checked as a write by
// `push.person`, then release_withheld on what the batch changes
// (releasing), then `then` (a store that keeps its feed elsewhere appends
// to it there), all in one transaction of `records`.
Status apply_push(Store& records, const std::vector<WireChange>& changes, const Push& push,
                  const std::function<Status()>& then = {});

// The edits admin commands made in a server store's `records` (its own
// device's changes) since the last publish(), as they travel, and the seq
// of the last: publish() releases what they widen (release_withheld) and
// then acknowledges them up to it.
struct AdminEdits {
  std::vector<WireChange> wires;
  std::int64_t upto = 0;  // 0: there are none
};
Result<AdminEdits> unpublished_edits(Store& records);

}  // namespace debrief::sync
