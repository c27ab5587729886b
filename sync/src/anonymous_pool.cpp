// A pooled response as both server stores keep it: its Protobuf Change.
#include "debrief/sync/anonymous_pool.h"

#include "debrief/sync/wire.h"

namespace debrief::sync {

std::string pooled_bytes(const WireChange& change) { return to_proto(change).SerializeAsString(); }

Result<WireChange> from_pooled_bytes(const std::string& bytes) {
  pb::Change p;
  if (!p.ParseFromString(bytes)) return Status(Code::corrupt, "a pooled response is damaged");
  return from_proto(p);
}

}  // namespace debrief::sync
