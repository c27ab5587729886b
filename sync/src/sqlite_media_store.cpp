// The SQLite server store's media: media.db beside devices.db. Chunks are
// written with synchronous=FULL, so an acknowledged chunk survives a crash.
#include "sqlite_media_store.h"

#include "sqlite_stmt.h"

namespace debrief::sync {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE IF NOT EXISTS chunks(digest BLOB PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS blobs(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, chunks BLOB NOT NULL);
)sql";

class SqliteMediaStore final : public MediaStore {
 public:
  explicit SqliteMediaStore(sqlite3* db) : db_(db) {}
  ~SqliteMediaStore() override { sqlite3_close(db_); }

  Result<std::vector<bool>> have(const std::vector<std::string>& digests) override {
    std::vector<bool> out;
    for (const std::string& d : digests) {
      Stmt s(db_, "SELECT 1 FROM chunks WHERE digest = ?");
      s.blob(1, d);
      out.push_back(s.row());
    }
    return out;
  }

  Status put_chunk(const std::string& digest, const std::string& data) override {
    Stmt s(db_, "INSERT OR IGNORE INTO chunks(digest, data) VALUES(?, ?)");
    s.blob(1, digest).blob(2, data);
    return s.done();
  }

  Result<std::string> chunk(const std::string& digest) override {
    Stmt s(db_, "SELECT data FROM chunks WHERE digest = ?");
    s.blob(1, digest);
    if (!s.row()) return not_found("no such media chunk");
    return s.column_blob(0);
  }

  Status put_blob(const std::string& sha256_hex, const BlobManifest& manifest) override {
    Stmt s(db_, "INSERT OR IGNORE INTO blobs(sha256, size, chunks) VALUES(?, ?, ?)");
    s.blob(1, sha256_hex).integer(2, manifest.size).blob(3, pack_digests(manifest.chunks));
    return s.done();
  }

  Result<BlobManifest> blob(const std::string& sha256_hex) override {
    Stmt s(db_, "SELECT size, chunks FROM blobs WHERE sha256 = ?");
    s.blob(1, sha256_hex);
    if (!s.row()) return not_found("the server has no media " + sha256_hex);
    std::optional<std::vector<std::string>> chunks = unpack_digests(s.column_blob(1));
    if (!chunks) return Status(Code::corrupt, "media " + sha256_hex + " has a damaged chunk list");
    return BlobManifest{sqlite3_column_int64(s.get(), 0), std::move(*chunks)};
  }

 private:
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<MediaStore>> open_sqlite_media_store(const std::filesystem::path& file) {
  Result<sqlite3*> db = open_sqlite_file(file.string(), kSchema);
  DEBRIEF_TRY(db.status());
  return std::unique_ptr<MediaStore>(std::make_unique<SqliteMediaStore>(*db));
}

}  // namespace debrief::sync
