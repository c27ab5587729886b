// The PostgreSQL server store (postgres_store.h): the feed and the
// registry in the database, the records in a local cache built from the
// feed.
#include <algorithm>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "debrief/change_log.h"
#include "debrief/sync/postgres_store.h"
#include "debrief/sync/secrets.h"
#include "pg_feed.h"
#include "pg_listener.h"
#include "pg_support.h"

namespace debrief::sync {
namespace {

// In the cache: the feed seq it has applied up to.
constexpr char kCursorKey[] = "postgres_feed";
// How many feed rows a catch-up applies per cache transaction.
constexpr std::int64_t kCatchUpPage = 2000;
// Serialises making the shared TLS identity ("tls").
constexpr long long kTlsLock = 0x746c73;

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class PgServerStore final : public ServerStore {
 public:
  PgServerStore(std::string url, std::unique_ptr<pqxx::connection> c, std::filesystem::path cache_dir, Env& env, Env& entropy)
      : url_(std::move(url)), c_(std::move(c)), cache_dir_(std::move(cache_dir)), env_(env), entropy_(entropy),
        registry_(pg::registry(*c_, entropy)), media_(pg::media_store(*c_)), pool_(pg::anonymous_pool(*c_, appending_)),
        process_(random_text(entropy, 12)) {}

  // Opens the cache (made empty when `fresh`) under cache_dir_.
  Status open_cache(bool fresh) {
    cache_.reset();
    std::error_code ec;
    if (fresh) std::filesystem::remove_all(cache_dir_ / "store", ec);
    if (ec) return Status(Code::io_error, "cannot clear the cache " + cache_dir_.string() + ": " + ec.message());
    Result<std::unique_ptr<Store>> opened = Store::open(cache_dir_ / "store", OpenOptions{.env = &env_});
    DEBRIEF_TRY(opened.status());
    cache_ = std::move(*opened);
    return Status::ok();
  }

  Store& records() override { return *cache_; }
  DeviceRegistry& registry() override { return *registry_; }
  MediaStore& media() override { return *media_; }
  AnonymousPool& pool() override { return *pool_; }
  Env& entropy() override { return entropy_; }

  Result<std::int64_t> catch_up() override {
    return pg::guarded([&]() -> Result<std::int64_t> {
      pqxx::read_transaction tx(*c_);
      return apply_feed(tx);
    });
  }

  Result<std::int64_t> accept(const std::vector<WireChange>& changes, const Push& push) override {
    return apply_and_append([&](const std::function<Status()>& append) { return apply_push(*cache_, changes, push, append); });
  }

  Result<FeedBatch> feed(const Id& person, std::int64_t cursor, std::int64_t limit) override {
    return pg::guarded([&]() -> Result<FeedBatch> {
      pqxx::read_transaction tx(*c_);
      Result<std::int64_t> head = apply_feed(tx);  // the cache must hold what the privacy rules read
      DEBRIEF_TRY(head.status());
      Result<Audience> read = Audience::of(*cache_, person);  // as of the head the rows are read up to
      DEBRIEF_TRY(read.status());
      const Audience& who = *read;
      // The rows' scopes leave out, in the database, what is not this
      // person's; the privacy rules then look at each row that is left.
      std::int64_t upto = std::min(*head, cursor + limit * kFeedScanPerChange);
      auto rows = pg::read_visible(tx, cursor, upto, FeedScope{who.person, {who.managed.begin(), who.managed.end()}}, limit);
      DEBRIEF_TRY(rows.status());
      bool full = static_cast<std::int64_t>(rows->size()) == limit;
      std::int64_t scanned_to = full ? rows->back().first : std::max(cursor, upto);
      FeedBatch out{{}, scanned_to, scanned_to < *head, *read};
      ReaderView reader(*cache_, who);
      for (auto& [seq, w] : *rows) {
        Change c;
        c.kind = w.kind;
        c.record = w.record;
        Result<bool> visible = reader.may_receive(c);
        DEBRIEF_TRY(visible.status());
        if (!*visible) continue;
        out.changes.push_back(std::move(w));
        out.seqs.push_back(seq);
      }
      return out;
    });
  }

  Status publish() override {
    return append_under_lock([&](pqxx::work& tx, std::int64_t head, std::int64_t& latest) -> Status {
      Result<AdminEdits> edits = unpublished_edits(*cache_);
      DEBRIEF_TRY(edits.status());
      if (edits->upto == 0) return Status::ok();  // nothing to publish: the transaction ends unused
      return cache_->transaction([&] {
        Result<std::int64_t> before = last_seq(*cache_);
        DEBRIEF_TRY(before.status());
        DEBRIEF_TRY(release_withheld(*cache_, edits->wires));
        Result<std::vector<WireChange>> released = wire_changes_after(*before);
        DEBRIEF_TRY(released.status());
        std::vector<WireChange> wires = std::move(edits->wires);
        wires.insert(wires.end(), std::make_move_iterator(released->begin()), std::make_move_iterator(released->end()));
        DEBRIEF_TRY(acknowledge_changes(*cache_, edits->upto));
        return commit_appended(tx, head, wires, latest);
      });
    }).status();
  }

  Result<std::int64_t> feed_id() override { return pg::feed_id(*c_); }

  Result<FeedBatch> dump_feed(std::int64_t cursor, std::int64_t limit) override {
    return pg::guarded([&]() -> Result<FeedBatch> {
      pqxx::read_transaction tx(*c_);
      auto rows = pg::read(tx, cursor, std::numeric_limits<std::int64_t>::max(), limit);
      DEBRIEF_TRY(rows.status());
      FeedBatch out{{}, rows->empty() ? cursor : rows->back().first, static_cast<std::int64_t>(rows->size()) == limit};
      for (auto& row : *rows) out.changes.push_back(std::move(row.second));
      return out;
    });
  }

  Status load_feed(const std::vector<WireChange>& changes) override {
    return apply_and_append([&](const std::function<Status()>& append) {
             ApplyOptions unchecked;  // a backup's changes, as the feed held them
             unchecked.after = append;
             return apply_remote(*cache_, changes, unchecked);
           }).status();
  }

  Result<bool> empty() override {
    Result<RegistryRows> rows = registry_->dump();
    DEBRIEF_TRY(rows.status());
    Result<std::int64_t> head = pg::guarded([&]() -> Result<std::int64_t> {
      pqxx::read_transaction tx(*c_);
      return pg::head(tx);
    });
    DEBRIEF_TRY(head.status());
    return *head == 0 && rows->devices.empty() && rows->codes.empty();
  }

  Status set_tls_identity(const std::filesystem::path& dir, const std::string& cert_pem, const std::string& key_pem) override {
    DEBRIEF_TRY(pg::guarded([&]() -> Status {
      pqxx::work tx(*c_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kTlsLock);
      tx.exec_params0("INSERT INTO debrief_meta VALUES ('tls_cert', $1), ('tls_key', $2) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", cert_pem, key_pem);
      tx.commit();
      return Status::ok();
    }));
    return write_tls_identity(dir, cert_pem, key_pem);
  }

  Result<TlsIdentity> tls_identity(const std::filesystem::path& dir) override {
    return pg::guarded([&]() -> Result<TlsIdentity> {
      pqxx::work tx(*c_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kTlsLock);
      pqxx::result kept = tx.exec("SELECT key, value FROM debrief_meta WHERE key IN ('tls_cert', 'tls_key') ORDER BY key");
      if (kept.size() == 2)  // another process made it: present the same
        DEBRIEF_TRY(write_tls_identity(dir, kept[0][1].as<std::string>(), kept[1][1].as<std::string>()));
      Result<TlsIdentity> id = ensure_tls_identity(dir);
      DEBRIEF_TRY(id.status());
      if (kept.size() != 2) {
        tx.exec_params0("INSERT INTO debrief_meta VALUES ('tls_cert', $1), ('tls_key', $2)", file_text(id->cert_pem),
                        file_text(id->key_pem));
        tx.commit();
      }
      return id;
    });
  }

  void watch(boost::asio::io_context& io, std::function<void(std::int64_t)> changed) override {
    listener_ = std::make_unique<pg::Listener>(io, url_, process_, std::move(changed));
  }

 private:
  // Applies the feed rows the cache lacks, page by page, each page with
  // the cache's cursor; returns the seq the cache holds up to.
  Result<std::int64_t> apply_feed(pqxx::transaction_base& tx) {
    if (!cache_) DEBRIEF_TRY(open_cache(true));  // a rebuild that failed to open: again
    Result<std::int64_t> at = stored_cursor(*cache_, kCursorKey);
    DEBRIEF_TRY(at.status());
    std::int64_t upto = pg::head(tx);
    while (*at < upto) {
      auto rows = pg::read(tx, *at, upto, kCatchUpPage);
      DEBRIEF_TRY(rows.status());
      std::vector<WireChange> page;
      for (auto& row : *rows) page.push_back(std::move(row.second));
      // Rows this cache stamped itself, past its cursor: the database
      // committed an append whose cache transaction then failed (a power
      // cut). A store skips its own changes when they come back, so the
      // cache is rebuilt from the feed, as a new replica.
      if (std::any_of(page.begin(), page.end(), [&](const WireChange& w) { return w.device == cache_->device_id(); })) {
        DEBRIEF_TRY(open_cache(true));
        return apply_feed(tx);
      }
      std::int64_t next = rows->empty() ? upto : rows->back().first;
      DEBRIEF_TRY(apply_remote(*cache_, page, kCursorKey, next));
      *at = next;
    }
    return *at;
  }

  // Under the feed lock: `apply(append)` writes to the cache in one of its
  // transactions and calls `append` last inside it, which appends what the
  // cache's log gained (the same on every replica) to the feed.
  template <class Apply>
  Result<std::int64_t> apply_and_append(Apply&& apply) {
    return append_under_lock([&](pqxx::work& tx, std::int64_t head, std::int64_t& latest) {
      Result<std::int64_t> before = last_seq(*cache_);
      DEBRIEF_TRY(before.status());
      std::function<Status()> append = [&]() -> Status {
        Result<std::vector<WireChange>> gained = wire_changes_after(*before);
        DEBRIEF_TRY(gained.status());
        return commit_appended(tx, head, *gained, latest);
      };
      return apply(append);
    });
  }

  // In a transaction holding the feed lock, with the cache caught up to
  // the feed's head: runs `body(tx, head, latest)`, which writes to the
  // cache and calls commit_appended. Returns the feed's new last seq.
  template <class Body>
  Result<std::int64_t> append_under_lock(Body&& body) {
    return pg::guarded([&]() -> Result<std::int64_t> {
      pqxx::work tx(*c_);
      appending_ = &tx;
      struct Done {
        pqxx::work*& appending;
        ~Done() { appending = nullptr; }
      } done{appending_};
      pg::lock_feed(tx);
      Result<std::int64_t> head = apply_feed(tx);
      DEBRIEF_TRY(head.status());
      std::int64_t latest = *head;
      DEBRIEF_TRY(body(tx, *head, latest));
      return latest;
    });
  }

  // Appends `wires` after `head`, moves the cache's cursor past them and
  // commits the database transaction, all from inside the cache's
  // transaction: the cache commits only what the database did (a cache
  // that misses a committed append applies it at its next catch-up).
  Status commit_appended(pqxx::work& tx, std::int64_t head, const std::vector<WireChange>& wires, std::int64_t& latest) {
    Result<pg::Scopes> scopes = scopes_of(wires);
    DEBRIEF_TRY(scopes.status());
    return pg::guarded([&]() -> Status {
      latest = pg::append(tx, head, wires, *scopes, process_);
      DEBRIEF_TRY(save_cursor(*cache_, kCursorKey, latest));
      tx.commit();
      return Status::ok();
    });
  }

  // The current scope of each private record `wires` touch, from the cache.
  Result<pg::Scopes> scopes_of(const std::vector<WireChange>& wires) {
    pg::Scopes out;
    std::set<Id> seen;
    for (const WireChange& w : wires) {
      if (!seen.insert(w.record).second) continue;
      Result<std::optional<RecordScope>> s = record_scope(*cache_, w.kind, w.record);
      if (s.status().code() == Code::not_found) continue;  // not there (tombstones are): no scope to give
      DEBRIEF_TRY(s.status());
      if (*s) out[w.record] = **s;
    }
    return out;
  }

  // The cache's log after `seq`, as the changes travel.
  Result<std::vector<WireChange>> wire_changes_after(std::int64_t seq) {
    Result<std::vector<Change>> added = changes_after(*cache_, seq);
    DEBRIEF_TRY(added.status());
    std::vector<WireChange> out;
    for (const Change& c : *added) {
      Result<WireChange> w = to_wire(*cache_, c);
      if (w.is_ok()) out.push_back(std::move(*w));
      else if (w.status().code() != Code::not_found) return w.status();  // a record not there: nothing to send, as on SQLite
    }
    return out;
  }

  std::string url_;
  std::unique_ptr<pqxx::connection> c_;
  std::filesystem::path cache_dir_;
  Env& env_;  // the cache's clock
  Env& entropy_;
  std::unique_ptr<Store> cache_;  // null only while a rebuild cannot open it
  std::unique_ptr<DeviceRegistry> registry_;
  std::unique_ptr<MediaStore> media_;
  pqxx::work* appending_ = nullptr;  // the feed's transaction while one is open (the pool writes in it)
  std::unique_ptr<AnonymousPool> pool_;
  std::string process_;  // this process's token in notifications
  std::unique_ptr<pg::Listener> listener_;
};

// The cache directory for feed `id`: a cache of another feed (or of none
// recorded) is removed, to be rebuilt from the feed.
Status prepare_cache(const std::filesystem::path& dir, const std::string& id) {
  std::filesystem::path mark = dir / "feed_id";
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && file_text(mark) != id) std::filesystem::remove_all(dir, ec);
  if (ec) return Status(Code::io_error, "cannot clear the cache " + dir.string() + ": " + ec.message());
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status(Code::io_error, "cannot create " + dir.string() + ": " + ec.message());
  std::ofstream(mark) << id;
  return Status::ok();
}

}  // namespace

Result<std::unique_ptr<ServerStore>> open_postgres_server_store(const std::string& url, const std::filesystem::path& cache_dir,
                                                                Env& env, Env& entropy) {
  Result<std::unique_ptr<pqxx::connection>> c = pg::guarded([&]() -> Result<std::unique_ptr<pqxx::connection>> {
    return std::make_unique<pqxx::connection>(url);
  });
  DEBRIEF_TRY(c.status());
  DEBRIEF_TRY(pg::migrate(**c));
  Result<std::int64_t> id = pg::feed_id(**c);
  DEBRIEF_TRY(id.status());
  DEBRIEF_TRY(prepare_cache(cache_dir, std::to_string(*id)));
  auto store = std::make_unique<PgServerStore>(url, std::move(*c), cache_dir, env, entropy);
  DEBRIEF_TRY(store->open_cache(false));
  DEBRIEF_TRY(store->catch_up().status());
  DEBRIEF_TRY(settle_old_blobs(*store));
  return std::unique_ptr<ServerStore>(std::move(store));
}

}  // namespace debrief::sync
