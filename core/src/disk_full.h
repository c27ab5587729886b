// What a write says when the disk is full, in place of the system's "disk
// I/O error" or "Input/output error". Internal to the core.
#pragma once

namespace debrief {

inline constexpr const char* kDiskFull = "the disk is full: free some space and try again";

}  // namespace debrief
