#include "debrief/store.h"

#include <unistd.h>

#include <system_error>

#include "debrief/change_log.h"
#include "schema.h"
#include "scope_tallies.h"
#include "stored_sentiment.h"
#include "store_impl.h"

namespace debrief {
namespace {

// How long a command waits for another one holding the store (two `debrief`
// commands at once take turns): set first, before anything reads the file.
Status wait_for_others(sql::Db& db) { return db.exec("PRAGMA busy_timeout = 5000;"); }

// Connection settings: WAL so readers never block the writer, FULL sync so a
// committed action survives power loss, foreign keys as a second line of
// defence behind the core's own checks.
Status configure(sql::Db& db) {
  if (db.read_only()) return db.exec("PRAGMA foreign_keys = ON;");
  return db.exec(
      "PRAGMA journal_mode = WAL;"
      "PRAGMA synchronous = FULL;"
      "PRAGMA foreign_keys = ON;");
}

// Whether the store sits where nothing may be written (a read-only disk or
// folder, or a read-only file): SQLite could not even read it there
// otherwise, having no room for its log.
bool in_read_only_place(const std::filesystem::path& dir, const std::filesystem::path& file) {
  return ::access(dir.c_str(), W_OK) != 0 || (::access(file.c_str(), F_OK) == 0 && ::access(file.c_str(), W_OK) != 0);
}

Result<Id> load_or_make_device(Store::Impl& impl) {
  Result<std::string> hex = impl.meta_text("device_id");
  DEBRIEF_TRY(hex.status());
  if (!hex->empty()) return Id::parse(*hex);
  Id device = Id::make(*impl.env);
  DEBRIEF_TRY(impl.set_meta("device_id", device.hex()));
  return device;
}

// The clock resumes after the last local change, so it never repeats after a
// restart even if the wall clock went back.
Result<Hlc> last_local_hlc(Store::Impl& impl) {
  sql::Stmt& s = impl.db->cached(
      "SELECT hlc FROM changes WHERE device = ? ORDER BY seq DESC LIMIT 1");
  s.bind(1, impl.device);
  Hlc last;
  if (s.step()) last.value = static_cast<std::uint64_t>(s.int64(0));
  DEBRIEF_TRY(s.status());
  s.reset();
  Result<std::string> observed = impl.meta_text("hlc_observed");
  DEBRIEF_TRY(observed.status());
  if (!observed->empty()) {
    Hlc seen{std::stoull(*observed)};
    if (seen > last) last = seen;
  }
  return last;
}

Result<std::int64_t> data_version(Store::Impl& impl) {
  sql::Stmt& s = impl.db->cached("PRAGMA data_version");
  std::int64_t v = s.step() ? s.int64(0) : 0;
  DEBRIEF_TRY(s.status());
  s.reset();
  return v;
}

// Inside a write transaction: when another process committed since this
// connection last looked, its changes may carry this device's clock, so
// the clock resumes after them; a (device, clock) pair then names one change.
Status catch_up_clock(Store::Impl& impl) {
  Result<std::int64_t> version = data_version(impl);
  DEBRIEF_TRY(version.status());
  if (*version == impl.data_version) return Status::ok();
  impl.data_version = *version;
  Result<Hlc> last = last_local_hlc(impl);
  DEBRIEF_TRY(last.status());
  impl.clock.observe(*last, impl.env->now_ms());
  return Status::ok();
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& dir, OpenOptions options) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / kStoreFile, ec)) {
    if (!options.create) return not_found("no Debrief store in " + dir.string());
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status(Code::io_error, "cannot create " + dir.string() + ": " + ec.message());
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->env = options.env ? options.env : &system_env();
  auto db = sql::Db::open((dir / kStoreFile).string(), options.create,
                          options.read_only || in_read_only_place(dir, dir / kStoreFile));
  DEBRIEF_TRY(db.status());
  impl->db = std::move(db.value());
  DEBRIEF_TRY(wait_for_others(*impl->db));

  // Check the version before anything writes to the file.
  Result<int> version = schema_version(*impl->db);
  DEBRIEF_TRY(version.status());
  if (*version > kSchemaVersion) return migrate(*impl->db);
  if (*version < kSchemaVersion && impl->db->read_only())
    return Status(Code::io_error, "the store in " + dir.string() + " is read-only and was written by an older Debrief; "
                                  "copy it somewhere writable and open it there, so it can be upgraded");
  DEBRIEF_TRY(configure(*impl->db));
  DEBRIEF_TRY(register_sentiment_function(*impl->db));
  DEBRIEF_TRY(migrate(*impl->db));
  DEBRIEF_TRY(rescore_if_analyzer_changed(*impl->db));

  auto device = load_or_make_device(*impl);
  DEBRIEF_TRY(device.status());
  impl->device = *device;
  // The version first: a commit by another process after it is caught up
  // with at the next write, even if the clock read below already saw it.
  auto seen = data_version(*impl);
  DEBRIEF_TRY(seen.status());
  impl->data_version = *seen;
  auto last = last_local_hlc(*impl);
  DEBRIEF_TRY(last.status());
  impl->clock = HlcClock(*last);
  Result<std::string> me = impl->meta_text("me");
  DEBRIEF_TRY(me.status());
  if (!me->empty()) impl->me = Id::parse(*me).is_ok() ? std::optional<Id>(*Id::parse(*me)) : std::nullopt;
  Result<std::string> bound = impl->meta_text("bound_me");
  DEBRIEF_TRY(bound.status());
  if (!bound->empty()) impl->bound_me = Id::parse(*bound).is_ok() ? std::optional<Id>(*Id::parse(*bound)) : std::nullopt;
  auto store = std::unique_ptr<Store>(new Store(std::move(impl)));
  DEBRIEF_TRY(rebuild_scope_tallies_if_stale(*store));
  return store;
}

const std::filesystem::path& Store::dir() const { return impl_->dir; }
Env& Store::env() const { return *impl_->env; }
Id Store::device_id() const { return impl_->device; }

std::optional<Id> Store::me() { return impl_->me; }

Status Store::set_me(Id person) {
  if (impl_->bound_me && *impl_->bound_me != person)
    return invalid("this device is enrolled for one person and acts only for them; to act for someone else, use their device");
  sql::Stmt& s = impl_->db->cached("SELECT 1 FROM people WHERE id = ? AND deleted = 0");
  s.bind(1, person);
  bool found = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  if (!found) return not_found("no person with id " + person.hex());
  DEBRIEF_TRY(impl_->set_meta("me", person.hex()));
  impl_->me = person;
  return Status::ok();
}

Status Store::bind_me(Id person) {
  DEBRIEF_TRY(impl_->set_meta("bound_me", person.hex()));
  impl_->bound_me = person;
  Status acting = set_me(person);
  return acting.code() == Code::not_found ? Status::ok() : acting;  // they arrive with the first sync
}

Status Store::transaction(const std::function<Status()>& body) {
  Tx tx(*impl_);
  DEBRIEF_TRY(tx.status());
  DEBRIEF_TRY(body());
  return tx.commit();
}

Status Store::snapshot(const std::function<Status()>& body) {
  if (impl_->tx_depth > 0) return body();
  DEBRIEF_TRY(impl_->db->cached("BEGIN DEFERRED").exec());
  Status s = body();
  Status end = impl_->db->cached(s.is_ok() ? "COMMIT" : "ROLLBACK").exec();
  return s.is_ok() ? end : s;
}

Status Store::checkpoint() { return impl_->db->exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

Result<StoreInfo> Store::info() {
  StoreInfo info;
  auto version = schema_version(*impl_->db);
  DEBRIEF_TRY(version.status());
  info.schema_version = *version;
  info.device_id = impl_->device;
  info.me = me();
  sql::Stmt& counts = impl_->db->cached("SELECT n FROM live_counts WHERE tbl = ?");
  for (const KindSpec& k : all_kinds()) {
    counts.bind(1, k.table);
    std::int64_t live = counts.step() ? counts.int64(0) : 0;
    DEBRIEF_TRY(counts.status());
    counts.reset();
    info.counts.push_back({k.kind, live});
  }
  Result<std::int64_t> pending = count_pending_changes(*this);
  DEBRIEF_TRY(pending.status());
  info.pending_changes = *pending;
  auto& p = impl_->db->cached(
      "SELECT (SELECT coalesce(sum(n), 0) FROM change_counts), "
      "(SELECT count(*) FROM refused_changes WHERE discarded = 0)");
  p.step();
  DEBRIEF_TRY(p.status());
  info.total_changes = p.int64(0);
  info.refused_changes = p.int64(1);
  p.reset();
  return info;
}

Result<std::string> Store::Impl::meta_text(std::string_view key) {
  sql::Stmt& s = db->cached("SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  std::string value = s.step() ? s.text(0) : std::string();
  DEBRIEF_TRY(s.status());
  s.reset();
  return value;
}

Status Store::Impl::set_meta(std::string_view key, std::string_view value) {
  return db->cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")
      .bind(1, key)
      .bind(2, value)
      .exec();
}

Status Store::Impl::log_change(Kind kind, const Id& record,
                               const std::optional<std::string_view>& field, ChangeOp op,
                               const std::function<void(sql::Stmt&, int)>& bind_value) {
  return append_change(device, clock.tick(env->now_ms()), kind, record, field, op, bind_value);
}

Status Store::Impl::append_change(const Id& from, Hlc hlc, Kind kind, const Id& record,
                                  const std::optional<std::string_view>& field, ChangeOp op,
                                  const std::function<void(sql::Stmt&, int)>& bind_value) {
  sql::Stmt& s = db->cached(
      "INSERT INTO changes(device, hlc, kind, record, field, value, op) "
      "VALUES(?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, from)
      .bind(2, static_cast<std::int64_t>(hlc.value))
      .bind(3, static_cast<int>(kind))
      .bind(4, record)
      .bind(5, field)
      .bind(7, static_cast<int>(op));
  if (bind_value) bind_value(s, 6);
  else s.bind_null(6);
  return s.exec();
}

// An inner Tx joins the outer transaction without a savepoint: actions check
// everything before they write, so an inner Tx ends uncommitted only when a
// write itself failed, and then the whole transaction is poisoned and rolls
// back. (A savepoint per action costs a sub-journal copy of every page it
// touches: about a fifth of bulk insert time.)
Tx::Tx(Store::Impl& impl) : impl_(impl) {
  if (impl_.tx_depth == 0) {
    begin_ = impl_.db->cached("BEGIN IMMEDIATE").exec();
    impl_.tx_poisoned = false;
    if (begin_.is_ok()) {
      begin_ = catch_up_clock(impl_);
      if (!begin_.is_ok()) (void)impl_.db->cached("ROLLBACK").exec();
    }
  }
  if (begin_.is_ok()) ++impl_.tx_depth;
}

Tx::~Tx() {
  if (done_ || !begin_.is_ok()) return;
  --impl_.tx_depth;
  if (impl_.tx_depth > 0) {
    impl_.tx_poisoned = true;
    return;
  }
  impl_.tallies.discard();
  (void)impl_.db->cached("ROLLBACK").exec();
}

Status Tx::commit() {
  DEBRIEF_TRY(begin_);
  if (impl_.tx_depth > 1) {
    done_ = true;
    --impl_.tx_depth;
    return Status::ok();
  }
  if (impl_.tx_poisoned) {
    return Status(Code::io_error, "an action failed part-way through the transaction; nothing was saved");
  }
  DEBRIEF_TRY(impl_.tallies.flush(*impl_.db));  // the destructor rolls back on failure
  Status s = impl_.db->cached("COMMIT").exec();
  if (!s.is_ok()) return s;  // the destructor rolls back
  done_ = true;
  --impl_.tx_depth;
  return s;
}

}  // namespace debrief
