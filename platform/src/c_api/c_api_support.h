// How each C API function is built: the handles behind dbf_store, argument
// checks, strings handed out, and the guard that turns every failure (and
// any exception) into a dbf_error, so nothing is thrown into C.
//
// A dbf_store is a token, never a pointer to memory: open registers the
// Session under a number that is never reused, close unregisters it. So a
// closed (or made-up) handle is refused with an error instead of touching
// freed memory, and a call in flight keeps its Session alive.
#pragma once

#include <memory>
#include <string>

#include "debrief/debrief.h"
#include "debrief/kind.h"
#include "debrief/platform/session.h"
#include "debrief/records.h"

namespace debrief::capi {

// A failure on its way out to the caller's dbf_error.
struct ApiError {
  dbf_domain domain;
  Status status;
};

int fill(dbf_error* err, dbf_domain domain, Code code, const std::string& message);

// Runs `body`; DBF_OK when it returns, else the failure in `err`.
template <class F>
int guarded(dbf_error* err, F&& body) noexcept {
  try {
    body();
    return DBF_OK;
  } catch (const ApiError& e) {
    return fill(err, e.domain, e.status.code(), e.status.message());
  } catch (const std::bad_alloc&) {
    return fill(err, DBF_DOMAIN_API, Code::internal, "out of memory");
  } catch (const std::exception& e) {
    return fill(err, DBF_DOMAIN_API, Code::internal, std::string("internal error: ") + e.what());
  } catch (...) {
    return fill(err, DBF_DOMAIN_API, Code::internal, "internal error");
  }
}

inline void must(const Status& s, dbf_domain domain) {
  if (!s.is_ok()) throw ApiError{domain, s};
}
template <class T>
T must(Result<T> r, dbf_domain domain) {
  must(r.status(), domain);
  return std::move(*r);
}

// Arguments: each throws an ApiError in DBF_DOMAIN_API naming `what` when
// the argument is NULL or not what it should be.
std::string text_arg(const char* s, const char* what);
Json json_arg(const char* s, const char* what);  // a JSON object
Kind kind_arg(const char* s);
Id id_arg(const char* s, const char* what);
std::shared_ptr<platform::Session> session_arg(dbf_store* store);
dbf_store* register_session(std::unique_ptr<platform::Session> session);
// The Session behind `store`, no longer reachable through it (null when none was).
std::shared_ptr<platform::Session> unregister_session(dbf_store* store);

// Refuses a NULL output pointer; call before any side effect.
void need_out(char** out);
// Sets *out to NULL (when out is not NULL), so a failed call hands out nothing.
void clear(char** out);
// Hands `text` out as a string the caller frees with dbf_string_free.
void give(char** out, const std::string& text);

}  // namespace debrief::capi
