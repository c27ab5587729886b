// What the PostgreSQL store's parts share: libpqxx's exceptions turned into
// Status values (nothing throws out of the store), ids as uuid text, and
// the schema.
#pragma once

#include <pqxx/pqxx>

#include <string>
#include <string_view>

#include "debrief/id.h"
#include "debrief/status.h"
#include "debrief/sync/anonymous_pool.h"
#include "debrief/sync/device_registry.h"
#include "debrief/sync/media_store.h"

namespace debrief::sync::pg {

// Runs `body`, which returns a Status or a Result; a libpqxx or standard
// exception comes back as an io_error naming PostgreSQL.
template <class F>
auto guarded(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const pqxx::broken_connection& e) {
    return Status(Code::io_error, std::string("PostgreSQL connection lost: ") + e.what());
  } catch (const std::exception& e) {
    return Status(Code::io_error, std::string("PostgreSQL: ") + e.what());
  }
}

// An Id as PostgreSQL's uuid accepts it (32 hex digits), and back from
// its output (with hyphens).
inline std::string uuid(const Id& id) { return id.hex(); }
Result<Id> id_of(std::string_view uuid_text);

// Creates or migrates the schema (versioned in debrief_schema), under an
// advisory lock so that processes starting together migrate once. Fails
// with unsupported_version for a schema newer than this build.
Status migrate(pqxx::connection& c);

// The feed's identity (debrief_meta.feed_id, made by the first migration):
// sent to devices in Welcome, and a cache built from another feed is
// thrown away.
Result<std::int64_t> feed_id(pqxx::connection& c);

// The device registry in the database (tables devices and codes); its
// codes and secrets drawn from `entropy`, which is also its clock.
std::unique_ptr<DeviceRegistry> registry(pqxx::connection& c, Env& entropy);

// Media chunks and blobs in the database (tables media_chunks, media_blobs).
std::unique_ptr<MediaStore> media_store(pqxx::connection& c);

// The pool of anonymous responses in the database (table anonymous_pool).
// While `appending` points to the transaction a store appends to the feed
// in, add() and remove() write in it: a batch's pooled answers commit with
// the participations it appends, and a release with the feed rows it adds.
std::unique_ptr<AnonymousPool> anonymous_pool(pqxx::connection& c, pqxx::work* const& appending);

}  // namespace debrief::sync::pg
