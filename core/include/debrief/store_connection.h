// A store's own SQLite connection, for a server that keeps tables of its
// own in the store's file so that they commit with the store's
// transactions: sync's pool of anonymous responses, which must commit with
// the participations a batch records (sync/server_store.h, Push::settle).
#pragma once

struct sqlite3;

namespace debrief {

class Store;

// The connection of `store`, valid while it lives. Use it where the store
// is used (one thread at a time). A store's transaction may be open: nest
// writes in a SAVEPOINT, and they commit or roll back with it. Never touch
// the store's own tables through it.
sqlite3* connection_of(Store& store);

}  // namespace debrief
