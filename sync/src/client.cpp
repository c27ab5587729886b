#include "debrief/sync/client.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "debrief/change_log.h"
#include "debrief/replication.h"
#include "debrief/sync/frame_io.h"
#include "sync_pass.h"
#include "tls_connection.h"
#include "co_try.h"

namespace debrief::sync {
namespace {

constexpr char kLinkFile[] = "sync.json";

}  // namespace

using namespace detail;

Result<EnrolmentCode> EnrolmentCode::parse(const std::string& text) {
  auto dash = text.rfind('-');
  if (dash == std::string::npos || text.size() - dash - 1 != 64 || dash == 0)
    return invalid("an enrolment code looks like SECRET-FINGERPRINT (64 hex digits after the dash)");
  return EnrolmentCode{text.substr(0, dash), text.substr(dash + 1)};
}

namespace {

// sync.json as saved; `secret` is set only in files written before the
// secret moved to Credentials.
Result<ServerLink> read_link_file(const std::filesystem::path& dir) {
  std::ifstream in(dir / kLinkFile);
  if (!in) return not_found("this device is not enrolled with a server yet (debrief enroll --server HOST:PORT --code CODE)");
  std::stringstream ss;
  ss << in.rdbuf();
  Json j = Json::parse(ss.str(), nullptr, false);
  if (!j.is_object()) return Status(Code::corrupt, (dir / kLinkFile).string() + " is not valid JSON");
  Result<Id> person = Id::parse(j.value("person", ""));
  DEBRIEF_TRY(person.status());
  return ServerLink{j.value("host", ""), j.value("port", std::uint16_t{0}), j.value("fingerprint", ""),
                    j.value("secret", ""), *person, j.value("last_sync_ms", std::int64_t{0})};
}

}  // namespace

Result<ServerLink> load_link(const std::filesystem::path& dir) {
  Result<ServerLink> link = read_link_file(dir);
  if (link.is_ok()) link->secret.clear();
  return link;
}

Result<ServerLink> load_link(const Store& store, Credentials& credentials) {
  Result<ServerLink> link = read_link_file(store.dir());
  DEBRIEF_TRY(link.status());
  std::string account = credential_account(store.device_id());
  if (!link->secret.empty()) {  // an older sync.json: move the secret out of it
    DEBRIEF_TRY(credentials.write(account, link->secret));
    DEBRIEF_TRY(save_link(store.dir(), *link));
    return link;
  }
  Result<std::string> secret = credentials.read(account);
  if (secret.status().code() == Code::not_found)
    return not_found("this device's credential is missing from its secure storage: enrol it again");
  DEBRIEF_TRY(secret.status());
  link->secret = *secret;
  return link;
}

Status save_link(const std::filesystem::path& dir, const ServerLink& link) {
  Json j = {{"host", link.host}, {"port", link.port}, {"fingerprint", link.fingerprint},
            {"person", link.person.hex()}, {"last_sync_ms", link.last_sync_ms}};
  std::filesystem::path tmp = dir / (std::string(kLinkFile) + ".tmp");
  {
    std::ofstream out(tmp);
    ::chmod(tmp.c_str(), 0600);
    out << j.dump(2) << "\n";
    if (!out.flush()) return Status(Code::io_error, "cannot write " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, dir / kLinkFile, ec);
  return ec ? Status(Code::io_error, "cannot save the server link: " + ec.message()) : Status::ok();
}

Status record_sync(const std::filesystem::path& dir, std::int64_t now_ms) {
  Result<ServerLink> link = load_link(dir);
  DEBRIEF_TRY(link.status());
  link->last_sync_ms = now_ms;
  return save_link(dir, *link);
}

Result<ServerLink> enroll(Store& store, const std::string& host, std::uint16_t port, const EnrolmentCode& code,
                          const std::string& device_name, Credentials& credentials, const SyncOptions& options) {
  Connection c(code.fingerprint, {});
  Result<ServerLink> link = c.run<ServerLink>(host, port, options.timeout, [&](Connection& conn) -> asio::awaitable<Result<ServerLink>> {
    pb::Frame f;
    pb::EnrollRequest* r = f.mutable_enroll_request();
    r->set_protocol_version(version_of(options));
    r->set_app_version(kAppVersion);
    r->set_device_id(bytes_of(store.device_id()));
    r->set_code(code.secret);
    r->set_device_name(device_name);
    Result<pb::Frame> reply = co_await conn.exchange(f);
    DEBRIEF_CO_TRY(reply.status());
    if (!reply->has_enroll_reply()) co_return invalid("the server answered the enrolment with something else");
    Result<Id> person = id_of(reply->enroll_reply().person_id());
    if (!person.is_ok()) co_return invalid("the server sent a malformed person id");
    co_return ServerLink{host, port, code.fingerprint, reply->enroll_reply().device_secret(), *person};
  });
  DEBRIEF_TRY(link.status());
  DEBRIEF_TRY(credentials.write(credential_account(store.device_id()), link->secret));
  DEBRIEF_TRY(save_link(store.dir(), *link));
  DEBRIEF_TRY(store.bind_me(link->person));
  return link;
}

Result<SyncProgress> sync_once(Store& store, const ServerLink& link, const SyncOptions& options, const ProgressFn& progress) {
  Connection c(link.fingerprint, progress);
  Result<StoreInfo> info = store.info();
  DEBRIEF_TRY(info.status());
  c.progress.pending = info->pending_changes;
  return c.run<SyncProgress>(link.host, link.port, options.timeout, [&](Connection& conn) -> asio::awaitable<Result<SyncProgress>> {
    Status synced = co_await sync_pass(conn, store, link, options);
    DEBRIEF_CO_TRY(synced);
    pb::Frame bye;
    bye.mutable_bye();
    (void)co_await conn.send(bye);
    conn.report("done");
    co_return conn.progress;
  });
}

Result<SyncProgress> sync_with_saved_link(Store& store, Credentials& credentials, const ProgressFn& progress) {
  Result<ServerLink> link = load_link(store, credentials);
  DEBRIEF_TRY(link.status());
  Result<SyncProgress> done = sync_once(store, *link, {}, progress);
  DEBRIEF_TRY(done.status());
  if (!store.me()) (void)store.set_me(link->person);  // best effort: the person may not have arrived
  DEBRIEF_TRY(record_sync(store.dir(), store.env().now_ms()));
  return done;
}

}  // namespace debrief::sync
