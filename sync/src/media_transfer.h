// The device's side of moving media (protocol version 3), after the
// records: blobs this device has that the server lacks go up, blobs its
// media records name that it lacks come down. Both move chunk by chunk,
// each chunk acknowledged or checked on its own, so a transfer cut off
// resumes at the first chunk the other side lacks. Both do nothing on a
// connection that speaks a version before kMediaProtocolVersion. Internal
// to sync.
#pragma once

#include "channel.h"

namespace debrief::sync::detail {

// Offers the server every blob of a live media record that the device's
// person attached (or no one known did), that is here and not yet known
// to be on the server's current feed, and sends the chunks it asks for. A file damaged on this device is removed instead (the next
// pull fetches it whole, if the server has it), so it cannot stall sync.
asio::awaitable<Status> push_media(Channel& c, Store& store);

// Fetches every blob of a live media record that is not here and that the
// server holds, into media_path(); one still on its way to the server is
// left for a later pass.
asio::awaitable<Status> pull_media(Channel& c, Store& store);

}  // namespace debrief::sync::detail
