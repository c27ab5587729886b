/* The C API from plain C, as an iOS or Android wrapper's C would call it:
 * open a store, write a person and an event, read them back, close. */
#include "capi_plain.h"

#include <stdio.h>
#include <string.h>

#include "debrief/debrief.h"

static int failed(char* why, size_t size, const char* step, const dbf_error* err) {
  snprintf(why, size, "%s: %s", step, err ? err->message : "unexpected result");
  return 1;
}

int plain_c_round_trip(const char* dir, char* why, size_t size) {
  dbf_error err;
  dbf_store* store = NULL;
  char* person = NULL;
  char* event = NULL;
  char* json = NULL;
  char* missing = NULL;
  int result = 0;
  if (dbf_store_open(dir, &store, &err) != DBF_OK) return failed(why, size, "open", &err);
  if (dbf_record_create(store, "person", "{\"name\": \"Chloé Martin\"}", &person, &err) != DBF_OK) {
    result = failed(why, size, "create person", &err);
  } else if (dbf_store_set_me(store, person, &err) != DBF_OK) {
    result = failed(why, size, "set me", &err);
  } else if (dbf_record_create(store, "event",
                               "{\"title\": \"Offsite\", \"starts_at\": \"2026-12-03T09:00:00Z\","
                               " \"ends_at\": \"2026-12-03T17:00:00Z\"}",
                               &event, &err) != DBF_OK) {
    result = failed(why, size, "create event", &err);
  } else if (dbf_record_get(store, "event", event, &json, &err) != DBF_OK) {
    result = failed(why, size, "get event", &err);
  } else if (!strstr(json, "\"title\":\"Offsite\"")) {
    result = failed(why, size, "the event read back", NULL);
  } else if (dbf_record_get(store, "person", "not-an-id", &missing, &err) == DBF_OK || missing != NULL ||
             err.domain != DBF_DOMAIN_API || err.code != DBF_INVALID_ARGUMENT) {
    result = failed(why, size, "a malformed id must be refused", NULL);
  }
  dbf_string_free(missing);
  dbf_string_free(json);
  dbf_string_free(event);
  dbf_string_free(person);
  dbf_store_close(store);
  return result;
}
