// The PostgreSQL store's media (media_store.h): tables media_chunks and
// media_blobs (schema version 2), and who uploaded them (version 4),
// shared by every server process, so a transfer cut off on one process
// resumes on another.
#include "pg_support.h"

namespace debrief::sync::pg {
namespace {

class PgMediaStore final : public MediaStore {
 public:
  explicit PgMediaStore(pqxx::connection& c) : c_(c) {}

  Result<std::vector<bool>> uploaded(const Id& person, const std::vector<std::string>& digests) override {
    return guarded([&]() -> Result<std::vector<bool>> {
      pqxx::read_transaction tx(c_);
      std::vector<bool> out;
      for (const std::string& d : digests)
        out.push_back(!tx.exec_params("SELECT 1 FROM media_chunk_uploads WHERE digest = $1 AND person = $2",
                                      pqxx::binarystring(d), uuid(person)).empty());
      return out;
    });
  }

  Status put_chunk(const Id& person, const std::string& digest, const std::string& data) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      tx.exec_params0("INSERT INTO media_chunks(digest, data) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      pqxx::binarystring(digest), pqxx::binarystring(data));
      tx.exec_params0("INSERT INTO media_chunk_uploads(digest, person) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      pqxx::binarystring(digest), uuid(person));
      tx.commit();
      return Status::ok();
    });
  }

  Result<std::string> chunk(const std::string& digest) override {
    return guarded([&]() -> Result<std::string> {
      pqxx::read_transaction tx(c_);
      pqxx::result r = tx.exec_params("SELECT data FROM media_chunks WHERE digest = $1", pqxx::binarystring(digest));
      if (r.empty()) return not_found("no such media chunk");
      return pqxx::binarystring(r[0][0]).str();
    });
  }

  Status put_blob(const Id& person, const std::string& sha256_hex, const BlobManifest& manifest) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      tx.exec_params0("INSERT INTO media_blobs(sha256, size, chunks) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                      sha256_hex, manifest.size, pqxx::binarystring(pack_digests(manifest.chunks)));
      uploaded_whole_by(tx, person, sha256_hex);
      tx.commit();
      return Status::ok();
    });
  }

  Result<BlobManifest> blob(const std::string& sha256_hex) override {
    return guarded([&]() -> Result<BlobManifest> {
      pqxx::read_transaction tx(c_);
      pqxx::result r = tx.exec_params("SELECT size, chunks FROM media_blobs WHERE sha256 = $1", sha256_hex);
      if (r.empty()) return not_found("the server has no media " + sha256_hex);
      std::optional<std::vector<std::string>> chunks = unpack_digests(pqxx::binarystring(r[0][1]).str());
      if (!chunks) return Status(Code::corrupt, "media " + sha256_hex + " has a damaged chunk list");
      return BlobManifest{r[0][0].as<std::int64_t>(), std::move(*chunks)};
    });
  }

  Result<bool> uploaded_whole(const Id& person, const std::string& sha256_hex) override {
    return guarded([&]() -> Result<bool> {
      pqxx::read_transaction tx(c_);
      return !tx.exec_params("SELECT 1 FROM media_blob_uploads WHERE sha256 = $1 AND person = $2", sha256_hex,
                             uuid(person)).empty();
    });
  }

  Result<std::vector<std::string>> old_blobs() override {
    return guarded([&]() -> Result<std::vector<std::string>> {
      pqxx::read_transaction tx(c_);
      std::vector<std::string> out;
      if (!tx.exec(std::string("SELECT 1 FROM debrief_meta WHERE key = '") + kSettled + "'").empty()) return out;
      for (const pqxx::row& r : tx.exec("SELECT sha256 FROM media_blobs")) out.push_back(r[0].c_str());
      return out;
    });
  }

  // The first process to mark them settled records the uploads, in the
  // same transaction; any other waits for it, then finds them settled.
  Status settle_old_blobs(const std::vector<std::pair<Id, std::string>>& uploads) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      pqxx::result first =
          tx.exec(std::string("INSERT INTO debrief_meta VALUES ('") + kSettled + "', 'true') ON CONFLICT DO NOTHING");
      if (first.affected_rows() == 1)
        for (const auto& [person, sha256_hex] : uploads) uploaded_whole_by(tx, person, sha256_hex);
      tx.commit();
      return Status::ok();
    });
  }

 private:
  // In debrief_meta once the blobs from before schema version 4 are settled.
  static constexpr const char* kSettled = "media_uploads_settled";

  static void uploaded_whole_by(pqxx::work& tx, const Id& person, const std::string& sha256_hex) {
    tx.exec_params0("INSERT INTO media_blob_uploads(sha256, person) VALUES ($1, $2) ON CONFLICT DO NOTHING", sha256_hex,
                    uuid(person));
  }

  pqxx::connection& c_;
};

}  // namespace

std::unique_ptr<MediaStore> media_store(pqxx::connection& c) { return std::make_unique<PgMediaStore>(c); }

}  // namespace debrief::sync::pg
