// The PostgreSQL store's media (media_store.h): tables media_chunks and
// media_blobs (schema version 2), shared by every server process, so a
// transfer cut off on one process resumes on another.
#include "pg_support.h"

namespace debrief::sync::pg {
namespace {

class PgMediaStore final : public MediaStore {
 public:
  explicit PgMediaStore(pqxx::connection& c) : c_(c) {}

  Result<std::vector<bool>> have(const std::vector<std::string>& digests) override {
    return guarded([&]() -> Result<std::vector<bool>> {
      pqxx::read_transaction tx(c_);
      std::vector<bool> out;
      for (const std::string& d : digests)
        out.push_back(!tx.exec_params("SELECT 1 FROM media_chunks WHERE digest = $1", pqxx::binarystring(d)).empty());
      return out;
    });
  }

  Status put_chunk(const std::string& digest, const std::string& data) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      tx.exec_params0("INSERT INTO media_chunks(digest, data) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      pqxx::binarystring(digest), pqxx::binarystring(data));
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

  Status put_blob(const std::string& sha256_hex, const BlobManifest& manifest) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      tx.exec_params0("INSERT INTO media_blobs(sha256, size, chunks) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                      sha256_hex, manifest.size, pqxx::binarystring(pack_digests(manifest.chunks)));
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

 private:
  pqxx::connection& c_;
};

}  // namespace

std::unique_ptr<MediaStore> media_store(pqxx::connection& c) { return std::make_unique<PgMediaStore>(c); }

}  // namespace debrief::sync::pg
