// The C API's sync: enrolment, one pass, and the background engine with its
// callbacks, on the engine's thread or pumped on the host's.
#include "c_api_support.h"
#include "debrief/sync/client.h"

using namespace debrief;
using namespace debrief::capi;

namespace {

platform::SyncListener listener_of(const dbf_sync_listener* l) {
  if (!l) return {};
  if (l->delivery != DBF_DELIVER_ON_SYNC_THREAD && l->delivery != DBF_DELIVER_BY_PUMP)
    throw ApiError{DBF_DOMAIN_API, Status(Code::invalid_argument, "listener delivery must be a dbf_delivery")};
  platform::SyncListener out;
  out.queued = l->delivery == DBF_DELIVER_BY_PUMP;
  if (dbf_sync_state_fn fn = l->on_state) {
    out.on_state = [fn, context = l->context](const sync::EngineEvent& e) {
      dbf_sync_event event{sync::state_name(e.state), e.reason.c_str(), e.progress.pushed, e.progress.pending,
                           e.progress.pulled, e.failures};
      fn(context, &event);
    };
  }
  if (dbf_changed_fn fn = l->on_changed) out.on_changed = [fn, context = l->context] { fn(context); };
  return out;
}

}  // namespace

extern "C" {

int dbf_sync_enroll(dbf_store* store, const char* host, int port, const char* code, const char* device_name,
                    dbf_error* err) {
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    std::string h = text_arg(host, "host"), name = text_arg(device_name, "device_name");
    if (port < 1 || port > 65535) throw ApiError{DBF_DOMAIN_API, Status(Code::invalid_argument, "port must be 1 to 65535")};
    sync::EnrolmentCode parsed = must(sync::EnrolmentCode::parse(text_arg(code, "code")), DBF_DOMAIN_API);
    must(s->enroll(h, static_cast<std::uint16_t>(port), parsed, name), DBF_DOMAIN_SYNC);
  });
}

int dbf_sync_once(dbf_store* store, char** result_json, dbf_error* err) {
  clear(result_json);
  return guarded(err, [&] {
    sync::SyncProgress done = must(session_arg(store)->sync_once(), DBF_DOMAIN_SYNC);
    if (result_json) {
      give(result_json, Json{{"pushed", done.pushed}, {"pulled", done.pulled}, {"bytes_sent", done.bytes_sent},
                             {"bytes_received", done.bytes_received}, {"media_sent", done.media_sent},
                             {"media_received", done.media_received}}.dump());
    }
  });
}

int dbf_sync_start(dbf_store* store, const dbf_sync_listener* listener, dbf_error* err) {
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    must(s->start_sync(listener_of(listener)), DBF_DOMAIN_SYNC);
  });
}

void dbf_sync_stop(dbf_store* store) {
  (void)guarded(nullptr, [&] { session_arg(store)->stop_sync(); });
}

int dbf_sync_now(dbf_store* store, dbf_error* err) {
  return guarded(err, [&] { must(session_arg(store)->sync_now(), DBF_DOMAIN_SYNC); });
}

int dbf_pump(dbf_store* store, int max) {
  int ran = 0;
  (void)guarded(nullptr, [&] { ran = session_arg(store)->pump(max); });
  return ran;
}

}  // extern "C"
