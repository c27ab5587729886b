// A PostgreSQL database of its own, made on a throwaway cluster (the one
// scripts/test starts, its URL in DEBRIEF_TEST_POSTGRES) and dropped at
// the end: for one test, or one simulated world. Test binaries registered
// a second time for PostgreSQL run with DEBRIEF_TEST_STORE=postgresql.
#pragma once

#include <string>

namespace testpg {

// Whether this run tests the PostgreSQL store.
bool enabled();

class Database {
 public:
  // On the cluster DEBRIEF_TEST_POSTGRES names; throws (with what to do)
  // when it is not set.
  Database();
  // On the cluster at `cluster_url` (postgresql://.../any database on it);
  // throws std::runtime_error when the database cannot be made.
  explicit Database(const std::string& cluster_url);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  const std::string& url() const { return url_; }

 private:
  std::string admin_url_, name_, url_;
};

}  // namespace testpg
