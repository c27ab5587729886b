// The SQLite server store's pool of anonymous responses: table
// anonymous_pool in the records' own database (store_connection.h), as on
// PostgreSQL, so that a batch's pooled answers commit with the voices it
// records. WITHOUT ROWID, so rows are stored in the order of their random
// ids, not in the order they came.
#include "sqlite_anonymous_pool.h"

#include "debrief/store_connection.h"
#include "sqlite_stmt.h"

namespace debrief::sync {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS anonymous_pool(record BLOB PRIMARY KEY, grp BLOB NOT NULL, day INTEGER NOT NULL,
  change BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS anonymous_pool_group ON anonymous_pool(grp);
)sql";

// Takes in the rows of pool.db, where servers before kept the pool, and
// removes it. A row whose response the records hold was released already
// and is not taken (were pool.db left behind, taking it in again must not
// bring back released answers, which would make up a group with fewer
// new ones than the threshold).
Status take_in(sqlite3* db, const std::filesystem::path& old) {
  std::error_code ec;
  if (!std::filesystem::exists(old, ec)) return Status::ok();
  Stmt attach(db, "ATTACH DATABASE ? AS old_pool");
  attach.blob(1, old.string());
  DEBRIEF_TRY(attach.done());
  Status moved = exec_sql(db, "INSERT OR IGNORE INTO anonymous_pool SELECT record, grp, day, change FROM old_pool.pool "
                              "WHERE record NOT IN (SELECT id FROM responses)");
  DEBRIEF_TRY(exec_sql(db, "DETACH DATABASE old_pool"));
  DEBRIEF_TRY(moved);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::path file = old.string() + suffix;
    if (std::filesystem::remove(file, ec), ec) return Status(Code::io_error, "cannot remove " + file.string() + ": " + ec.message());
  }
  return Status::ok();
}

class SqliteAnonymousPool final : public AnonymousPool {
 public:
  explicit SqliteAnonymousPool(sqlite3* db) : db_(db) {}

  Status add(const std::vector<PooledResponse>& responses, std::int64_t day) override {
    return in_transaction([&] {
      for (const PooledResponse& r : responses) {
        Stmt s(db_, "INSERT OR IGNORE INTO anonymous_pool(record, grp, day, change) VALUES(?, ?, ?, ?)");
        s.id(1, r.change.record).blob(2, r.group).integer(3, day).blob(4, pooled_bytes(r.change));
        DEBRIEF_TRY(s.done());
      }
      return Status::ok();
    });
  }

  Result<bool> holds(const Id& record) override {
    Stmt s(db_, "SELECT 1 FROM anonymous_pool WHERE record = ?");
    s.id(1, record);
    return s.row();
  }

  Result<std::vector<std::string>> ripe_groups(std::int64_t at_least) override {
    Stmt s(db_, "SELECT grp FROM anonymous_pool GROUP BY grp HAVING count(*) >= ?");
    s.integer(1, at_least);
    std::vector<std::string> out;
    while (s.row()) out.push_back(s.column_blob(0));
    return out;
  }

  Result<std::vector<WireChange>> held(const std::string& group) override {
    Stmt s(db_, "SELECT change FROM anonymous_pool WHERE grp = ?");
    s.blob(1, group);
    std::vector<WireChange> out;
    while (s.row()) {
      Result<WireChange> c = from_pooled_bytes(s.column_blob(0));
      DEBRIEF_TRY(c.status());
      out.push_back(std::move(*c));
    }
    return out;
  }

  Status remove(const std::vector<Id>& records) override {
    return in_transaction([&] {
      for (const Id& id : records) {
        Stmt s(db_, "DELETE FROM anonymous_pool WHERE record = ?");
        s.id(1, id);
        DEBRIEF_TRY(s.done());
      }
      return Status::ok();
    });
  }

  Result<std::vector<std::pair<PooledResponse, std::int64_t>>> dump() override {
    Stmt s(db_, "SELECT grp, day, change FROM anonymous_pool ORDER BY grp, record");
    std::vector<std::pair<PooledResponse, std::int64_t>> out;
    while (s.row()) {
      Result<WireChange> c = from_pooled_bytes(s.column_blob(2));
      DEBRIEF_TRY(c.status());
      out.push_back({{s.column_blob(0), std::move(*c)}, sqlite3_column_int64(s.get(), 1)});
    }
    return out;
  }

 private:
  // Inside the store's open transaction, if any (a batch's), else as one.
  template <class F>
  Status in_transaction(F body) {
    DEBRIEF_TRY(exec_sql(db_, "SAVEPOINT pool"));
    Status s = body();
    if (!s.is_ok()) (void)exec_sql(db_, "ROLLBACK TO pool");  // the body's error is the one to tell
    Status released = exec_sql(db_, "RELEASE pool");  // whatever came before: no savepoint is left open
    return !s.is_ok() ? s : released;
  }

  sqlite3* db_;  // the records store's, which outlives the pool
};

}  // namespace

Result<std::unique_ptr<AnonymousPool>> open_sqlite_anonymous_pool(Store& records, const std::filesystem::path& old_file) {
  sqlite3* db = connection_of(records);
  DEBRIEF_TRY(exec_sql(db, kSchema));
  DEBRIEF_TRY(take_in(db, old_file));
  return std::unique_ptr<AnonymousPool>(std::make_unique<SqliteAnonymousPool>(db));
}

}  // namespace debrief::sync
