#include "media_library.h"

#include "debrief/media.h"
#include "debrief/records.h"
#include "agenda.h"
#include "directory.h"
#include "reflections.h"

namespace debrief::desktop {
namespace {

constexpr std::size_t kTitleChars = 70;

std::string shortened(std::string text) {
  if (text.size() > kTitleChars) text = text.substr(0, kTitleChars - 3) + "...";
  return text;
}

// The kudos I gave, then those I received, newest first within each.
Status add_kudos(Store& store, std::vector<MediaOwner>& out) {
  if (!store.me()) return Status::ok();
  Result<Directory> dir = load_directory(store);
  DEBRIEF_TRY(dir.status());
  const std::string me = store.me()->hex();
  for (const char* field : {"author", "to"}) {
    Result<std::vector<Json>> kudos =
        list(store, Kind::kudos, {.where = {{field, me}}, .limit = kOwnerKudos, .newest_first = true});
    DEBRIEF_TRY(kudos.status());
    for (const Json& k : *kudos) {
      std::string names;
      for (const std::string& p : strings_in(k.value("to", Json()))) names += (names.empty() ? "" : ", ") + dir->person(p);
      std::string who = field == std::string_view("author") ? "to " + names : "from " + dir->person(k.value("author", ""));
      out.push_back({Kind::kudos, k["id"], shortened("Kudos " + who + ": " + k.value("action", ""))});
    }
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<MediaOwner>> load_media_owners(Store& store) {
  std::vector<MediaOwner> out;
  Result<std::vector<Json>> events = list(store, Kind::event, {.newest_first = true});
  DEBRIEF_TRY(events.status());
  for (const Json& e : *events) out.push_back({Kind::event, e["id"], shortened("Event: " + e.value("title", ""))});
  Result<std::vector<ReflectionItem>> mine = load_my_reflections(store);
  DEBRIEF_TRY(mine.status());
  for (const ReflectionItem& r : *mine)
    out.push_back({Kind::reflection, r.id, shortened("Reflection on " + r.about + ": " + r.text)});
  DEBRIEF_TRY(add_kudos(store, out));
  return out;
}

Result<std::vector<MediaItem>> load_media(Store& store, const MediaOwner& owner) {
  Result<std::vector<Json>> media = list(store, Kind::media, {.where = {{"owner", owner.id}}});
  DEBRIEF_TRY(media.status());
  std::vector<MediaItem> out;
  for (const Json& m : *media) {
    std::filesystem::path file = media_path(store, m.value("sha256", ""));
    std::error_code ec;
    bool here = std::filesystem::exists(file, ec);
    std::string name = m["name"].is_string() ? m["name"].get<std::string>() : "";  // null on records older servers let through
    out.push_back({m["id"], name, m.value("mime", ""), m.value("size", std::int64_t{0}), file, here});
  }
  return out;
}

std::vector<std::string> attach_files(Store& store, const MediaOwner& owner,
                                      const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> refused;
  Result<Id> id = Id::parse(owner.id);
  for (const std::filesystem::path& f : files) {
    Status s = id.is_ok() ? add_media(store, f, owner.kind, *id).status() : id.status();
    if (!s.is_ok()) refused.push_back(f.filename().string() + ": " + s.message());
  }
  return refused;
}

}  // namespace debrief::desktop
