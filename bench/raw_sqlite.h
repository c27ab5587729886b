// The reference the sync figures stand beside: how long plain SQLite takes
// to write the same rows, with none of our code. Needs SQLite::SQLite3.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.h"

namespace bench {

// A consistent copy of the SQLite database at `db` (a live store: WAL and
// all) in the file `copy`, made with VACUUM INTO.
inline void snapshot(const std::filesystem::path& db, const std::filesystem::path& copy) {
  std::filesystem::remove(copy);
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  std::string sql = "VACUUM INTO '" + copy.string() + "'";
  char* error = nullptr;
  if (sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK)
    check(debrief::Status(debrief::Code::io_error, "snapshot of " + db.string() + ": " + (error ? error : "")));
  sqlite3_close(h);
}

struct RawWrite {
  double seconds = 0;
  std::int64_t rows = 0;
};

// How long plain SQLite takes to write, into a copy of the database
// snapshot `before`, every row that `after` (a later snapshot of it) holds
// and `before` does not: one prepared INSERT OR REPLACE per row, in
// `transactions` transactions, WAL and synchronous=FULL as the store runs,
// its indexes kept, its triggers dropped (their rows are among the rows
// copied). Reading the rows from `after` is timed too; it is small beside
// the writes.
inline RawWrite raw_insert(const std::filesystem::path& before, const std::filesystem::path& after,
                                 const std::filesystem::path& work, std::int64_t transactions) {
  const std::filesystem::path raw = work / "raw.db";
  std::filesystem::remove(raw);
  std::filesystem::copy_file(before, raw);
  sqlite3* db = nullptr;
  sqlite3_open(raw.c_str(), &db);
  auto exec = [&](const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK)
      check(debrief::Status(debrief::Code::io_error, sql + ": " + (error ? error : "")));
  };
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL");
  exec("ATTACH '" + after.string() + "' AS later; ATTACH '" + before.string() + "' AS earlier");
  std::vector<std::string> tables, triggers;
  sqlite3_stmt* names = nullptr;
  sqlite3_prepare_v2(db, "SELECT type, name FROM main.sqlite_master WHERE type IN ('table', 'trigger') "
                         "AND name NOT LIKE 'sqlite_%'", -1, &names, nullptr);
  while (sqlite3_step(names) == SQLITE_ROW)
    (std::string(reinterpret_cast<const char*>(sqlite3_column_text(names, 0))) == "table" ? tables : triggers)
        .emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(names, 1)));
  sqlite3_finalize(names);
  for (const std::string& t : triggers) exec("DROP TRIGGER \"" + t + "\"");
  std::int64_t rows = 0;
  for (const std::string& t : tables) {
    sqlite3_stmt* n = nullptr;
    sqlite3_prepare_v2(db, ("SELECT count(*) FROM (SELECT * FROM later.\"" + t + "\" EXCEPT SELECT * FROM earlier.\"" + t + "\")").c_str(), -1, &n, nullptr);
    if (sqlite3_step(n) == SQLITE_ROW) rows += sqlite3_column_int64(n, 0);
    sqlite3_finalize(n);
  }
  const std::int64_t per_transaction = std::max<std::int64_t>(1, (rows + transactions - 1) / std::max<std::int64_t>(1, transactions));
  std::int64_t written = 0;
  auto t0 = Clock::now();
  exec("BEGIN");
  for (const std::string& t : tables) {
    sqlite3_stmt* read = nullptr;
    sqlite3_prepare_v2(db, ("SELECT * FROM later.\"" + t + "\" EXCEPT SELECT * FROM earlier.\"" + t + "\"").c_str(), -1, &read, nullptr);
    const int columns = sqlite3_column_count(read);
    std::string insert = "INSERT OR REPLACE INTO main.\"" + t + "\" VALUES(";
    for (int c = 0; c < columns; ++c) insert += c ? ",?" : "?";
    sqlite3_stmt* write = nullptr;
    sqlite3_prepare_v2(db, (insert + ")").c_str(), -1, &write, nullptr);
    while (sqlite3_step(read) == SQLITE_ROW) {
      for (int c = 0; c < columns; ++c) sqlite3_bind_value(write, c + 1, sqlite3_column_value(read, c));
      if (sqlite3_step(write) != SQLITE_DONE) check(debrief::Status(debrief::Code::io_error, sqlite3_errmsg(db)));
      sqlite3_reset(write);
      if (++written % per_transaction == 0) exec("COMMIT; BEGIN");
    }
    sqlite3_finalize(read);
    sqlite3_finalize(write);
  }
  exec("COMMIT");
  double seconds = seconds_since(t0);
  sqlite3_close(db);
  std::filesystem::remove(raw);
  return {seconds, rows};
}

// The lines beside a sync figure: plain SQLite writing the rows Debrief
// wrote between the snapshots `before` and `after` (`changes` of them, in
// batches of `batch`), and how many times longer Debrief took (`ours_s`).
inline void plain_sqlite_line(const std::filesystem::path& before, const std::filesystem::path& after,
                              const std::filesystem::path& work, std::int64_t changes, std::int64_t batch, double ours_s) {
  RawWrite raw = raw_insert(before, after, work, (changes + batch - 1) / batch);
  std::printf("%-58s %12.0f/s\n", "  plain SQLite: the same rows, in the same transactions", static_cast<double>(changes) / raw.seconds);
  std::printf("%-58s %13.1f\n", "  rows written per change", static_cast<double>(raw.rows) / static_cast<double>(changes));
  std::printf("%-58s %13.1fx\n", "  Debrief's time / plain SQLite's", ours_s / raw.seconds);
}

}  // namespace bench
