// A PostgreSQL database of its own for one test, made on the throwaway
// cluster that scripts/test starts (its URL in DEBRIEF_TEST_POSTGRES) and
// dropped at the end. Test binaries registered a second time for
// PostgreSQL run with DEBRIEF_TEST_STORE=postgresql.
#pragma once

#include <string>

namespace testpg {

// Whether this run tests the PostgreSQL store.
bool enabled();

class Database {
 public:
  Database();  // fails the test when DEBRIEF_TEST_POSTGRES is not set
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  const std::string& url() const { return url_; }

 private:
  std::string admin_url_, name_, url_;
};

}  // namespace testpg
