// The device side of sync: enrolment, and one sync pass (push everything
// pending, then pull everything new) over TLS pinned to the server's
// certificate fingerprint.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "debrief/store.h"
#include "debrief/sync/credentials.h"

namespace debrief::sync {

// Where this device syncs to, and its credential. Kept in the store's
// directory as sync.json (0600), all but the secret, which lives in the
// host's Credentials under credential_account(device).
struct ServerLink {
  std::string host;
  std::uint16_t port = 0;
  std::string fingerprint;  // SHA-256 of the server's certificate, pinned at enrolment
  std::string secret;       // the device credential; empty when loaded without Credentials
  Id person;
  std::int64_t last_sync_ms = 0;  // when a pass last completed, 0: never
};

// The saved link without its secret: what status and "last sync" show.
Result<ServerLink> load_link(const std::filesystem::path& store_dir);
// The saved link with its secret, for syncing. A sync.json that still holds
// the secret (written before credentials moved out of it) has it moved
// into `credentials` first and is rewritten without it.
Result<ServerLink> load_link(const Store& store, Credentials& credentials);
// Saves all of the link but its secret.
Status save_link(const std::filesystem::path& store_dir, const ServerLink& link);
// Notes in the saved link that the device was in sync with its server at
// `now_ms` (a pass completed, or a live pull caught up): what "last sync"
// shows.
Status record_sync(const std::filesystem::path& store_dir, std::int64_t now_ms);

// An enrolment code as the server prints it: SECRET-FINGERPRINT. The
// fingerprint lets the device pin the server's certificate before it trusts
// anything the server says.
struct EnrolmentCode {
  std::string secret, fingerprint;
  static Result<EnrolmentCode> parse(const std::string& text);
  std::string text() const { return secret + "-" + fingerprint; }
};

struct SyncOptions {
  std::chrono::seconds timeout{60};   // for the whole pass
  std::uint32_t push_batch = 500;     // changes per push frame
  std::uint32_t protocol_version = 0; // 0: the newest; tests set an older one
};

struct SyncProgress {
  std::string phase;  // "connecting", "pushing", "sending media", "pulling", "receiving media", "done"
  // pulled: changes made elsewhere (its own, coming back, are not counted).
  std::int64_t pushed = 0, pending = 0, pulled = 0, bytes_sent = 0, bytes_received = 0;
  // Local changes the server refused for good in this pass, set aside
  // (change_log.h, refused_changes) so that the rest went through.
  std::int64_t refused = 0;
  // Media: blobs moved whole; chunk bytes moved (part of bytes_*), and
  // those known so far to be on their way (for a progress bar's total).
  std::int64_t media_sent = 0, media_received = 0, media_bytes_sent = 0, media_bytes_received = 0;
  std::int64_t media_bytes_to_send = 0, media_bytes_to_receive = 0;
};
using ProgressFn = std::function<void(const SyncProgress&)>;

// Enrols this store's device at host:port with `code`, saves the secret in
// `credentials` and the rest of the link beside the store, and returns it.
// Fails when the server's certificate does not match the code's
// fingerprint, or the code is wrong, used or expired.
Result<ServerLink> enroll(Store& store, const std::string& host, std::uint16_t port, const EnrolmentCode& code,
                          const std::string& device_name, Credentials& credentials, const SyncOptions& options = {});

// One sync pass: pushes every pending change (each batch acknowledged before
// it is forgotten) and then the media blobs the server lacks, then pulls
// until the server has nothing newer, storing the cursor with each batch,
// and then the blobs its media records name that are not here. A pass cut off anywhere can simply be run
// again: nothing is lost and nothing applies twice.
Result<SyncProgress> sync_once(Store& store, const ServerLink& link, const SyncOptions& options = {},
                               const ProgressFn& progress = {});

// A pass as a person asks for one (`debrief sync`, the C API): with the
// saved link; then the device acts for its enrolled person if it did not
// yet (the directory has arrived), and the link notes the sync.
Result<SyncProgress> sync_with_saved_link(Store& store, Credentials& credentials, const ProgressFn& progress = {});

}  // namespace debrief::sync
