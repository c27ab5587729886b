// The reference the sync figures stand beside: how long plain SQLite takes
// to write the same rows, with none of our code. Needs SQLite::SQLite3.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.h"

namespace bench {

// `path` as an SQL string literal.
inline std::string sql_literal(const std::filesystem::path& path) {
  std::string out = "'";
  for (char c : path.string()) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// Stops the benchmark with SQLite's message when `rc` is not `ok`.
inline void check_sqlite(sqlite3* db, int rc, const std::string& what, int ok = SQLITE_OK) {
  if (rc != ok) check(debrief::Status(debrief::Code::io_error, what + ": " + (db ? sqlite3_errmsg(db) : "no database")));
}

// A consistent copy of the SQLite database at `db` (a live store: WAL and
// all) in the file `copy`, made with VACUUM INTO.
inline void snapshot(const std::filesystem::path& db, const std::filesystem::path& copy) {
  std::filesystem::remove(copy);
  sqlite3* h = nullptr;
  check_sqlite(h, sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), "open " + db.string());
  check_sqlite(h, sqlite3_exec(h, ("VACUUM INTO " + sql_literal(copy)).c_str(), nullptr, nullptr, nullptr),
               "snapshot of " + db.string());
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
// copied). Which rows differ is found before the clock starts. A row
// Debrief updated several times is written once, in its final state, and
// rows deleted between the snapshots are not written at all: the reference
// does at most the work Debrief did, never more.
inline RawWrite raw_insert(const std::filesystem::path& before, const std::filesystem::path& after,
                           const std::filesystem::path& work, std::int64_t transactions) {
  const std::filesystem::path raw = work / "raw.db";
  std::filesystem::remove(raw);
  std::filesystem::copy_file(before, raw);
  sqlite3* db = nullptr;
  check_sqlite(db, sqlite3_open(raw.c_str(), &db), "open " + raw.string());
  auto exec = [&](const std::string& sql) { check_sqlite(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql); };
  auto prepare = [&](const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    check_sqlite(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), sql);
    return s;
  };
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL");
  exec("ATTACH " + sql_literal(after) + " AS later; ATTACH " + sql_literal(before) + " AS earlier");
  // The tables as they are after (one made in between is made here too),
  // and the triggers of the copy, dropped.
  std::vector<std::string> tables, triggers;
  sqlite3_stmt* names = prepare("SELECT l.name, l.sql, e.name IS NULL FROM later.sqlite_master l LEFT JOIN "
                                "earlier.sqlite_master e ON e.type = 'table' AND e.name = l.name "
                                "WHERE l.type = 'table' AND l.name NOT LIKE 'sqlite_%'");
  std::vector<std::string> new_tables;
  while (sqlite3_step(names) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(names, 0)));
    if (sqlite3_column_int(names, 2)) {
      new_tables.push_back(tables.back());
      exec(reinterpret_cast<const char*>(sqlite3_column_text(names, 1)));
    }
  }
  sqlite3_finalize(names);
  sqlite3_stmt* trigger_names = prepare("SELECT name FROM main.sqlite_master WHERE type = 'trigger'");
  while (sqlite3_step(trigger_names) == SQLITE_ROW)
    triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(trigger_names, 0)));
  sqlite3_finalize(trigger_names);
  for (const std::string& t : triggers) exec("DROP TRIGGER \"" + t + "\"");
  // The rows to write, set aside in temporary tables before the clock starts.
  std::int64_t rows = 0;
  for (const std::string& t : tables) {
    bool is_new = std::find(new_tables.begin(), new_tables.end(), t) != new_tables.end();
    exec("CREATE TEMP TABLE \"new_" + t + "\" AS SELECT * FROM later.\"" + t + "\"" +
         (is_new ? std::string() : " EXCEPT SELECT * FROM earlier.\"" + t + "\""));
    sqlite3_stmt* n = prepare("SELECT count(*) FROM temp.\"new_" + t + "\"");
    check_sqlite(db, sqlite3_step(n), "count the rows of " + t, SQLITE_ROW);
    rows += sqlite3_column_int64(n, 0);
    sqlite3_finalize(n);
  }
  const std::int64_t per_transaction = std::max<std::int64_t>(1, (rows + transactions - 1) / std::max<std::int64_t>(1, transactions));
  std::int64_t written = 0;
  auto t0 = Clock::now();
  exec("BEGIN");
  for (const std::string& t : tables) {
    sqlite3_stmt* read = prepare("SELECT * FROM temp.\"new_" + t + "\"");
    const int columns = sqlite3_column_count(read);
    std::string insert = "INSERT OR REPLACE INTO main.\"" + t + "\" VALUES(";
    for (int c = 0; c < columns; ++c) insert += c ? ",?" : "?";
    sqlite3_stmt* write = prepare(insert + ")");
    while (sqlite3_step(read) == SQLITE_ROW) {
      for (int c = 0; c < columns; ++c) sqlite3_bind_value(write, c + 1, sqlite3_column_value(read, c));
      check_sqlite(db, sqlite3_step(write), "insert into " + t, SQLITE_DONE);
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
// wrote between the snapshots `before` and `after` (for `changes` changes,
// in `transactions` transactions), and how many times longer Debrief took
// (`ours_s`).
inline void plain_sqlite_line(const std::filesystem::path& before, const std::filesystem::path& after,
                              const std::filesystem::path& work, std::int64_t changes, std::int64_t transactions,
                              double ours_s) {
  RawWrite raw = raw_insert(before, after, work, transactions);
  std::printf("%-58s %12.0f/s\n", "  plain SQLite: the same rows, in the same transactions", static_cast<double>(changes) / raw.seconds);
  std::printf("%-58s %13.1f\n", "  rows written per change", static_cast<double>(raw.rows) / static_cast<double>(changes));
  std::printf("%-58s %13.1fx\n", "  Debrief's time / plain SQLite's", ours_s / raw.seconds);
}

}  // namespace bench
