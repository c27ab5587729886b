// The SQLite server store's media: media.db beside devices.db. Chunks are
// written with synchronous=FULL, so an acknowledged chunk survives a crash.
// Who uploaded each chunk and each whole blob is kept beside them (tables
// added in place: a media.db from before has none). Its user_version 0 means
// the blobs from before are not settled yet (settle_old_blobs), 1 that
// they are.
#include "sqlite_media_store.h"

#include "sqlite_stmt.h"

namespace debrief::sync {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE IF NOT EXISTS chunks(digest BLOB PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS blobs(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, chunks BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS chunk_uploads(digest BLOB NOT NULL, person BLOB NOT NULL, PRIMARY KEY(digest, person)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blob_uploads(sha256 TEXT NOT NULL, person BLOB NOT NULL, PRIMARY KEY(sha256, person)) WITHOUT ROWID;
)sql";

class SqliteMediaStore final : public MediaStore {
 public:
  explicit SqliteMediaStore(sqlite3* db) : db_(db) {}
  ~SqliteMediaStore() override { sqlite3_close(db_); }

  Result<std::vector<bool>> uploaded(const Id& person, const std::vector<std::string>& digests) override {
    std::vector<bool> out;
    for (const std::string& d : digests) {
      Stmt s(db_, "SELECT 1 FROM chunk_uploads WHERE digest = ? AND person = ?");
      s.blob(1, d).id(2, person);
      out.push_back(s.row());
    }
    return out;
  }

  Status put_chunk(const Id& person, const std::string& digest, const std::string& data) override {
    return in_transaction([&] {
      Stmt chunk(db_, "INSERT OR IGNORE INTO chunks(digest, data) VALUES(?, ?)");
      chunk.blob(1, digest).blob(2, data);
      DEBRIEF_TRY(chunk.done());
      Stmt upload(db_, "INSERT OR IGNORE INTO chunk_uploads(digest, person) VALUES(?, ?)");
      upload.blob(1, digest).id(2, person);
      return upload.done();
    });
  }

  Result<std::string> chunk(const std::string& digest) override {
    Stmt s(db_, "SELECT data FROM chunks WHERE digest = ?");
    s.blob(1, digest);
    if (!s.row()) return not_found("no such media chunk");
    return s.column_blob(0);
  }

  Status put_blob(const Id& person, const std::string& sha256_hex, const BlobManifest& manifest) override {
    return in_transaction([&] {
      Stmt s(db_, "INSERT OR IGNORE INTO blobs(sha256, size, chunks) VALUES(?, ?, ?)");
      s.blob(1, sha256_hex).integer(2, manifest.size).blob(3, pack_digests(manifest.chunks));
      DEBRIEF_TRY(s.done());
      return uploaded_whole_by(person, sha256_hex);
    });
  }

  Result<BlobManifest> blob(const std::string& sha256_hex) override {
    Stmt s(db_, "SELECT size, chunks FROM blobs WHERE sha256 = ?");
    s.blob(1, sha256_hex);
    if (!s.row()) return not_found("the server has no media " + sha256_hex);
    std::optional<std::vector<std::string>> chunks = unpack_digests(s.column_blob(1));
    if (!chunks) return Status(Code::corrupt, "media " + sha256_hex + " has a damaged chunk list");
    return BlobManifest{sqlite3_column_int64(s.get(), 0), std::move(*chunks)};
  }

  Result<bool> uploaded_whole(const Id& person, const std::string& sha256_hex) override {
    Stmt s(db_, "SELECT 1 FROM blob_uploads WHERE sha256 = ? AND person = ?");
    s.blob(1, sha256_hex).id(2, person);
    return s.row();
  }

  Result<std::vector<std::string>> old_blobs() override {
    std::vector<std::string> out;
    if (settled()) return out;
    Stmt s(db_, "SELECT sha256 FROM blobs");
    while (s.row()) out.push_back(s.column_blob(0));
    return out;
  }

  Status settle_old_blobs(const std::vector<std::pair<Id, std::string>>& uploads) override {
    return in_transaction([&] {
      if (settled()) return Status::ok();
      for (const auto& [person, sha256_hex] : uploads) DEBRIEF_TRY(uploaded_whole_by(person, sha256_hex));
      return exec_sql(db_, "PRAGMA user_version = 1");
    });
  }

 private:
  Status uploaded_whole_by(const Id& person, const std::string& sha256_hex) {
    Stmt s(db_, "INSERT OR IGNORE INTO blob_uploads(sha256, person) VALUES(?, ?)");
    s.blob(1, sha256_hex).id(2, person);
    return s.done();
  }

  bool settled() {
    Stmt s(db_, "PRAGMA user_version");
    return s.row() && sqlite3_column_int(s.get(), 0) >= 1;
  }

  // As one transaction: all of `body`'s writes, or none.
  template <class F>
  Status in_transaction(F body) {
    DEBRIEF_TRY(exec_sql(db_, "BEGIN IMMEDIATE"));
    Status s = body();
    if (s.is_ok()) s = exec_sql(db_, "COMMIT");
    if (!s.is_ok()) (void)exec_sql(db_, "ROLLBACK");  // the first error is the one to tell; no transaction stays open
    return s;
  }

  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<MediaStore>> open_sqlite_media_store(const std::filesystem::path& file) {
  Result<sqlite3*> db = open_sqlite_file(file.string(), kSchema);
  DEBRIEF_TRY(db.status());
  return std::unique_ptr<MediaStore>(std::make_unique<SqliteMediaStore>(*db));
}

}  // namespace debrief::sync
