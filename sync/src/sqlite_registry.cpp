// The device registry in a SQLite file (devices.db beside the server's store).
#include <sqlite3.h>

#include "debrief/sync/device_registry.h"
#include "debrief/sync/secrets.h"
#include "debrief/text.h"
#include "sqlite_stmt.h"

namespace debrief::sync {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE IF NOT EXISTS devices(id BLOB PRIMARY KEY, person BLOB NOT NULL, name TEXT,
  secret_hash BLOB NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS codes(hash BLOB PRIMARY KEY, person BLOB NOT NULL,
  expires_at INTEGER NOT NULL, used_at INTEGER);
)sql";

class SqliteRegistry final : public DeviceRegistry {
 public:
  SqliteRegistry(sqlite3* db, Env& env) : db_(db), env_(env) {}
  ~SqliteRegistry() override { sqlite3_close(db_); }

  Result<std::string> make_code(const Id& person, std::int64_t valid_s) override {
    std::string code = random_text(env_, 20);
    Stmt s(db_, "INSERT INTO codes(hash, person, expires_at) VALUES(?, ?, ?)");
    s.blob(1, sha256(code)).id(2, person).integer(3, now_s() + valid_s);
    DEBRIEF_TRY(s.done());
    return code;
  }

  Result<EnrolledDevice> enroll(const std::string& code, const Id& device, const std::string& name) override {
    DEBRIEF_TRY(exec("BEGIN IMMEDIATE"));
    Result<EnrolledDevice> r = enroll_in_tx(code, device, name);
    DEBRIEF_TRY(exec(r.is_ok() ? "COMMIT" : "ROLLBACK"));
    return r;
  }

  Result<Id> authenticate(const Id& device, const std::string& secret) override {
    Stmt s(db_, "SELECT person, secret_hash, revoked FROM devices WHERE id = ?");
    s.id(1, device);
    if (!s.row()) return invalid("this device is not enrolled");
    if (s.column_blob(1) != sha256(secret)) return invalid("the device credential is wrong");
    if (sqlite3_column_int(s.get(), 2)) return invalid("this device was revoked");
    return s.column_id(0);
  }

  Status revoke(const Id& device) override {
    Stmt s(db_, "UPDATE devices SET revoked = 1 WHERE id = ?");
    s.id(1, device);
    DEBRIEF_TRY(s.done());
    return sqlite3_changes(db_) ? Status::ok() : not_found("no device " + device.hex());
  }

  Result<RegistryRows> dump() override {
    RegistryRows out;
    Stmt d(db_, "SELECT id, person, name, secret_hash, revoked, created_at FROM devices ORDER BY created_at, id");
    while (d.row())
      out.devices.push_back({d.column_id(0), d.column_id(1), d.column_text(2), hex_of(d.column_blob(3)),
                             sqlite3_column_int(d.get(), 4) != 0, sqlite3_column_int64(d.get(), 5)});
    Stmt c(db_, "SELECT hash, person, expires_at, coalesce(used_at, 0) FROM codes ORDER BY expires_at, hash");
    while (c.row())
      out.codes.push_back({hex_of(c.column_blob(0)), c.column_id(1), sqlite3_column_int64(c.get(), 2), sqlite3_column_int64(c.get(), 3)});
    return out;
  }

  Status load(const RegistryRows& rows) override {
    DEBRIEF_TRY(exec("BEGIN IMMEDIATE"));
    Status s = load_in_tx(rows);
    DEBRIEF_TRY(exec(s.is_ok() ? "COMMIT" : "ROLLBACK"));
    return s;
  }

  Result<std::set<Id>> revoked_devices() override {
    Stmt s(db_, "SELECT id FROM devices WHERE revoked = 1");
    std::set<Id> out;
    while (s.row()) out.insert(s.column_id(0));
    return out;
  }

  Result<std::vector<DeviceInfo>> devices() override {
    Stmt s(db_, "SELECT id, person, name, revoked FROM devices ORDER BY created_at");
    std::vector<DeviceInfo> out;
    while (s.row()) {
      const unsigned char* name = sqlite3_column_text(s.get(), 2);
      out.push_back({s.column_id(0), s.column_id(1), name ? reinterpret_cast<const char*>(name) : "",
                     sqlite3_column_int(s.get(), 3) != 0});
    }
    return out;
  }

 private:
  Result<EnrolledDevice> enroll_in_tx(const std::string& code, const Id& device, const std::string& name) {
    Stmt taken(db_, "SELECT 1 FROM devices WHERE id = ?");
    taken.id(1, device);
    if (taken.row()) return invalid(kIdTaken);
    Stmt c(db_, "SELECT person, expires_at, used_at FROM codes WHERE hash = ?");
    c.blob(1, sha256(code));
    if (!c.row()) return invalid("the enrolment code is not valid");
    if (sqlite3_column_type(c.get(), 2) != SQLITE_NULL) return invalid("the enrolment code was used already");
    if (sqlite3_column_int64(c.get(), 1) < now_s()) return invalid("the enrolment code has expired");
    Id person = c.column_id(0);
    Stmt used(db_, "UPDATE codes SET used_at = ? WHERE hash = ?");
    used.integer(1, now_s()).blob(2, sha256(code));
    DEBRIEF_TRY(used.done());
    EnrolledDevice out{device, person, random_text(env_, 40)};
    Stmt d(db_, "INSERT INTO devices(id, person, name, secret_hash, created_at) VALUES(?, ?, ?, ?, ?)");
    d.id(1, device).id(2, person).blob(3, name).blob(4, sha256(out.secret)).integer(5, now_s());
    DEBRIEF_TRY(d.done());
    return out;
  }

  Status load_in_tx(const RegistryRows& rows) {
    for (const DeviceRow& r : rows.devices) {
      std::optional<std::string> hash = hex_decode(r.secret_sha256);
      if (!hash) return invalid("a device's secret hash is not hex");
      Stmt d(db_, "INSERT INTO devices(id, person, name, secret_hash, revoked, created_at) VALUES(?, ?, ?, ?, ?, ?)");
      d.id(1, r.device).id(2, r.person).blob(3, r.name).blob(4, *hash).integer(5, r.revoked).integer(6, r.created_at);
      DEBRIEF_TRY(d.done());
    }
    for (const CodeRow& r : rows.codes) {
      std::optional<std::string> hash = hex_decode(r.sha256);
      if (!hash) return invalid("a code's hash is not hex");
      Stmt c(db_, "INSERT INTO codes(hash, person, expires_at, used_at) VALUES(?, ?, ?, nullif(?, 0))");
      c.blob(1, *hash).id(2, r.person).integer(3, r.expires_at).integer(4, r.used_at);
      DEBRIEF_TRY(c.done());
    }
    return Status::ok();
  }

  static std::string hex_of(const std::string& bytes) {
    return hex_encode(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  }

  Status exec(const char* sql) { return exec_sql(db_, sql); }
  std::int64_t now_s() { return env_.now_ms() / 1000; }

  sqlite3* db_;
  Env& env_;
};

}  // namespace

Result<std::unique_ptr<DeviceRegistry>> open_sqlite_registry(const std::filesystem::path& file, Env& env) {
  Result<sqlite3*> db = open_sqlite_file(file.string(), kSchema);
  DEBRIEF_TRY(db.status());
  return std::unique_ptr<DeviceRegistry>(new SqliteRegistry(*db, env));
}

}  // namespace debrief::sync
