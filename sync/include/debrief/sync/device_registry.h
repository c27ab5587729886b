// The server's record of enrolled devices and one-time enrolment codes. Only
// SHA-256 hashes of secrets are kept. An interface, so that a PostgreSQL
// backend can stand beside the SQLite one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "debrief/env.h"
#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief::sync {

struct EnrolledDevice {
  Id device;
  Id person;
  std::string secret;  // given to the device once, never stored
};

struct DeviceInfo {
  Id device, person;
  std::string name;
  bool revoked = false;
};

// The registry as stored, for backup and restore: hashes only.
struct DeviceRow {
  Id device, person;
  std::string name;
  std::string secret_sha256;  // 64 hex digits
  bool revoked = false;
  std::int64_t created_at = 0;  // Unix seconds
};
struct CodeRow {
  std::string sha256;  // 64 hex digits
  Id person;
  std::int64_t expires_at = 0, used_at = 0;  // Unix seconds; used_at 0: not used
};
struct RegistryRows {
  std::vector<DeviceRow> devices;
  std::vector<CodeRow> codes;
};

inline constexpr char kIdTaken[] = "this device id is enrolled already; a device enrols once, under an id of its own";

class DeviceRegistry {
 public:
  virtual ~DeviceRegistry() = default;
  // A new one-time code for `person`, valid for `valid_s` seconds.
  virtual Result<std::string> make_code(const Id& person, std::int64_t valid_s) = 0;
  // Spends `code` and enrols `device` for its person, atomically: a code
  // works once. Fails (invalid_argument) for unknown, used or expired codes,
  // and with kIdTaken for a device id enrolled already (revoked or not):
  // an id is never taken over, so a device that lost its enrolment makes a
  // new id.
  virtual Result<EnrolledDevice> enroll(const std::string& code, const Id& device, const std::string& name) = 0;
  // The person of a device whose secret matches and that is not revoked.
  virtual Result<Id> authenticate(const Id& device, const std::string& secret) = 0;
  virtual Status revoke(const Id& device) = 0;
  virtual Result<std::vector<DeviceInfo>> devices() = 0;
  // The ids of every revoked device (a running server ends their sessions).
  virtual Result<std::set<Id>> revoked_devices() = 0;
  // Everything, hashes as stored; and loading it into an empty registry.
  virtual Result<RegistryRows> dump() = 0;
  virtual Status load(const RegistryRows& rows) = 0;
};

// The SQLite registry in `file`, created when missing. Not thread-safe.
Result<std::unique_ptr<DeviceRegistry>> open_sqlite_registry(const std::filesystem::path& file, Env& env);

}  // namespace debrief::sync
