// Changes and frames in and out of their Protobuf form
// (proto/debrief_sync.proto is the specification): the sync engine's and the
// server's, and any tool that speaks raw frames (the hostile clients of the
// tests, the fuzz targets, the simulator). Library debrief_sync_protocol; an
// app reaches sync through platform and never sees these types.
#pragma once

#include <string>
#include <string_view>

#include "debrief/replication.h"
#include "debrief/sync/protocol.h"
#include "debrief_sync.pb.h"

namespace debrief::sync {

namespace pb = ::debrief::sync::v1;
using Json = nlohmann::json;

// Ids travel as their 16 bytes. id_of fails with invalid_argument for any
// other length (an empty string is the nil id when `allow_empty`).
std::string bytes_of(const Id& id);
Result<Id> id_of(const std::string& bytes, bool allow_empty = false);

pb::Change to_proto(const WireChange& change);
// Fails with invalid_argument for ids of the wrong length, unknown kinds or
// values that are not JSON.
Result<WireChange> from_proto(const pb::Change& change);

// The 4-byte big-endian length followed by the serialized frame.
std::string encode_frame(const pb::Frame& frame);
// Decoding a frame, in two steps so that a reader allocates a body only
// once its header is accepted (frame_io.h's read_frame): the body size a
// 4-byte header announces, invalid_argument when over `max_bytes`; then the
// frame in that body, invalid_argument when it does not parse.
Result<std::size_t> frame_body_size(const unsigned char header[4], std::size_t max_bytes);
Result<pb::Frame> decode_frame_body(std::string_view body);

// An Error frame.
pb::Frame error_frame(pb::Error::Code code, std::string message, bool transient = false);

// A Status for an Error frame received from the other side: io_error when
// it is transient, permission_denied when the device or its person was
// refused (UNAUTHENTICATED, FORBIDDEN), else invalid_argument.
Status status_of(const pb::Error& error);

}  // namespace debrief::sync
