#include "debrief/store_connection.h"

#include "store_impl.h"

namespace debrief {

sqlite3* connection_of(Store& store) { return impl_of(store).db->raw(); }

}  // namespace debrief
