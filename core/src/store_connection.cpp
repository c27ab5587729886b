#include "debrief/store_connection.h"

#include "store_impl.h"

namespace debrief {

sqlite3* connection_of(Store& store) { return store.impl().db->raw(); }

}  // namespace debrief
