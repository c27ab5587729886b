// DEBRIEF_TRY (debrief/status.h) for coroutines, which must co_return:
// co_returns the Status of `expr` from the enclosing coroutine when it
// failed.
#pragma once

#include "debrief/status.h"

#define DEBRIEF_CO_TRY(expr) DEBRIEF_CO_TRY_IMPL(expr, DEBRIEF_CONCAT(debrief_co_try_, __COUNTER__))
#define DEBRIEF_CO_TRY_IMPL(expr, name) \
  do {                                  \
    ::debrief::Status name = (expr);    \
    if (!name.is_ok()) co_return name;  \
  } while (0)
