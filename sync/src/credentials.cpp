#include "debrief/sync/credentials.h"

namespace debrief::sync {

std::string credential_account(const Id& device) { return "debrief-device-" + device.hex(); }

}  // namespace debrief::sync
