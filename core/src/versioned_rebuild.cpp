#include "versioned_rebuild.h"

namespace debrief {
namespace {

Result<bool> changed(sql::Db& db, const char* key, const std::string& version) {
  sql::Stmt& s = db.cached("SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  bool same = s.step() && s.text(0) == version;
  DEBRIEF_TRY(s.status());
  s.reset();
  return !same;
}

}  // namespace

Status rebuild_if_version_changed(sql::Db& db, const char* key, const std::string& version,
                                  const std::function<Status()>& rebuild) {
  Result<bool> stale = changed(db, key, version);
  DEBRIEF_TRY(stale.status());
  if (!*stale || db.read_only()) return Status::ok();  // a read-only store is read as it is
  DEBRIEF_TRY(db.exec("BEGIN IMMEDIATE"));
  stale = changed(db, key, version);
  Status s = stale.status();
  if (s.is_ok() && *stale) s = rebuild();
  if (s.is_ok() && *stale) {
    s = db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").bind(1, key).bind(2, version).exec();
  }
  if (s.is_ok()) s = db.exec("COMMIT");
  if (!s.is_ok()) (void)db.exec("ROLLBACK");
  return s;
}

}  // namespace debrief
