// One simulated connection between a device and a server: TCP's two
// directions as two ordered queues of encoded frames, and a cut that ends
// the connection at a chosen byte. Frames queued before the cut still
// arrive; the frame the cut falls in, and everything after it, is lost.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include "debrief/sync/wire.h"

namespace debrief::sim {

// A frame as it came off the link, read as a receiver allowing at most
// `max_bytes` would read it.
inline Result<sync::pb::Frame> decode_frame(const std::string& bytes, std::size_t max_bytes) {
  if (bytes.size() < 4) return Status(Code::invalid_argument, "a frame shorter than its header");
  Result<std::size_t> size = sync::frame_body_size(reinterpret_cast<const unsigned char*>(bytes.data()), max_bytes);
  if (!size.is_ok()) return size.status();
  return sync::decode_frame_body(std::string_view(bytes).substr(4, *size));
}

struct SimLink {
  std::deque<std::string> to_server, to_device;
  bool closed = false;
  std::int64_t bytes = 0;    // carried so far, both ways
  std::int64_t cut_at = -1;  // the byte where the link breaks; -1: never
  bool forged = false;       // a lying client's: what it pushes is no device's honest work
  // Wakes the device's reader when something arrives for it or the link
  // closes.
  std::function<void()> wake_device;

  // Queues one encoded frame one way; false (and the link closed) when it
  // is closed already or the cut falls inside the frame.
  bool carry(std::deque<std::string>& way, std::string frame) {
    if (closed) return false;
    bytes += static_cast<std::int64_t>(frame.size());
    if (cut_at >= 0 && bytes > cut_at) {
      close();
      return false;
    }
    way.push_back(std::move(frame));
    if (&way == &to_device && wake_device) wake_device();
    return true;
  }
  void close() {
    closed = true;
    if (wake_device) wake_device();
  }
};

}  // namespace debrief::sim
