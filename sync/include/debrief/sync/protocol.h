// The sync protocol's constants, and changes and frames in and out of their
// Protobuf form (proto/debrief_sync.proto is the specification).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "debrief/replication.h"
#include "debrief_sync.pb.h"

namespace debrief::sync {

namespace pb = ::debrief::sync::v1;
using Json = nlohmann::json;

// The newest protocol this build speaks, and the oldest it still accepts.
inline constexpr std::uint32_t kProtocolVersion = 3;  // 2: Subscribe and Notify; 3: media
// The first version that moves media, and the size of its chunks (the
// last of a blob may be shorter).
inline constexpr std::uint32_t kMediaProtocolVersion = 3;
inline constexpr std::size_t kMediaChunkBytes = 1u << 20;
inline constexpr std::uint32_t kMinProtocolVersion = 1;
inline constexpr std::size_t kMaxFrameBytes = 8u << 20;
// The largest frame before a Hello is accepted (the first frame: a Hello
// or an EnrollRequest), so that a connection nobody has authenticated
// holds little memory.
inline constexpr std::size_t kMaxFirstFrameBytes = 64u << 10;
// The most changes one PushBatch may hold.
inline constexpr std::size_t kMaxPushChanges = 500;
// The bytes of changes one PushBatch or PullBatch carries at most (always
// one change at least): half a frame, so that no batch of large records
// (long reflections, big surveys) makes a frame the other side refuses.
inline constexpr std::size_t kMaxBatchBytes = kMaxFrameBytes / 2;
inline constexpr char kAppVersion[] = "debrief 0.1.0";

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
