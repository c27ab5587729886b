// The server's SQLite store: the replica is a core Store, whose change log
// is the feed (its sequence numbers are the devices' cursors), and the
// registry is devices.db beside it.
#include "debrief/change_log.h"
#include "debrief/sync/server_store.h"

#include "sqlite_anonymous_pool.h"
#include "sqlite_media_store.h"

namespace debrief::sync {
namespace {

// In the replica's settings: the feed's identity (Welcome.feed_id), made
// when the store is created.
constexpr char kFeedIdKey[] = "feed_id";

Status ensure_feed_id(Store& store, Env& entropy) {
  Result<std::int64_t> id = stored_cursor(store, kFeedIdKey);
  DEBRIEF_TRY(id.status());
  if (*id != 0) return Status::ok();
  std::uint64_t random = 0;
  entropy.random_bytes(reinterpret_cast<std::uint8_t*>(&random), sizeof random);  // not the store's: it may be seeded
  return save_cursor(store, kFeedIdKey, static_cast<std::int64_t>(random >> 2) + 1);  // positive
}

class SqliteServerStore final : public ServerStore {
 public:
  SqliteServerStore(std::unique_ptr<Store> store, std::unique_ptr<DeviceRegistry> registry, std::unique_ptr<MediaStore> media,
                    std::unique_ptr<AnonymousPool> pool, Env& entropy)
      : store_(std::move(store)), registry_(std::move(registry)), media_(std::move(media)), pool_(std::move(pool)),
        entropy_(entropy) {}

  Env& entropy() override { return entropy_; }

  Store& records() override { return *store_; }
  DeviceRegistry& registry() override { return *registry_; }
  MediaStore& media() override { return *media_; }
  AnonymousPool& pool() override { return *pool_; }

  Result<std::int64_t> catch_up() override { return last_seq(*store_); }  // nothing happens elsewhere

  Result<std::int64_t> accept(const std::vector<WireChange>& changes, const Push& push) override {
    DEBRIEF_TRY(apply_push(*store_, changes, push));
    return last_seq(*store_);
  }

  Result<FeedBatch> feed(const Id& person, std::int64_t cursor, std::int64_t limit) override {
    FeedBatch out;
    DEBRIEF_TRY(store_->snapshot([&]() -> Status {
      Result<Audience> who = Audience::of(*store_, person);
      DEBRIEF_TRY(who.status());
      FeedScope scope{person, {who->managed.begin(), who->managed.end()}};
      Result<FeedPage> page = feed_after(*store_, cursor, limit, scope);
      DEBRIEF_TRY(page.status());
      out = FeedBatch{{}, page->scanned_to, page->more, std::move(*who)};
      ReaderView reader(*store_, out.audience);
      for (const Change& c : page->changes) {
        Result<bool> visible = reader.may_receive(c);
        if (!visible.is_ok() || !*visible) continue;
        Result<WireChange> w = to_wire(*store_, c);
        if (!w.is_ok()) continue;  // the record is gone: nothing to send
        out.changes.push_back(std::move(*w));
        out.seqs.push_back(c.seq);
      }
      return Status::ok();
    }));
    return out;
  }

  // Admin commands write to this very change log, which is the feed: only
  // what their edits release is left to announce.
  Status publish() override {
    return store_->transaction([&] {
      Result<AdminEdits> edits = unpublished_edits(*store_);
      DEBRIEF_TRY(edits.status());
      if (edits->upto == 0) return Status::ok();
      DEBRIEF_TRY(release_withheld(*store_, edits->wires));
      return acknowledge_changes(*store_, edits->upto);
    });
  }

  Result<std::int64_t> feed_id() override { return stored_cursor(*store_, kFeedIdKey); }

  Result<FeedBatch> dump_feed(std::int64_t cursor, std::int64_t limit) override {
    Result<std::vector<Change>> page = changes_after(*store_, cursor, limit);
    DEBRIEF_TRY(page.status());
    FeedBatch out{{}, page->empty() ? cursor : page->back().seq, static_cast<std::int64_t>(page->size()) == limit};
    for (const Change& c : *page) {
      Result<WireChange> w = to_wire(*store_, c);
      if (w.is_ok()) out.changes.push_back(std::move(*w));
      else if (w.status().code() != Code::not_found) return w.status();  // a record not there: nothing to send, as pulls do
    }
    return out;
  }

  Status load_feed(const std::vector<WireChange>& changes) override { return apply_remote(*store_, changes); }

  Result<bool> empty() override {
    Result<std::int64_t> last = last_seq(*store_);
    DEBRIEF_TRY(last.status());
    Result<RegistryRows> rows = registry_->dump();
    DEBRIEF_TRY(rows.status());
    return *last == 0 && rows->devices.empty() && rows->codes.empty();
  }

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<DeviceRegistry> registry_;
  std::unique_ptr<MediaStore> media_;
  std::unique_ptr<AnonymousPool> pool_;
  Env& entropy_;
};

}  // namespace

Result<std::unique_ptr<ServerStore>> open_sqlite_server_store(const std::filesystem::path& data_dir, Env& env, Env& entropy) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Status(Code::io_error, "cannot create " + data_dir.string() + ": " + ec.message());
  Result<std::unique_ptr<Store>> store = Store::open(data_dir / "store", OpenOptions{.env = &env});
  DEBRIEF_TRY(store.status());
  DEBRIEF_TRY(ensure_feed_id(**store, entropy));
  Result<std::unique_ptr<DeviceRegistry>> registry = open_sqlite_registry(data_dir / "devices.db", entropy);
  DEBRIEF_TRY(registry.status());
  Result<std::unique_ptr<MediaStore>> media = open_sqlite_media_store(data_dir / "media.db");
  DEBRIEF_TRY(media.status());
  Result<std::unique_ptr<AnonymousPool>> pool = open_sqlite_anonymous_pool(**store, data_dir / "pool.db");
  DEBRIEF_TRY(pool.status());
  auto server = std::make_unique<SqliteServerStore>(std::move(*store), std::move(*registry), std::move(*media),
                                                    std::move(*pool), entropy);
  DEBRIEF_TRY(settle_old_blobs(*server));
  return std::unique_ptr<ServerStore>(std::move(server));
}

}  // namespace debrief::sync
