// The device registry in PostgreSQL: the same rules as the SQLite one
// (codes work once, until they expire; only hashes are kept; revoked
// devices are refused), shared by every server process.
#include "debrief/sync/secrets.h"
#include "debrief/text.h"
#include "pg_support.h"

namespace debrief::sync::pg {
namespace {

std::string hash_hex(const std::string& secret) {
  std::string digest = sha256(secret);
  return hex_encode(reinterpret_cast<const unsigned char*>(digest.data()), digest.size());
}

class PgRegistry final : public DeviceRegistry {
 public:
  PgRegistry(pqxx::connection& c, Env& entropy) : c_(c), entropy_(entropy) {}

  Result<std::string> make_code(const Id& person, std::int64_t valid_s) override {
    return guarded([&]() -> Result<std::string> {
      std::string code = random_text(entropy_, 20);
      pqxx::work tx(c_);
      tx.exec_params0("INSERT INTO codes(hash, person, expires_at) VALUES ($1, $2, $3)", hash_hex(code), uuid(person),
                      now_s() + valid_s);
      tx.commit();
      return code;
    });
  }

  Result<EnrolledDevice> enroll(const std::string& code, const Id& device, const std::string& name) override {
    return guarded([&]() -> Result<EnrolledDevice> {
      pqxx::work tx(c_);
      if (!tx.exec_params("SELECT 1 FROM devices WHERE id = $1", uuid(device)).empty()) return invalid(kIdTaken);
      pqxx::result found = tx.exec_params("SELECT person, expires_at, used_at FROM codes WHERE hash = $1 FOR UPDATE", hash_hex(code));
      if (found.empty()) return invalid("the enrolment code is not valid");
      if (!found[0][2].is_null()) return invalid("the enrolment code was used already");
      if (found[0][1].as<std::int64_t>() < now_s()) return invalid("the enrolment code has expired");
      Result<Id> person = id_of(found[0][0].c_str());
      DEBRIEF_TRY(person.status());
      tx.exec_params0("UPDATE codes SET used_at = $1 WHERE hash = $2", now_s(), hash_hex(code));
      EnrolledDevice out{device, *person, random_text(entropy_, 40)};
      tx.exec_params0(
          "INSERT INTO devices(id, person, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
          uuid(device), uuid(*person), name, hash_hex(out.secret), now_s());
      tx.commit();
      return out;
    });
  }

  Result<Id> authenticate(const Id& device, const std::string& secret) override {
    return guarded([&]() -> Result<Id> {
      pqxx::read_transaction tx(c_);
      pqxx::result r = tx.exec_params("SELECT person, secret_hash, revoked FROM devices WHERE id = $1", uuid(device));
      if (r.empty()) return invalid("this device is not enrolled");
      if (r[0][1].as<std::string>() != hash_hex(secret)) return invalid("the device credential is wrong");
      if (r[0][2].as<bool>()) return invalid("this device was revoked");
      return id_of(r[0][0].c_str());
    });
  }

  Status revoke(const Id& device) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      pqxx::result r = tx.exec_params("UPDATE devices SET revoked = true WHERE id = $1", uuid(device));
      tx.commit();
      return r.affected_rows() ? Status::ok() : not_found("no device " + device.hex());
    });
  }

  Result<RegistryRows> dump() override {
    return guarded([&]() -> Result<RegistryRows> {
      pqxx::read_transaction tx(c_);
      RegistryRows out;
      for (const pqxx::row& r : tx.exec("SELECT id, person, name, secret_hash, revoked, created_at FROM devices ORDER BY created_at, id")) {
        Result<Id> id = id_of(r[0].c_str()), person = id_of(r[1].c_str());
        DEBRIEF_TRY(id.status());
        DEBRIEF_TRY(person.status());
        out.devices.push_back({*id, *person, r[2].as<std::string>(), r[3].as<std::string>(), r[4].as<bool>(), r[5].as<std::int64_t>()});
      }
      for (const pqxx::row& r : tx.exec("SELECT hash, person, expires_at, coalesce(used_at, 0) FROM codes ORDER BY expires_at, hash")) {
        Result<Id> person = id_of(r[1].c_str());
        DEBRIEF_TRY(person.status());
        out.codes.push_back({r[0].as<std::string>(), *person, r[2].as<std::int64_t>(), r[3].as<std::int64_t>()});
      }
      return out;
    });
  }

  Status load(const RegistryRows& rows) override {
    return guarded([&]() -> Status {
      pqxx::work tx(c_);
      for (const DeviceRow& r : rows.devices)
        tx.exec_params0("INSERT INTO devices(id, person, name, secret_hash, revoked, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                        uuid(r.device), uuid(r.person), r.name, r.secret_sha256, r.revoked, r.created_at);
      for (const CodeRow& r : rows.codes)
        tx.exec_params0("INSERT INTO codes(hash, person, expires_at, used_at) VALUES ($1, $2, $3, nullif($4, 0::bigint))",
                        r.sha256, uuid(r.person), r.expires_at, r.used_at);
      tx.commit();
      return Status::ok();
    });
  }

  Result<std::set<Id>> revoked_devices() override {
    return guarded([&]() -> Result<std::set<Id>> {
      pqxx::read_transaction tx(c_);
      std::set<Id> out;
      for (const pqxx::row& r : tx.exec("SELECT id FROM devices WHERE revoked")) {
        Result<Id> id = id_of(r[0].c_str());
        DEBRIEF_TRY(id.status());
        out.insert(*id);
      }
      return out;
    });
  }

  Result<std::vector<DeviceInfo>> devices() override {
    return guarded([&]() -> Result<std::vector<DeviceInfo>> {
      pqxx::read_transaction tx(c_);
      std::vector<DeviceInfo> out;
      for (const pqxx::row& r : tx.exec("SELECT id, person, name, revoked FROM devices ORDER BY created_at, id")) {
        Result<Id> id = id_of(r[0].c_str()), person = id_of(r[1].c_str());
        DEBRIEF_TRY(id.status());
        DEBRIEF_TRY(person.status());
        out.push_back({*id, *person, r[2].as<std::string>(), r[3].as<bool>()});
      }
      return out;
    });
  }

 private:
  std::int64_t now_s() const { return entropy_.now_ms() / 1000; }

  pqxx::connection& c_;
  Env& entropy_;  // codes, secrets, and the clock they expire by
};

}  // namespace

std::unique_ptr<DeviceRegistry> registry(pqxx::connection& c, Env& entropy) {
  return std::make_unique<PgRegistry>(c, entropy);
}

}  // namespace debrief::sync::pg
