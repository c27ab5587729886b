// Photos and videos attached to events, reflections and kudos, as the app
// shows them: what a file can be attached to, what each record has, and
// attaching files (picked or dropped onto the window). The core copies and
// records each file (debrief/media.h); this only chooses and lists.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "debrief/kind.h"
#include "debrief/store.h"

namespace debrief::desktop {

struct MediaOwner {
  Kind kind = Kind::event;
  Id id;
  std::string title;  // "Event: Offsite", "Kudos: to Ben Ode, for ..."
};

struct MediaItem {
  Id id;
  std::string name, mime;
  std::int64_t size = 0;
  std::filesystem::path file;  // the stored copy
  bool here = false;           // false: attached elsewhere, its file not synced yet
  bool photo() const { return mime.rfind("image/", 0) == 0; }
};

// What media can be attached to: events (newest first), then my
// reflections, then the latest kudos I gave or received (at most
// kOwnerKudos: the wall holds them all).
inline constexpr std::int64_t kOwnerKudos = 200;
Result<std::vector<MediaOwner>> load_media_owners(Store& store);

// The media attached to `owner`, oldest first.
Result<std::vector<MediaItem>> load_media(Store& store, const MediaOwner& owner);

// Attaches each file to `owner`; a file the core refuses does not stop the
// others. Returns one line per refusal ("photo.tiff: ... not a supported
// photo or video ..."), none when all were attached.
std::vector<std::string> attach_files(Store& store, const MediaOwner& owner,
                                      const std::vector<std::filesystem::path>& files);

}  // namespace debrief::desktop
