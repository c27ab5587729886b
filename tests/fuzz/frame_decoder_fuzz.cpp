// libFuzzer target: a frame as read_frame (frame_io.h) decodes it from the
// bytes a peer sends: the 4-byte length checked, then the body parsed; and
// the changes of a PushBatch (what a server decodes) or a PullBatch (what a
// device decodes) turned into WireChanges (from_proto), their JSON values
// parsed with parse_json_input's bounds.
//
// Findings, besides crashes, sanitizer reports and exceptions: a change
// that does not survive the trip through its Protobuf form unchanged. The
// server stores pooled anonymous responses in that form
// (anonymous_pool.h), so a change must come back from it as it went in.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "debrief/sync/wire.h"

namespace {

using namespace debrief;
using namespace debrief::sync;

std::string encoded(const WireChange& c) { return to_proto(c).SerializeAsString(); }

void check_change(const pb::Change& p) {
  Result<WireChange> c = from_proto(p);
  if (!c.is_ok()) return;
  Result<WireChange> again = from_proto(to_proto(*c));
  if (!again.is_ok() || encoded(*again) != encoded(*c)) {
    std::fprintf(stderr, "frame_decoder: a change changed on its trip through Protobuf: %s\n",
                 again.is_ok() ? to_proto(*again).ShortDebugString().c_str() : again.status().message().c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;  // read_frame: the connection closed
  Result<std::size_t> body_size = frame_body_size(data, kMaxFrameBytes);
  if (!body_size.is_ok() || *body_size > size - 4) return 0;  // refused, or closed mid-frame
  Result<pb::Frame> frame = decode_frame_body(std::string_view(reinterpret_cast<const char*>(data) + 4, *body_size));
  if (!frame.is_ok()) return 0;
  for (const pb::Change& p : frame->push().changes()) check_change(p);
  for (const pb::Change& p : frame->pull_batch().changes()) check_change(p);
  return 0;
}
