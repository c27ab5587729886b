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
      claim_in(tx, person, sha256_hex);
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

  Result<std::vector<std::string>> unclaimed_blobs() override {
    return guarded([&]() -> Result<std::vector<std::string>> {
      pqxx::read_transaction tx(c_);
      std::vector<std::string> out;
      for (const pqxx::row& r :
           tx.exec("SELECT sha256 FROM media_blobs b WHERE NOT EXISTS (SELECT 1 FROM media_blob_uploads u WHERE u.sha256 = b.sha256)"))
        out.push_back(r[0].c_str());
      return out;
    });
  }

  Status claim(const Id& person, const std::string& sha256_hex) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      claim_in(tx, person, sha256_hex);
      tx.commit();
      return Status::ok();
    });
  }

 private:
  static void claim_in(pqxx::work& tx, const Id& person, const std::string& sha256_hex) {
    tx.exec_params0("INSERT INTO media_blob_uploads(sha256, person) VALUES ($1, $2) ON CONFLICT DO NOTHING", sha256_hex,
                    uuid(person));
  }

  pqxx::connection& c_;
};

}  // namespace

std::unique_ptr<MediaStore> media_store(pqxx::connection& c) { return std::make_unique<PgMediaStore>(c); }

}  // namespace debrief::sync::pg
