// The PostgreSQL store's schema. Each migration takes it from version N-1
// to N and never changes once released.
#include <array>

#include "pg_feed.h"
#include "pg_support.h"

namespace debrief::sync::pg {
namespace {

// Version 1. The feed: each accepted change as it travels (ids as uuid,
// hlc as a 64-bit integer, the value as JSON text exactly as sent; field
// '' for whole-record changes), with its record's current scope
// (sync::RecordScope: owner, team, open), indexed so that a pull reads
// only the rows its person may see. The registry: only SHA-256 hashes
// (hex) of codes and secrets, as on SQLite.
constexpr const char* kV1 = R"sql(
CREATE TABLE debrief_meta(key text PRIMARY KEY, value text NOT NULL);
INSERT INTO debrief_meta VALUES ('feed_id', (floor(random() * 4e18) + 1)::bigint::text);
CREATE TABLE feed(seq bigint PRIMARY KEY, device uuid NOT NULL, hlc bigint NOT NULL, kind smallint NOT NULL,
  record uuid NOT NULL, field text NOT NULL, value json NOT NULL, op smallint NOT NULL,
  owner uuid, team uuid, open boolean NOT NULL);
CREATE INDEX feed_open ON feed(seq) WHERE open;
CREATE INDEX feed_owner ON feed(owner, seq) WHERE owner IS NOT NULL;
CREATE INDEX feed_team ON feed(team, seq) WHERE team IS NOT NULL;
CREATE INDEX feed_record ON feed(record);
CREATE TABLE devices(id uuid PRIMARY KEY, person uuid NOT NULL, name text NOT NULL, secret_hash text NOT NULL,
  revoked boolean NOT NULL DEFAULT false, created_at bigint NOT NULL);
CREATE TABLE codes(hash text PRIMARY KEY, person uuid NOT NULL, expires_at bigint NOT NULL, used_at bigint);
)sql";

// Version 2. Media: each chunk once under its SHA-256 digest, and each
// whole blob's size and chunk digests (packed end to end). Anonymous
// responses waiting to join the feed: keyed by their random id, with their
// group and the day they came (sync/anonymous_pool.h).
constexpr const char* kV2 = R"sql(
CREATE TABLE media_chunks(digest bytea PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE media_blobs(sha256 text PRIMARY KEY, size bigint NOT NULL, chunks bytea NOT NULL);
CREATE TABLE anonymous_pool(record uuid PRIMARY KEY, grp text NOT NULL, day bigint NOT NULL, change bytea NOT NULL);
CREATE INDEX anonymous_pool_group ON anonymous_pool(grp);
)sql";

// Version 3, for a summary's drafts: summaries travel whole (kind.h,
// Readers::owner_or_open), and a row logged while its record was closed is
// never opened (pg_feed.cpp, append). Each summary that was edited field by
// field is announced once more, whole, as it stands (its first whole row
// with each field's newest value), stamped with its newest change and no
// device; every earlier row of it becomes its author's alone, and so does
// every field row and every row of a deleted summary (whose tombstone,
// published, still opens them). Migrations run under the feed's lock
// (migrate): a process of the version before may be appending.
constexpr const char* kV3 = R"sql(
CREATE TEMP TABLE summaries_as_they_stand AS
  SELECT b.record, b.owner, b.team, (SELECT max(h.hlc) FROM feed h WHERE h.record = b.record) AS hlc,
         b.value::jsonb || coalesce((SELECT jsonb_object_agg(l.field, l.value)
                                     FROM (SELECT DISTINCT ON (f.field) f.field, f.value::jsonb AS value FROM feed f
                                           WHERE f.record = b.record AND f.field <> ''
                                           ORDER BY f.field, f.hlc DESC, f.device DESC) l), '{}'::jsonb) AS value
  FROM (SELECT DISTINCT ON (record) record, value, owner, team FROM feed
        WHERE kind = 14 AND field = '' AND op = 0 ORDER BY record, seq) b
  WHERE EXISTS (SELECT 1 FROM feed f WHERE f.record = b.record AND f.field <> '')
    AND NOT EXISTS (SELECT 1 FROM feed d WHERE d.record = b.record AND d.op = 1);
UPDATE feed SET open = false WHERE record IN (SELECT record FROM summaries_as_they_stand);
UPDATE feed SET open = false
  WHERE kind = 14 AND op = 0 AND (field <> '' OR record IN (SELECT record FROM feed WHERE kind = 14 AND op = 1));
INSERT INTO feed(seq, device, hlc, kind, record, field, value, op, owner, team, open)
  SELECT (SELECT coalesce(max(seq), 0) FROM feed) + row_number() OVER (ORDER BY record),
         '00000000-0000-0000-0000-000000000000', hlc, 14, record, '', value::json, 0, owner, team,
         coalesce((value->>'published')::boolean, false)
  FROM summaries_as_they_stand;
DROP TABLE summaries_as_they_stand;
)sql";

// Version 4, for media: who uploaded each chunk and each whole blob
// (media_store.h). Blobs made whole before have no uploader here; the
// first server process to open the store after this settles them once
// (settle_old_blobs, server_store.h), and marks it in debrief_meta.
constexpr const char* kV4 = R"sql(
CREATE TABLE media_chunk_uploads(digest bytea NOT NULL, person uuid NOT NULL, PRIMARY KEY(digest, person));
CREATE TABLE media_blob_uploads(sha256 text NOT NULL, person uuid NOT NULL, PRIMARY KEY(sha256, person));
)sql";

constexpr std::array<const char*, 4> kMigrations{kV1, kV2, kV3, kV4};
// Serialises migrations across processes (any constant will do; "migrate").
constexpr long long kMigrationLock = 0x6d696772617465;

}  // namespace

Result<Id> id_of(std::string_view text) {
  std::string hex;
  for (char ch : text)
    if (ch != '-') hex += ch;
  return Id::parse(hex);
}

Status migrate(pqxx::connection& c) {
  return guarded([&]() -> Status {
    pqxx::work tx(c);
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    tx.exec0("CREATE TABLE IF NOT EXISTS debrief_schema(version integer NOT NULL)");
    pqxx::result v = tx.exec("SELECT version FROM debrief_schema");
    int current = v.empty() ? 0 : v[0][0].as<int>();
    if (current > static_cast<int>(kMigrations.size()))
      return Status(Code::unsupported_version, "this database was written by a newer debrief-server (schema version " +
                                                   std::to_string(current) + "); update debrief-server to use it");
    if (current > 0 && current < static_cast<int>(kMigrations.size())) lock_feed(tx);  // they may append to the feed
    for (int next = current + 1; next <= static_cast<int>(kMigrations.size()); ++next)
      tx.exec0(kMigrations[static_cast<std::size_t>(next - 1)]);
    if (v.empty()) tx.exec_params0("INSERT INTO debrief_schema VALUES ($1)", static_cast<int>(kMigrations.size()));
    else tx.exec_params0("UPDATE debrief_schema SET version = $1", static_cast<int>(kMigrations.size()));
    tx.commit();
    return Status::ok();
  });
}

Result<std::int64_t> feed_id(pqxx::connection& c) {
  return guarded([&]() -> Result<std::int64_t> {
    pqxx::read_transaction tx(c);
    return tx.exec1("SELECT value FROM debrief_meta WHERE key = 'feed_id'")[0].as<std::int64_t>();
  });
}

}  // namespace debrief::sync::pg
