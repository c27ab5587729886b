// A thin RAII layer over SQLite's C API: a connection, cached prepared
// statements, and errors as Status. Internal to the core.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief::sql {

class Db;

// A prepared statement. Bind parameters are 1-based, columns 0-based.
// Reset automatically before it is reused; bindings are kept, so every use
// binds every parameter.
class Stmt {
 public:
  Stmt(Db& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& reset();
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const Id& v);
  Stmt& bind_blob(int i, const void* data, int size);
  Stmt& bind_null(int i);
  // None as the empty blob: how a key column that cannot be NULL says
  // "none" (maybe_id reads it back).
  Stmt& bind_key(int i, const std::optional<Id>& v);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Advances: true when a row is ready, false when done. Errors go to status().
  bool step();
  // Runs to completion, ignoring rows.
  Status exec();
  // The first error from step(), if any; cleared by reset().
  Status status() const { return status_; }

  int column_type(int i) const { return sqlite3_column_type(stmt_, i); }
  bool is_null(int i) const { return column_type(i) == SQLITE_NULL; }
  std::int64_t int64(int i) const { return sqlite3_column_int64(stmt_, i); }
  double real(int i) const { return sqlite3_column_double(stmt_, i); }
  std::string text(int i) const;
  Id id(int i) const;
  // None when the column is NULL or an empty blob (how a key column that
  // cannot be NULL says "none").
  std::optional<Id> maybe_id(int i) const;
  int columns() const { return sqlite3_column_count(stmt_); }
  const char* column_name(int i) const { return sqlite3_column_name(stmt_, i); }

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
  Status status_;
};

class Db {
 public:
  // Opens the database at `path`, creating it when `create`. `read_only`
  // opens it as an immutable file, for a store on a read-only disk or
  // directory, where SQLite could make neither its write-ahead log nor its
  // shared-memory file: reads work, writes fail with a clear error.
  static Result<std::unique_ptr<Db>> open(const std::string& path, bool create, bool read_only = false);
  // Whether it was opened read-only: nothing may be written, derived data
  // included.
  bool read_only() const;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements with no parameters.
  Status exec(std::string_view sql);
  // A statement prepared once and cached for the life of the connection.
  // Precondition: `sql` is valid (a failure is a bug and asserts).
  Stmt& cached(const std::string& sql);
  // A fresh statement, for SQL built at run time.
  Result<std::unique_ptr<Stmt>> prepare(std::string_view sql);

  std::int64_t changes() const { return sqlite3_changes64(db_); }
  Status error(std::string_view what) const;
  sqlite3* raw() { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

}  // namespace debrief::sql
