// Reading change-log rows. Internal to the core.
#pragma once

#include "debrief/change_log.h"
#include "sqlite.h"

namespace debrief {

// The columns every change query selects, in the order change_from_row reads.
inline constexpr const char* kChangeColumns = "seq, device, hlc, kind, record, field, value, op";

// A change from a row selecting kChangeColumns.
Change change_from_row(const sql::Stmt& row);

}  // namespace debrief
