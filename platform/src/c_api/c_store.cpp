// The C API's stores: open and close, status, who this device acts for, the
// host's lifecycle, and the library's version.
#include <cstdlib>

#include "c_api_support.h"
#include "debrief/platform/status.h"

using namespace debrief;
using namespace debrief::capi;

extern "C" {

const char* dbf_version(void) { return DEBRIEF_VERSION; }
int dbf_abi_version(void) { return DBF_ABI_VERSION; }
void dbf_string_free(char* s) { std::free(s); }

int dbf_store_open(const char* dir, dbf_store** out, dbf_error* err) {
  if (out) *out = nullptr;
  return guarded(err, [&] {
    std::string path = text_arg(dir, "dir");
    if (!out) throw ApiError{DBF_DOMAIN_API, Status(Code::invalid_argument, "the output pointer is NULL")};
    *out = register_session(must(platform::Session::open(path), DBF_DOMAIN_STORE));
  });
}

void dbf_store_close(dbf_store* store) {
  // The Session closes when the last call using it returns.
  (void)guarded(nullptr, [&] { unregister_session(store); });
}

int dbf_store_status(dbf_store* store, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    give(json_out, must(platform::store_status(session_arg(store)->store()), DBF_DOMAIN_STORE).dump());
  });
}

int dbf_store_set_me(dbf_store* store, const char* person_id, dbf_error* err) {
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    must(s->store().set_me(id_arg(person_id, "person_id")), DBF_DOMAIN_STORE);
  });
}

int dbf_store_background(dbf_store* store, dbf_error* err) {
  return guarded(err, [&] { must(session_arg(store)->background(), DBF_DOMAIN_STORE); });
}

int dbf_store_foreground(dbf_store* store, dbf_error* err) {
  return guarded(err, [&] { must(session_arg(store)->foreground(), DBF_DOMAIN_SYNC); });
}

}  // extern "C"
