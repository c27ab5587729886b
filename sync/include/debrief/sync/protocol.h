// The sync protocol's constants: its versions and limits. The frames
// themselves, in their Protobuf form, are wire.h's (debrief_sync_protocol),
// which apps need not see; proto/debrief_sync.proto is the specification.
#pragma once

#include <cstddef>
#include <cstdint>

namespace debrief::sync {

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

}  // namespace debrief::sync
