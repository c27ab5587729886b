#include "c_api_support.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "debrief/json_input.h"
#include "debrief/text.h"

namespace debrief::capi {

static_assert(static_cast<int>(Code::invalid_argument) == DBF_INVALID_ARGUMENT &&
                  static_cast<int>(Code::not_found) == DBF_NOT_FOUND &&
                  static_cast<int>(Code::already_exists) == DBF_ALREADY_EXISTS &&
                  static_cast<int>(Code::too_large) == DBF_TOO_LARGE &&
                  static_cast<int>(Code::unsupported_version) == DBF_UNSUPPORTED_VERSION &&
                  static_cast<int>(Code::io_error) == DBF_IO_ERROR && static_cast<int>(Code::corrupt) == DBF_CORRUPT &&
                  static_cast<int>(Code::internal) == DBF_INTERNAL &&
                  static_cast<int>(Code::permission_denied) == DBF_PERMISSION_DENIED,
              "dbf_code mirrors debrief::Code");

namespace {

[[noreturn]] void refuse(const std::string& message) {
  throw ApiError{DBF_DOMAIN_API, Status(Code::invalid_argument, message)};
}

}  // namespace

int fill(dbf_error* err, dbf_domain domain, Code code, const std::string& message) {
  int c = code == Code::ok ? DBF_INTERNAL : static_cast<int>(code);
  if (err) {
    err->domain = domain;
    err->code = c;
    std::size_t n = std::min(message.size(), sizeof err->message - 1);
    std::memcpy(err->message, message.data(), n);
    err->message[n] = '\0';
  }
  return c;
}

std::string text_arg(const char* s, const char* what) {
  if (!s) refuse(std::string(what) + " is NULL");
  std::string text(s);
  if (!is_valid_utf8(text)) refuse(std::string(what) + " is not valid UTF-8");
  return text;
}

Json json_arg(const char* s, const char* what) {
  Result<Json> j = parse_json_input(text_arg(s, what), what);
  if (!j.is_ok()) refuse(j.status().message());
  if (!j->is_object()) refuse(std::string(what) + " must be a JSON object");
  return std::move(*j);
}

Kind kind_arg(const char* s) {
  std::string name = text_arg(s, "kind");
  std::optional<Kind> kind = kind_named(name);
  if (!kind) refuse("no kind of record is named '" + name + "'");
  return *kind;
}

Id id_arg(const char* s, const char* what) {
  Result<Id> id = Id::parse(text_arg(s, what));
  if (!id.is_ok()) refuse(std::string(what) + ": " + id.status().message());
  return *id;
}

namespace {

struct Registry {
  std::mutex mu;
  std::unordered_map<std::uintptr_t, std::shared_ptr<platform::Session>> open;
  std::uintptr_t next = 1;
};

Registry& registry() {
  static Registry* r = new Registry;  // never destroyed: hosts may close stores during exit
  return *r;
}

std::uintptr_t token(dbf_store* store) { return reinterpret_cast<std::uintptr_t>(store); }

}  // namespace

dbf_store* register_session(std::unique_ptr<platform::Session> session) {
  Registry& r = registry();
  std::lock_guard lock(r.mu);
  std::uintptr_t id = r.next++;
  r.open.emplace(id, std::move(session));
  return reinterpret_cast<dbf_store*>(id);
}

std::shared_ptr<platform::Session> unregister_session(dbf_store* store) {
  Registry& r = registry();
  std::lock_guard lock(r.mu);
  auto it = r.open.find(token(store));
  if (it == r.open.end()) return nullptr;
  std::shared_ptr<platform::Session> session = std::move(it->second);
  r.open.erase(it);
  return session;
}

std::shared_ptr<platform::Session> session_arg(dbf_store* store) {
  if (!store) refuse("the store is NULL");
  Registry& r = registry();
  std::lock_guard lock(r.mu);
  auto it = r.open.find(token(store));
  if (it == r.open.end()) refuse("the store is closed (or was never opened)");
  return it->second;
}

void clear(char** out) {
  if (out) *out = nullptr;
}

void need_out(char** out) {
  if (!out) refuse("the output pointer is NULL");
}

void give(char** out, const std::string& text) {
  need_out(out);
  auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, text.c_str(), text.size() + 1);
  *out = copy;
}

}  // namespace debrief::capi
