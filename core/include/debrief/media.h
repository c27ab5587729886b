// Media: photos and videos attached to events, reflections and kudos, kept as
// files named by their SHA-256 content hash under <store>/media/, with a
// "media" record holding the metadata.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "debrief/id.h"
#include "debrief/records.h"
#include "debrief/kind.h"
#include "debrief/status.h"

namespace debrief {

class Store;

inline constexpr std::int64_t kMaxMediaBytes = 256ll * 1024 * 1024;

// Copies the file at `source` into the store and records it as attached to
// the record (`owner_kind`, `owner`). The copy is fsynced and renamed into
// place before the record commits, so a crash leaves either both or an
// unreferenced file that the next add of the same content reuses. The same
// content is stored once. Fails for missing files, files over kMaxMediaBytes,
// types other than common images and videos, and unknown owners.
Result<Id> add_media(Store& store, const std::filesystem::path& source, Kind owner_kind,
                     Id owner);

// The content type of a photo or video Debrief keeps, from the file's
// name; invalid_argument, naming the kinds it takes, for any other file.
Result<std::string> media_mime(const std::filesystem::path& file);

// Whether `mime` is the content type of a photo or video Debrief keeps.
bool is_media_mime(std::string_view mime);

// Where the content with this hex SHA-256 lives (it may not exist).
std::filesystem::path media_path(const Store& store, std::string_view sha256_hex);

// Who attached the media record `media` (its JSON): its author; for one
// from before media had authors, on a reflection, the reflection's author
// (a reflection takes photos from its author only); otherwise no one known
// (an event's or a kudos' photo from before media had authors).
std::optional<Id> attached_by(Store& store, const Json& media);

// The live media records that name the content with this hex SHA-256.
Result<std::vector<Json>> media_naming(Store& store, const std::string& sha256_hex);

// The hex SHA-256 of a file's content, read in chunks.
Result<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace debrief
