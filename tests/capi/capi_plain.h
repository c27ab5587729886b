/* Tests written in plain C, run from the C API's test binary. */
#ifndef DEBRIEF_TESTS_CAPI_PLAIN_H
#define DEBRIEF_TESTS_CAPI_PLAIN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 0 when open, create, read back and close work from C; else 1, with the
 * reason in `why`. `dir` must name an empty or missing directory. */
int plain_c_round_trip(const char* dir, char* why, size_t size);

#ifdef __cplusplus
}
#endif

#endif
