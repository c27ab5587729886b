#include "sqlite.h"

#include "disk_full.h"

#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace debrief::sql {

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::reset() {
  sqlite3_reset(stmt_);
  status_ = Status::ok();
  return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind(int i, const Id& v) { return bind_blob(i, v.bytes.data(), 16); }

Stmt& Stmt::bind_blob(int i, const void* data, int size) {
  sqlite3_bind_blob(stmt_, i, data, size, SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE && status_.is_ok()) status_ = db_->error("statement failed");
  return false;
}

Status Stmt::exec() {
  while (step()) {
  }
  Status s = status_;
  sqlite3_reset(stmt_);
  return s;
}

std::string Stmt::text(int i) const {
  const unsigned char* p = sqlite3_column_text(stmt_, i);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
           : std::string();
}

Id Stmt::id(int i) const {
  Id id;
  const void* p = sqlite3_column_blob(stmt_, i);
  if (p && sqlite3_column_bytes(stmt_, i) == 16) std::memcpy(id.bytes.data(), p, 16);
  return id;
}

Stmt& Stmt::bind_key(int i, const std::optional<Id>& v) {
  static constexpr unsigned char kNone = 0;
  return v ? bind(i, *v) : bind_blob(i, &kNone, 0);
}

std::optional<Id> Stmt::maybe_id(int i) const {
  if (is_null(i) || sqlite3_column_bytes(stmt_, i) == 0) return std::nullopt;
  return id(i);
}

namespace {

// `path` as a URI naming an immutable database, its characters that a URI
// reserves escaped.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char esc[4];
      std::snprintf(esc, sizeof esc, "%%%02X", static_cast<unsigned char>(c));
      uri += esc;
    } else {
      uri += c;
    }
  }
  return uri + "?mode=ro&immutable=1";
}

}  // namespace

Result<std::unique_ptr<Db>> Db::open(const std::string& path, bool create, bool read_only) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  std::string name = read_only ? immutable_uri(path) : path;
  int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Status(Code::io_error, "cannot open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(raw, 1);
  return std::unique_ptr<Db>(new Db(raw));
}

bool Db::read_only() const { return sqlite3_db_readonly(db_, "main") == 1; }

Db::~Db() {
  cache_.clear();  // statements first: sqlite3_close refuses open statements
  sqlite3_close(db_);
}

Status Db::exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Status st = error(err ? err : "exec failed");
    sqlite3_free(err);
    return st;
  }
  return Status::ok();
}

Stmt& Db::cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return it->second->reset();
  auto made = prepare(sql);
  assert(made.is_ok() && "invalid cached SQL");
  if (!made.is_ok()) std::abort();
  Stmt& stmt = *made.value();
  cache_.emplace(sql, std::move(made.value()));
  return stmt;
}

Result<std::unique_ptr<Stmt>> Db::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return error("cannot prepare '" + std::string(sql) + "'");
  }
  return std::make_unique<Stmt>(*this, stmt);
}

Status Db::error(std::string_view what) const {
  sqlite3* db = const_cast<sqlite3*>(db_);
  int primary = sqlite3_extended_errcode(db) & 0xff;
  if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && sqlite3_system_errno(db) == ENOSPC))
    return Status(Code::io_error, std::string(what) + ": " + kDiskFull);
  if (primary == SQLITE_READONLY)
    return Status(Code::io_error, std::string(what) + ": this store is read-only (a read-only disk or folder); "
                                                      "it can be read but not changed: copy it somewhere writable to change it");
  Code code = Code::io_error;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) code = Code::corrupt;
  if (primary == SQLITE_CONSTRAINT) code = Code::invalid_argument;
  return Status(code, std::string(what) + ": " + sqlite3_errmsg(db));
}

}  // namespace debrief::sql
