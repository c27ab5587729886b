// The C API's records: create, get, list, update and delete, as JSON.
#include "c_api_support.h"

using namespace debrief;
using namespace debrief::capi;

namespace {

ListOptions list_options(const char* options_json) {
  ListOptions o;
  if (!options_json) return o;
  Json j = json_arg(options_json, "options_json");
  auto refuse = [](const std::string& m) { throw ApiError{DBF_DOMAIN_API, Status(Code::invalid_argument, m)}; };
  if (j.contains("where")) {
    if (!j["where"].is_object()) refuse("options_json: \"where\" must be an object of field names to strings");
    for (const auto& [field, value] : j["where"].items()) {
      if (!value.is_string()) refuse("options_json: \"where\"." + field + " must be a string");
      o.where.emplace_back(field, value.get<std::string>());
    }
  }
  if (j.contains("limit")) {
    if (!j["limit"].is_number_integer()) refuse("options_json: \"limit\" must be a whole number");  // list() refuses < 0
    o.limit = j["limit"];
  }
  if (j.contains("newest_first")) {
    if (!j["newest_first"].is_boolean()) refuse("options_json: \"newest_first\" must be true or false");
    o.newest_first = j["newest_first"];
  }
  return o;
}

}  // namespace

extern "C" {

int dbf_record_create(dbf_store* store, const char* kind, const char* fields_json, char** id_out, dbf_error* err) {
  clear(id_out);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    Kind k = kind_arg(kind);
    Json fields = json_arg(fields_json, "fields_json");
    need_out(id_out);
    give(id_out, must(create(s->store(), k, fields), DBF_DOMAIN_STORE).hex());
  });
}

int dbf_record_get(dbf_store* store, const char* kind, const char* id, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    Kind k = kind_arg(kind);
    give(json_out, must(get_readable(s->store(), k, id_arg(id, "id")), DBF_DOMAIN_STORE).dump());
  });
}

int dbf_record_list(dbf_store* store, const char* kind, const char* options_json, char** json_out, dbf_error* err) {
  clear(json_out);
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    Kind k = kind_arg(kind);
    give(json_out, Json(must(list(s->store(), k, list_options(options_json)), DBF_DOMAIN_STORE)).dump());
  });
}

int dbf_record_update(dbf_store* store, const char* kind, const char* id, const char* fields_json, dbf_error* err) {
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    Kind k = kind_arg(kind);
    Id which = id_arg(id, "id");
    must(update(s->store(), k, which, json_arg(fields_json, "fields_json")), DBF_DOMAIN_STORE);
  });
}

int dbf_record_delete(dbf_store* store, const char* kind, const char* id, dbf_error* err) {
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    Kind k = kind_arg(kind);
    must(remove(s->store(), k, id_arg(id, "id")), DBF_DOMAIN_STORE);
  });
}

}  // extern "C"
