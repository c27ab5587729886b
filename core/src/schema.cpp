// Each migration is the SQL that takes the schema from version N-1 to N. A
// migration never changes once released: new needs get a new version.
#include "schema.h"

#include <array>
#include <string>
#include <string_view>

#include "debrief/store.h"

namespace debrief {
namespace {

// Version 1: every kind's table (columns as in kind.cpp), answers, the change
// log and the store's own settings. Ids are 16-byte blobs; times are Unix
// seconds; lists and documents are JSON text. Every record row has
// created_at and a tombstone flag.
constexpr const char* kV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;

CREATE TABLE organisations(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL, anonymity_threshold INTEGER NOT NULL);
CREATE TABLE teams(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL,
  parent BLOB REFERENCES teams(id), manager BLOB REFERENCES people(id));
CREATE TABLE people(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL, email TEXT,
  team BLOB REFERENCES teams(id), role TEXT NOT NULL);
CREATE INDEX people_team ON people(team);
CREATE TABLE devices(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, person BLOB NOT NULL REFERENCES people(id), name TEXT,
  revoked INTEGER NOT NULL);
CREATE TABLE events(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, theme TEXT, description TEXT,
  starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, location TEXT,
  offsite INTEGER NOT NULL, speakers TEXT, crew TEXT, teams TEXT);
CREATE TABLE activities(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, event BLOB NOT NULL REFERENCES events(id),
  title TEXT NOT NULL, kind TEXT NOT NULL, starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL, survey BLOB REFERENCES surveys(id));
CREATE INDEX activities_event ON activities(event);
CREATE TABLE surveys(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, kind TEXT NOT NULL,
  allow_anonymous INTEGER NOT NULL, questions TEXT NOT NULL);
CREATE TABLE responses(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, survey BLOB NOT NULL REFERENCES surveys(id),
  event BLOB REFERENCES events(id), activity BLOB REFERENCES activities(id),
  anonymous INTEGER NOT NULL, author BLOB REFERENCES people(id));
CREATE INDEX responses_event ON responses(event);
CREATE TABLE answers(response BLOB NOT NULL REFERENCES responses(id), question TEXT NOT NULL,
  part TEXT NOT NULL DEFAULT '', num INTEGER, text TEXT);
CREATE INDEX answers_response ON answers(response);
CREATE TABLE participations(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, person BLOB REFERENCES people(id),
  survey BLOB NOT NULL REFERENCES surveys(id), event BLOB REFERENCES events(id),
  activity BLOB REFERENCES activities(id));
CREATE TABLE reflections(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, author BLOB REFERENCES people(id),
  event BLOB REFERENCES events(id), activity BLOB REFERENCES activities(id),
  text TEXT NOT NULL, shared INTEGER NOT NULL);
CREATE TABLE kudos(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, author BLOB REFERENCES people(id), "to" TEXT,
  to_team BLOB REFERENCES teams(id), action TEXT NOT NULL, outcome TEXT NOT NULL,
  category TEXT NOT NULL, event BLOB REFERENCES events(id),
  activity BLOB REFERENCES activities(id));
CREATE TABLE plus_ones(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, kudos BLOB NOT NULL REFERENCES kudos(id),
  person BLOB REFERENCES people(id));
CREATE INDEX plus_ones_kudos ON plus_ones(kudos);
CREATE TABLE replies(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, author BLOB REFERENCES people(id),
  target_kind TEXT NOT NULL, target TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE summaries(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, event BLOB NOT NULL REFERENCES events(id),
  heard TEXT, will_do TEXT, published INTEGER NOT NULL, author BLOB REFERENCES people(id));
CREATE TABLE media(id BLOB PRIMARY KEY, created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, sha256 TEXT NOT NULL, mime TEXT NOT NULL,
  size INTEGER NOT NULL, name TEXT, owner_kind TEXT NOT NULL, owner TEXT NOT NULL);
CREATE INDEX media_owner ON media(owner);

CREATE TABLE changes(seq INTEGER PRIMARY KEY, device BLOB NOT NULL, hlc INTEGER NOT NULL,
  kind INTEGER NOT NULL, record BLOB NOT NULL, field TEXT, value, op INTEGER NOT NULL);
)sql";

// Version 2, for sync: responses name the team they count towards (so group
// results and the anonymity threshold work without an author), and an index
// finds the latest change to a field of an editable record (or to a
// reflection) for last-writer-wins. The index leaves out the append-only
// bulk (responses, kudos...) so their inserts stay as cheap as before.
constexpr const char* kV2 = R"sql(
ALTER TABLE responses ADD COLUMN team BLOB REFERENCES teams(id);
CREATE INDEX responses_team ON responses(team);
CREATE INDEX changes_versions ON changes(record, field, hlc) WHERE kind IN (1, 2, 3, 4, 5, 6, 7, 10, 14);
)sql";

// Version 3, for insights: each free text keeps its sentiment (the compound
// score, stored_sentiment.h), filled in on open after this migration.
constexpr const char* kV3 = R"sql(
ALTER TABLE answers ADD COLUMN sentiment REAL;
ALTER TABLE reflections ADD COLUMN sentiment REAL;
ALTER TABLE kudos ADD COLUMN sentiment REAL;
)sql";

// Version 4, for the manager's review at a million responses: find an
// activity's responses, a scope's participations, a team's pulse answers in
// a time window and an event's kudos without scanning them all. The index
// by team and time serves lookups by team alone too, so it replaces v2's.
constexpr const char* kV4 = R"sql(
CREATE INDEX responses_activity ON responses(activity) WHERE activity IS NOT NULL;
DROP INDEX responses_team;
CREATE INDEX responses_team_created ON responses(team, created_at);
CREATE INDEX kudos_event ON kudos(event) WHERE event IS NOT NULL;
CREATE INDEX participations_event ON participations(event, activity);
CREATE INDEX participations_activity ON participations(activity) WHERE activity IS NOT NULL;
)sql";

// Version 5, for the review and the dashboard at a million responses: tallies
// kept per scope as responses come and go (scope_tallies.h; filled on open
// after this migration), and participations found by scope with the person
// in the index, already in order, so who took part is read without the rows.
constexpr const char* kV5 = R"sql(
CREATE TABLE scope_tallies(scope_kind TEXT NOT NULL, scope BLOB NOT NULL, survey BLOB NOT NULL,
  team BLOB NOT NULL, responses INTEGER NOT NULL,
  r1 INTEGER NOT NULL, r2 INTEGER NOT NULL, r3 INTEGER NOT NULL, r4 INTEGER NOT NULL, r5 INTEGER NOT NULL,
  e0 INTEGER NOT NULL, e1 INTEGER NOT NULL, e2 INTEGER NOT NULL, e3 INTEGER NOT NULL, e4 INTEGER NOT NULL,
  e5 INTEGER NOT NULL, e6 INTEGER NOT NULL, e7 INTEGER NOT NULL, e8 INTEGER NOT NULL, e9 INTEGER NOT NULL,
  e10 INTEGER NOT NULL, positive INTEGER NOT NULL, neutral INTEGER NOT NULL, negative INTEGER NOT NULL,
  PRIMARY KEY(scope_kind, scope, survey, team)) WITHOUT ROWID;
CREATE TABLE scope_comments(scope_kind TEXT NOT NULL, scope BLOB NOT NULL, response BLOB NOT NULL,
  question TEXT NOT NULL, part TEXT NOT NULL, survey BLOB NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY(scope_kind, scope, response, question, part)) WITHOUT ROWID;
DROP INDEX participations_event;
DROP INDEX participations_activity;
CREATE INDEX participations_event ON participations(event, activity, person, survey) WHERE deleted = 0;
CREATE INDEX participations_activity ON participations(activity, person, survey)
  WHERE activity IS NOT NULL AND deleted = 0;
)sql";

// Version 6, for the server's authority: media name who attached them, so
// that only they may delete them (older media have no author); local
// changes a server refused for good wait apart, with its reason, instead of
// blocking every later change (change_log.h).
constexpr const char* kV6 = R"sql(
ALTER TABLE media ADD COLUMN author BLOB REFERENCES people(id);
CREATE TABLE refused_changes(seq INTEGER PRIMARY KEY, reason TEXT NOT NULL, at INTEGER NOT NULL,
  discarded INTEGER NOT NULL DEFAULT 0);
)sql";

// Version 7, for `status` at a million records: each table's live records
// and each device's changes counted as they come and go, by triggers, so
// counting reads one row; and changes found by device in order, for what a
// device has still to push.
std::string v7() {
  // The tables as they were at version 7, frozen here like any migration.
  constexpr const char* kTables[] = {"organisations", "teams", "people", "devices", "events",
                                     "activities", "surveys", "responses", "participations", "reflections",
                                     "kudos", "plus_ones", "replies", "summaries", "media"};
  std::string sql =
      "CREATE INDEX changes_device_seq ON changes(device, seq);\n"
      "CREATE TABLE change_counts(device BLOB PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;\n"
      "INSERT INTO change_counts SELECT device, count(*) FROM changes GROUP BY device;\n"
      "CREATE TRIGGER changes_counted AFTER INSERT ON changes BEGIN INSERT INTO change_counts VALUES(NEW.device, 1) "
      "ON CONFLICT(device) DO UPDATE SET n = n + 1; END;\n"
      "CREATE TRIGGER changes_uncounted AFTER DELETE ON changes BEGIN "
      "UPDATE change_counts SET n = n - 1 WHERE device = OLD.device; END;\n"
      "CREATE TABLE live_counts(tbl TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;\n";
  for (std::string t : kTables) {
    auto add = [&](const std::string& delta) { return "UPDATE live_counts SET n = n + " + delta + " WHERE tbl = '" + t + "'; END;\n"; };
    sql += "INSERT INTO live_counts SELECT '" + t + "', count(*) FROM " + t + " WHERE deleted = 0;\n";
    sql += "CREATE TRIGGER " + t + "_live_inserted AFTER INSERT ON " + t + " WHEN NEW.deleted = 0 BEGIN " + add("1");
    sql += "CREATE TRIGGER " + t + "_live_changed AFTER UPDATE OF deleted ON " + t +
           " WHEN OLD.deleted != NEW.deleted BEGIN " + add("(CASE WHEN NEW.deleted = 0 THEN 1 ELSE -1 END)");
    sql += "CREATE TRIGGER " + t + "_live_deleted AFTER DELETE ON " + t + " WHEN OLD.deleted = 0 BEGIN " + add("-1");
  }
  return sql;
}
const std::string kV7 = v7();

// Version 8, for the server's authority: a person's participations found
// without scanning them all (a team's new manager receives its people's
// participations again, withheld_release.cpp), and a photo's records by
// its content (who may fetch a file, media_service.cpp).
constexpr const char* kV8 = R"sql(
CREATE INDEX participations_person ON participations(person);
CREATE INDEX media_sha256 ON media(sha256);
)sql";

// Version 9, for a summary's drafts: summaries travel whole (kind.h,
// Readers::owner_or_open), so the changes logged for their fields become
// changes of the whole summary, with the same stamps and nothing beside
// them: a feed serves each as the summary then stands, never as a draft.
constexpr const char* kV9 = R"sql(
UPDATE changes SET field = NULL, value = NULL WHERE kind = 14 AND field IS NOT NULL;
)sql";

// Version 10, for team spirit at a million responses: pulse ratings kept per
// team and day as responses come and go (pulse_tallies.h; filled on open
// after this migration, as the tallies' version changed with it), and a
// person's participations found by day, for whether a team answered.
constexpr const char* kV10 = R"sql(
CREATE INDEX participations_person_created ON participations(person, created_at) WHERE deleted = 0;
CREATE TABLE pulse_tallies(team BLOB NOT NULL, day INTEGER NOT NULL, survey BLOB NOT NULL,
  event BLOB NOT NULL, activity BLOB NOT NULL, responses INTEGER NOT NULL, ratings INTEGER NOT NULL,
  rating_sum INTEGER NOT NULL, PRIMARY KEY(team, day, survey, event, activity)) WITHOUT ROWID;
)sql";

const std::array<std::string_view, 10> kMigrations{kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8, kV9, kV10};
static_assert(kMigrations.size() == kSchemaVersion, "one migration per schema version");

}  // namespace

Result<int> schema_version(sql::Db& db) {
  sql::Stmt& s = db.cached("PRAGMA user_version");
  if (!s.step()) return db.error("cannot read the schema version");
  int v = static_cast<int>(s.int64(0));
  s.reset();
  return v;
}

Status migrate_to(sql::Db& db, int target) {
  Result<int> current = schema_version(db);
  DEBRIEF_TRY(current.status());
  if (*current > kSchemaVersion) {
    return Status(Code::unsupported_version,
                  "this store was written by a newer Debrief (schema version " +
                      std::to_string(*current) + ", this build knows up to " +
                      std::to_string(kSchemaVersion) + "); update Debrief to open it");
  }
  for (int v = *current + 1; v <= target; ++v) {
    DEBRIEF_TRY(db.exec("BEGIN IMMEDIATE"));
    Status s = db.exec(kMigrations[static_cast<std::size_t>(v - 1)]);
    if (s.is_ok()) s = db.exec("PRAGMA user_version = " + std::to_string(v));
    if (s.is_ok()) s = db.exec("COMMIT");
    if (!s.is_ok()) {
      (void)db.exec("ROLLBACK");
      return Status(s.code(), "migration to schema version " + std::to_string(v) +
                                  " failed: " + s.message());
    }
  }
  return Status::ok();
}

Status migrate(sql::Db& db) { return migrate_to(db, kSchemaVersion); }

}  // namespace debrief
