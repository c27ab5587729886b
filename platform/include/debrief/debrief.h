/* Debrief's C API: a stable C ABI over the core, the sync engine and the
 * platform layer, for the iOS and Android wrappers (Swift imports it through
 * platform/ios/module.modulemap; Java through platform/android's JNI).
 *
 * Conventions, for every function here:
 *  - Nothing throws: no C++ exception ever crosses this boundary.
 *  - Functions that can fail return DBF_OK (0) or a dbf_code, and then fill
 *    `*err` when `err` is not NULL. On success `*err` is left untouched.
 *  - Strings passed in are NUL-terminated UTF-8, borrowed for the call;
 *    invalid UTF-8 is refused with DBF_INVALID_ARGUMENT.
 *  - Strings passed out (`char** out`) are NUL-terminated UTF-8 that the
 *    caller owns and frees with dbf_string_free(). On failure `*out` is set
 *    to NULL.
 *  - Records are JSON objects, the same ones `debrief --json` prints. JSON
 *    rather than Protobuf because every host parses it without generated
 *    classes (Foundation's JSONSerialization, org.json on Android), records
 *    are small, and their fields are the core's kind table, which changes
 *    with the schema while this ABI stays put. (Protobuf is the sync wire
 *    format, between Debrief's own processes.)
 *  - Kinds are named as the CLI names them: "event", "activity", "survey",
 *    "response", "kudos", "reflection", "person", "team", ...
 *  - A dbf_store is used from one thread at a time. Callbacks say where they
 *    run.
 */
#ifndef DEBRIEF_DEBRIEF_H
#define DEBRIEF_DEBRIEF_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define DBF_API __attribute__((visibility("default")))
#else
#define DBF_API
#endif

/* Bumped when a function's signature or meaning changes incompatibly. */
#define DBF_ABI_VERSION 1

/* Codes may be added after the last; a host treats one it does not know
 * as a failure. */
typedef enum dbf_code {
  DBF_OK = 0,
  DBF_INVALID_ARGUMENT = 1,  /* bad input (or a NULL argument); nothing was changed */
  DBF_NOT_FOUND = 2,         /* an id that does not exist, or a device not enrolled */
  DBF_ALREADY_EXISTS = 3,
  DBF_TOO_LARGE = 4,
  DBF_UNSUPPORTED_VERSION = 5, /* a store written by a newer Debrief */
  DBF_IO_ERROR = 6,          /* disk or network; may be transient */
  DBF_CORRUPT = 7,
  DBF_INTERNAL = 8,          /* a bug in Debrief */
  DBF_PERMISSION_DENIED = 9  /* the server refused this device or person: not enrolled, revoked, not theirs */
} dbf_code;

typedef enum dbf_domain {
  DBF_DOMAIN_API = 1,   /* the call itself: NULL handles, invalid UTF-8, malformed JSON */
  DBF_DOMAIN_STORE = 2, /* the local store and its rules */
  DBF_DOMAIN_SYNC = 3   /* enrolment and sync with a server */
} dbf_domain;

typedef struct dbf_error {
  int domain;        /* a dbf_domain */
  int code;          /* a dbf_code */
  char message[512]; /* for people, in English; NUL-terminated, cut at 511 bytes */
} dbf_error;

/* The library's version ("0.1.0"), static storage; and DBF_ABI_VERSION as built. */
DBF_API const char* dbf_version(void);
DBF_API int dbf_abi_version(void);

/* Frees a string this API returned. NULL is fine. */
DBF_API void dbf_string_free(char* s);

/* ---- Stores ---------------------------------------------------------- */

typedef struct dbf_store dbf_store;

/* Opens (creating) the store in the directory `dir`. Close with dbf_store_close. */
DBF_API int dbf_store_open(const char* dir, dbf_store** out, dbf_error* err);
/* Stops its sync, then closes it. NULL, or a store closed already, is fine;
 * any later call with this handle fails with DBF_INVALID_ARGUMENT. Not from
 * inside one of the store's own sync callbacks. */
DBF_API void dbf_store_close(dbf_store* store);
/* {"data", "schema_version", "device_id", "me", "counts", "pending_changes",
 *  "refused_changes", "total_changes", "server", "last_sync"}. */
DBF_API int dbf_store_status(dbf_store* store, char** json_out, dbf_error* err);
/* Makes the person (hex id) the one this device acts for. */
DBF_API int dbf_store_set_me(dbf_store* store, const char* person_id, dbf_error* err);

/* The host's lifecycle: going to the background stops sync and writes the
 * store's log into its file; coming back restarts sync if it ran. */
DBF_API int dbf_store_background(dbf_store* store, dbf_error* err);
DBF_API int dbf_store_foreground(dbf_store* store, dbf_error* err);

/* ---- What the host provides: secure storage and a log sink ------------ */

/* The host's secure storage for the device credential (the secret the
 * server hands out at enrolment): the iOS Keychain, the Android Keystore.
 * Each function returns 0 on success; each runs on the thread that called
 * into Debrief or on the sync engine's, one call at a time. `context` must
 * stay valid until the store is closed (a running engine keeps using the
 * credentials it started with). */
typedef struct dbf_credentials {
  void* context; /* passed back to each function */
  /* Copies the secret saved for `account` (NUL-terminated) into `buf` of
   * `cap` bytes and returns its length without the NUL; -1 when none is
   * saved; another negative number on failure. When the length is `cap` or
   * more, nothing need be copied: Debrief asks again with a larger buffer. */
  int (*read)(void* context, const char* account, char* buf, int cap);
  /* Saves (replacing) the secret for `account`, durably. */
  int (*write)(void* context, const char* account, const char* secret);
  /* Forgets the secret for `account`; 0 also when there was none. */
  int (*erase)(void* context, const char* account);
} dbf_credentials;

/* Keeps this store's device credential in the host's storage instead of the
 * default, a file beside the store only its owner may read
 * (credentials.json, 0600). `credentials` is copied; its functions must all
 * be set. Call it after every open, before enrolling or syncing. */
DBF_API int dbf_store_set_credentials(dbf_store* store, const dbf_credentials* credentials, dbf_error* err);

/* One log line, a JSON object such as {"event": "sync_state", "state":
 * "error", "reason": "...", "failures": 2, "at_ms": ...}; borrowed for the call. */
typedef void (*dbf_log_fn)(void* context, const char* line);
/* Sends the sync engine's log (a line per state change and per retry) to
 * `fn`, on the sync engine's thread, from the next dbf_sync_start on. A
 * NULL `fn` turns the log off. */
DBF_API int dbf_store_set_log(dbf_store* store, dbf_log_fn fn, void* context, dbf_error* err);

/* ---- Records --------------------------------------------------------- */

/* Creates a record of `kind` from a JSON object of fields; `*id_out` is its hex id. */
DBF_API int dbf_record_create(dbf_store* store, const char* kind, const char* fields_json, char** id_out,
                              dbf_error* err);
/* The record as a JSON object. */
DBF_API int dbf_record_get(dbf_store* store, const char* kind, const char* id, char** json_out, dbf_error* err);
/* A JSON array of records. `options_json` may be NULL, or an object with
 * any of {"where": {"field": "value", ...}, "limit": N, "newest_first": bool}. */
DBF_API int dbf_record_list(dbf_store* store, const char* kind, const char* options_json, char** json_out,
                            dbf_error* err);
/* Changes the fields named in a JSON object. */
DBF_API int dbf_record_update(dbf_store* store, const char* kind, const char* id, const char* fields_json,
                              dbf_error* err);
DBF_API int dbf_record_delete(dbf_store* store, const char* kind, const char* id, dbf_error* err);

/* ---- Surveys, insights, sentiment ------------------------------------ */

/* The survey's next question given the answers so far (a JSON object; NULL
 * for none): {"id", "type", "text", "required", "options"?}, or
 * {"complete": true}. Save the walk with dbf_record_create("response", ...). */
DBF_API int dbf_survey_next(dbf_store* store, const char* survey_id, const char* answers_json,
                            char** question_json, dbf_error* err);
/* The manager's review of one event, privacy rules applied (as `debrief insights --json`). */
DBF_API int dbf_insights_event(dbf_store* store, const char* event_id, char** json_out, dbf_error* err);
/* Every team's trend across events. */
DBF_API int dbf_insights_trends(dbf_store* store, char** json_out, dbf_error* err);
/* The event's heatmap (as `debrief insights heatmap --json`): its groups down,
 * rating, eNPS, team spirit change, negative comments and response rate
 * across, each cell {"value"} or {"withheld": reason}. With event_id NULL,
 * the organisation's: every team at its latest event with results. */
DBF_API int dbf_insights_heatmap(dbf_store* store, const char* event_id, char** json_out, dbf_error* err);
/* The event's comments of the groups shown to everyone (as `debrief insights
 * comments --json`): [{"scope", "part", "text", "sentiment", "themes":
 * [{"key", "name"}]}], by scope, part and text. `theme` (a theme's key, name
 * or wording) and `sentiment` ("positive", "neutral" or "negative") filter
 * them; NULL: any. */
DBF_API int dbf_insights_comments(dbf_store* store, const char* event_id, const char* theme, const char* sentiment,
                                  char** json_out, dbf_error* err);
/* The event's agenda balance (as `debrief event check --json`): {"event",
 * "minutes" and "shares" by kind of activity ("free": gaps between them),
 * "longest_stretch_minutes", "warnings": [{"code", "message"}]}. */
DBF_API int dbf_event_check(dbf_store* store, const char* event_id, char** json_out, dbf_error* err);
/* {"compound", "label", "positive", "neutral", "negative"} for a text. Needs no store. */
DBF_API int dbf_sentiment(const char* text, char** json_out, dbf_error* err);
/* The same score with what moved it: its fields and "reasons", the words,
 * phrases and signals that moved it, strongest first, at most max_reasons:
 * [{"phrase", "weight" (log-odds toward the label; negative: against it),
 * "positive", "neutral", "negative" (its gain for each label)}]. */
DBF_API int dbf_sentiment_explain(const char* text, unsigned max_reasons, char** json_out, dbf_error* err);

/* ---- Sync ------------------------------------------------------------ */

/* Enrols this device with the server at host:port using an enrolment code
 * (SECRET-FINGERPRINT, from `debrief-server admin enroll-code`). */
DBF_API int dbf_sync_enroll(dbf_store* store, const char* host, int port, const char* code,
                            const char* device_name, dbf_error* err);
/* One blocking sync pass; `*result_json` (may be NULL) gets
 * {"pushed", "pulled", "bytes_sent", "bytes_received", "media_sent", "media_received"}
 * (media: photo and video files moved whole). */
DBF_API int dbf_sync_once(dbf_store* store, char** result_json, dbf_error* err);

typedef struct dbf_sync_event {
  const char* state;  /* "offline", "connecting", "pushing", "pulling", "idle", "error" */
  const char* reason; /* why, for offline and error; "" otherwise */
  int64_t pushed, pending, pulled;
  int failures;       /* consecutive failed attempts */
} dbf_sync_event;

/* The event and its strings live for the call only. */
typedef void (*dbf_sync_state_fn)(void* context, const dbf_sync_event* event);
/* Data arrived from the server: reload what is on screen. */
typedef void (*dbf_changed_fn)(void* context);

typedef enum dbf_delivery {
  DBF_DELIVER_ON_SYNC_THREAD = 0, /* callbacks run on the sync engine's thread; return quickly */
  DBF_DELIVER_BY_PUMP = 1         /* callbacks wait until the host calls dbf_pump on its own thread */
} dbf_delivery;

typedef struct dbf_sync_listener {
  dbf_sync_state_fn on_state; /* may be NULL */
  dbf_changed_fn on_changed;  /* may be NULL */
  void* context;              /* passed back to both */
  int delivery;               /* a dbf_delivery */
} dbf_sync_listener;

/* Starts background sync (DBF_NOT_FOUND when not enrolled); `listener` may
 * be NULL and is copied. No callback runs after dbf_sync_stop or
 * dbf_store_close returns. */
DBF_API int dbf_sync_start(dbf_store* store, const dbf_sync_listener* listener, dbf_error* err);
DBF_API void dbf_sync_stop(dbf_store* store);
/* Push local changes now instead of at the next pass. */
DBF_API int dbf_sync_now(dbf_store* store, dbf_error* err);
/* Runs up to `max` queued callbacks (DBF_DELIVER_BY_PUMP) on the calling
 * thread; returns how many ran (0 for a NULL store). */
DBF_API int dbf_pump(dbf_store* store, int max);

#ifdef __cplusplus
}
#endif

#endif /* DEBRIEF_DEBRIEF_H */
