// Where a device keeps its sync credential (the device secret the server
// gave it at enrolment): the host's secure storage. On iOS a wrapper backs
// it with the Keychain, on Android with the Keystore; on the desktop it is
// a file only its owner can read (platform::file_credentials). The sync
// layer never writes the secret anywhere else: sync.json holds the rest of
// the link.
#pragma once

#include <string>

#include "debrief/id.h"
#include "debrief/status.h"

namespace debrief::sync {

class Credentials {
 public:
  virtual ~Credentials() = default;
  // The secret saved for `account`; not_found when none is.
  virtual Result<std::string> read(const std::string& account) = 0;
  // Saves (replacing) the secret for `account`, durably, before returning.
  virtual Status write(const std::string& account, const std::string& secret) = 0;
  // Forgets `account`'s secret; fine when there is none.
  virtual Status erase(const std::string& account) = 0;
  // Implementations must be callable from any thread (the sync engine reads
  // from its own), one call at a time per object at least.
};

// The account a device's secret is saved under: "debrief-device-<hex id>".
std::string credential_account(const Id& device);

}  // namespace debrief::sync
