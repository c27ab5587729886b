#include "media_library.h"

#include "debrief/fields.h"
#include "debrief/media.h"
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
  const Id me = *store.me();
  for (bool given : {true, false}) {
    Result<std::vector<Json>> kudos =
        list(store, Kind::kudos,
             {.where = {given ? filter_by<Kind::kudos>("author", me) : filter_by<Kind::kudos>("to", me)},
              .limit = kOwnerKudos,
              .newest_first = true});
    DEBRIEF_TRY(kudos.status());
    for (const Json& json : *kudos) {
      RecordView<Kind::kudos> k(json);
      std::string names;
      for (const Id& p : k.refs("to")) names += (names.empty() ? "" : ", ") + dir->person(p);
      std::optional<Id> author = k.ref("author");
      std::string who = given ? "to " + names : "from " + (author ? dir->person(*author) : "someone");
      out.push_back({Kind::kudos, k.id(), shortened("Kudos " + who + ": " + k.text("action"))});
    }
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<MediaOwner>> load_media_owners(Store& store) {
  std::vector<MediaOwner> out;
  Result<std::vector<Json>> events = list(store, Kind::event, {.newest_first = true});
  DEBRIEF_TRY(events.status());
  for (const Json& json : *events) {
    RecordView<Kind::event> e(json);
    out.push_back({Kind::event, e.id(), shortened("Event: " + e.text("title"))});
  }
  Result<std::vector<ReflectionItem>> mine = load_my_reflections(store);
  DEBRIEF_TRY(mine.status());
  for (const ReflectionItem& r : *mine)
    out.push_back({Kind::reflection, r.id, shortened("Reflection on " + r.about + ": " + r.text)});
  DEBRIEF_TRY(add_kudos(store, out));
  return out;
}

Result<std::vector<MediaItem>> load_media(Store& store, const MediaOwner& owner) {
  Result<std::vector<Json>> media = list(store, Kind::media, {.where = {filter_by<Kind::media>("owner", owner.id)}});
  DEBRIEF_TRY(media.status());
  std::vector<MediaItem> out;
  for (const Json& json : *media) {
    RecordView<Kind::media> m(json);
    std::filesystem::path file = media_path(store, m.text("sha256"));
    std::error_code ec;
    bool here = std::filesystem::exists(file, ec);
    // The name reads as empty when null: on records older servers let through.
    out.push_back({m.id(), m.text("name"), m.text("mime"), m.integer("size"), file, here});
  }
  return out;
}

std::vector<std::string> attach_files(Store& store, const MediaOwner& owner,
                                      const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> refused;
  for (const std::filesystem::path& f : files) {
    Status s = add_media(store, f, owner.kind, owner.id).status();
    if (!s.is_ok()) refused.push_back(f.filename().string() + ": " + s.message());
  }
  return refused;
}

}  // namespace debrief::desktop
