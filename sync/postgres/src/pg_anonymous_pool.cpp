// The PostgreSQL store's pool of anonymous responses (anonymous_pool.h):
// table anonymous_pool (schema version 2), shared by every server process.
// Two processes releasing the same group both accept it; the second
// accept changes nothing.
#include "pg_support.h"

namespace debrief::sync::pg {
namespace {

class PgAnonymousPool final : public AnonymousPool {
 public:
  PgAnonymousPool(pqxx::connection& c, pqxx::work* const& appending) : c_(c), appending_(appending) {}

  Status add(const std::vector<PooledResponse>& responses, std::int64_t day) override {
    return writing([&](pqxx::work& tx) {
      for (const PooledResponse& r : responses)
        tx.exec_params0("INSERT INTO anonymous_pool(record, grp, day, change) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                        uuid(r.change.record), r.group, day, pqxx::binarystring(pooled_bytes(r.change)));
    });
  }

  Result<bool> holds(const Id& record) override {
    return guarded([&]() -> Result<bool> {
      pqxx::read_transaction tx(c_);
      return !tx.exec_params("SELECT 1 FROM anonymous_pool WHERE record = $1", uuid(record)).empty();
    });
  }

  Result<std::vector<std::string>> ripe_groups(std::int64_t at_least) override {
    return guarded([&]() -> Result<std::vector<std::string>> {
      pqxx::read_transaction tx(c_);
      std::vector<std::string> out;
      for (const pqxx::row& r : tx.exec_params("SELECT grp FROM anonymous_pool GROUP BY grp HAVING count(*) >= $1",
                                               at_least))
        out.push_back(r[0].as<std::string>());
      return out;
    });
  }

  Result<std::vector<WireChange>> held(const std::string& group) override {
    return guarded([&]() -> Result<std::vector<WireChange>> {
      pqxx::read_transaction tx(c_);
      std::vector<WireChange> out;
      for (const pqxx::row& r : tx.exec_params("SELECT change FROM anonymous_pool WHERE grp = $1", group)) {
        Result<WireChange> c = from_pooled_bytes(pqxx::binarystring(r[0]).str());
        DEBRIEF_TRY(c.status());
        out.push_back(std::move(*c));
      }
      return out;
    });
  }

  Status remove(const std::vector<Id>& records) override {
    return writing([&](pqxx::work& tx) {
      for (const Id& id : records) tx.exec_params0("DELETE FROM anonymous_pool WHERE record = $1", uuid(id));
    });
  }

  Result<std::vector<std::pair<PooledResponse, std::int64_t>>> dump() override {
    return guarded([&]() -> Result<std::vector<std::pair<PooledResponse, std::int64_t>>> {
      pqxx::read_transaction tx(c_);
      std::vector<std::pair<PooledResponse, std::int64_t>> out;
      for (const pqxx::row& r : tx.exec("SELECT grp, day, change FROM anonymous_pool ORDER BY grp, record")) {
        Result<WireChange> c = from_pooled_bytes(pqxx::binarystring(r[2]).str());
        DEBRIEF_TRY(c.status());
        out.push_back({{r[0].as<std::string>(), std::move(*c)}, r[1].as<std::int64_t>()});
      }
      return out;
    });
  }

 private:
  // Runs `body` in the feed's transaction while a store appends (it
  // commits with the append), else in one of its own.
  template <class Body>
  Status writing(Body&& body) {
    return guarded([&]() -> Status {
      if (appending_) return body(*appending_), Status::ok();
      pqxx::work tx(c_);
      body(tx);
      tx.commit();
      return Status::ok();
    });
  }

  pqxx::connection& c_;
  pqxx::work* const& appending_;
};

}  // namespace

std::unique_ptr<AnonymousPool> anonymous_pool(pqxx::connection& c, pqxx::work* const& appending) {
  return std::make_unique<PgAnonymousPool>(c, appending);
}

}  // namespace debrief::sync::pg
