// The SQLite server store's pool of anonymous responses: pool.db beside
// devices.db. WITHOUT ROWID, so rows are stored in the order of their
// random ids, not in the order they came.
#include "sqlite_anonymous_pool.h"

#include "sqlite_stmt.h"

namespace debrief::sync {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE IF NOT EXISTS pool(record BLOB PRIMARY KEY, grp BLOB NOT NULL, day INTEGER NOT NULL,
  change BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pool_group ON pool(grp);
)sql";

class SqliteAnonymousPool final : public AnonymousPool {
 public:
  explicit SqliteAnonymousPool(sqlite3* db) : db_(db) {}
  ~SqliteAnonymousPool() override { sqlite3_close(db_); }

  Status add(const std::vector<PooledResponse>& responses, std::int64_t day) override {
    return in_transaction([&] {
      for (const PooledResponse& r : responses) {
        Stmt s(db_, "INSERT OR IGNORE INTO pool(record, grp, day, change) VALUES(?, ?, ?, ?)");
        s.id(1, r.change.record).blob(2, r.group).integer(3, day).blob(4, pooled_bytes(r.change));
        DEBRIEF_TRY(s.done());
      }
      return Status::ok();
    });
  }

  Result<bool> holds(const Id& record) override {
    Stmt s(db_, "SELECT 1 FROM pool WHERE record = ?");
    s.id(1, record);
    return s.row();
  }

  Result<std::vector<std::string>> ripe_groups(std::int64_t at_least) override {
    Stmt s(db_, "SELECT grp FROM pool GROUP BY grp HAVING count(*) >= ?");
    s.integer(1, at_least);
    std::vector<std::string> out;
    while (s.row()) out.push_back(s.column_blob(0));
    return out;
  }

  Result<std::vector<WireChange>> held(const std::string& group) override {
    Stmt s(db_, "SELECT change FROM pool WHERE grp = ?");
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
        Stmt s(db_, "DELETE FROM pool WHERE record = ?");
        s.id(1, id);
        DEBRIEF_TRY(s.done());
      }
      return Status::ok();
    });
  }

  Result<std::vector<std::pair<PooledResponse, std::int64_t>>> dump() override {
    Stmt s(db_, "SELECT grp, day, change FROM pool ORDER BY grp, record");
    std::vector<std::pair<PooledResponse, std::int64_t>> out;
    while (s.row()) {
      Result<WireChange> c = from_pooled_bytes(s.column_blob(2));
      DEBRIEF_TRY(c.status());
      out.push_back({{s.column_blob(0), std::move(*c)}, sqlite3_column_int64(s.get(), 1)});
    }
    return out;
  }

 private:
  template <class F>
  Status in_transaction(F body) {
    DEBRIEF_TRY(exec_sql(db_, "BEGIN IMMEDIATE"));
    Status s = body();
    DEBRIEF_TRY(exec_sql(db_, s.is_ok() ? "COMMIT" : "ROLLBACK"));
    return s;
  }

  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<AnonymousPool>> open_sqlite_anonymous_pool(const std::filesystem::path& file) {
  Result<sqlite3*> db = open_sqlite_file(file.string(), kSchema);
  DEBRIEF_TRY(db.status());
  return std::unique_ptr<AnonymousPool>(std::make_unique<SqliteAnonymousPool>(*db));
}

}  // namespace debrief::sync
