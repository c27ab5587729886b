// What the server's own SQLite files (devices.db, media.db) share: a
// prepared statement for one use, with the bindings and columns they need.
#pragma once

#include <sqlite3.h>

#include <cstring>
#include <string>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief::sync {

// A prepared statement for one use.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) { sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& blob(int i, const std::string& b) {
    sqlite3_bind_blob(s_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& id(int i, const Id& v) { return blob(i, std::string(reinterpret_cast<const char*>(v.bytes.data()), 16)); }
  Stmt& integer(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  bool row() { return sqlite3_step(s_) == SQLITE_ROW; }
  Status done() {
    int rc = sqlite3_step(s_);
    return rc == SQLITE_DONE ? Status::ok() : Status(Code::io_error, sqlite3_errmsg(db_));
  }
  std::string column_text(int i) {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  std::string column_blob(int i) {
    return std::string(static_cast<const char*>(sqlite3_column_blob(s_, i)), static_cast<std::size_t>(sqlite3_column_bytes(s_, i)));
  }
  Id column_id(int i) {
    Id id;
    if (sqlite3_column_bytes(s_, i) == 16) std::memcpy(id.bytes.data(), sqlite3_column_blob(s_, i), 16);
    return id;
  }
  sqlite3_stmt* get() { return s_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

// Runs `sql` (statements without results) on `db`.
inline Status exec_sql(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK ? Status::ok() : Status(Code::io_error, sqlite3_errmsg(db));
}

// Opens (creating) the SQLite file `file` and runs `schema` on it; the
// caller owns the handle.
inline Result<sqlite3*> open_sqlite_file(const std::string& file, const char* schema) {
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
    Status s(Code::io_error, "cannot open " + file + ": " + sqlite3_errmsg(db));
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, 5000);
  if (sqlite3_exec(db, schema, nullptr, nullptr, nullptr) != SQLITE_OK) {
    Status s(Code::io_error, "cannot set up " + file + ": " + sqlite3_errmsg(db));
    sqlite3_close(db);
    return s;
  }
  return db;
}

}  // namespace debrief::sync
