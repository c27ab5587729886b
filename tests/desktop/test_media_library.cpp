// Media in the desktop app: what files can be attached to, attaching picked
// or dropped files (a refused one does not stop the rest), the picker's
// folder listing, and thumbnails scaled with their proportions kept.
#include <stb_image_write.h>

#include "folder_browser.h"
#include "media_library.h"
#include "test_support.h"
#include "thumbnail.h"

using namespace debrief;
using namespace debrief::desktop;
using test::ok;

namespace {

// A `width` x `height` PNG at dir/name, a gradient so it is not trivially compressible.
std::filesystem::path png(const std::filesystem::path& dir, const std::string& name, int width, int height) {
  std::vector<unsigned char> rgb(static_cast<std::size_t>(width * height * 3));
  for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<unsigned char>(i % 251);
  std::filesystem::path file = dir / name;
  REQUIRE(stbi_write_png(file.c_str(), width, height, 3, rgb.data(), width * 3) != 0);
  return file;
}

MediaOwner event_of(test::World& w) { return {Kind::event, w.event, "Event: Offsite"}; }

}  // namespace

TEST_CASE("media can go on events, my reflections and the kudos I gave or got", "[desktop][media]") {
  test::World w;
  ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "I listened more."}, {"shared", false}}));
  ok(create(*w.store, Kind::kudos, test::specific_kudos({w.other})));
  w.kudos_from_other();
  std::vector<MediaOwner> owners = ok(load_media_owners(*w.store));
  REQUIRE(owners.size() == 4);
  CHECK(owners[0].kind == Kind::event);
  CHECK(owners[0].title == "Event: Offsite");
  CHECK(owners[1].kind == Kind::reflection);
  CHECK(owners[2].kind == Kind::kudos);
  CHECK(owners[2].title.rfind("Kudos to Ben Ode: ", 0) == 0);
  CHECK(owners[3].title.rfind("Kudos from Ben Ode: ", 0) == 0);
}

TEST_CASE("attaching files keeps each one the core takes and says why it refused the others", "[desktop][media]") {
  test::World w;
  test::TempDir files;
  std::filesystem::path photo = png(files.path(), "team.png", 64, 48);
  std::filesystem::path notes = test::write_file(files.path(), "notes.txt", "not a photo");
  std::vector<std::string> refused = attach_files(*w.store, event_of(w), {notes, photo, files.path() / "gone.png"});
  REQUIRE(refused.size() == 2);
  CHECK(refused[0].rfind("notes.txt: ", 0) == 0);
  CHECK(refused[0].find("not a supported photo or video") != std::string::npos);
  CHECK(refused[1].rfind("gone.png: ", 0) == 0);
  std::vector<MediaItem> items = ok(load_media(*w.store, event_of(w)));
  REQUIRE(items.size() == 1);
  CHECK(items[0].name == "team.png");
  CHECK(items[0].photo());
  CHECK(test::file_bytes(items[0].file) == test::file_bytes(photo));  // the store's own copy
  CHECK(items[0].here);
  // A photo attached on another device: its record came, its file not yet.
  std::filesystem::remove(items[0].file);
  CHECK(!ok(load_media(*w.store, event_of(w)))[0].here);
}

TEST_CASE("the picker lists folders first, then only photos and videos, hidden ones left out", "[desktop][media]") {
  test::TempDir dir;
  std::filesystem::create_directory(dir.path() / "trip");
  std::filesystem::create_directory(dir.path() / ".cache");
  test::write_file(dir.path(), "b.jpg", "x");
  test::write_file(dir.path(), "a.MOV", "x");
  test::write_file(dir.path(), "c.txt", "x");
  test::write_file(dir.path(), ".d.png", "x");
  std::vector<FolderEntry> entries = ok(browse_folder(dir.path()));
  REQUIRE(entries.size() == 3);
  CHECK((entries[0].name == "trip" && entries[0].folder));
  CHECK(entries[1].name == "a.MOV");
  CHECK(entries[2].name == "b.jpg");
  CHECK(browse_folder(dir.path() / "missing").status().code() == Code::not_found);
}

TEST_CASE("a thumbnail fits the box with its proportions kept, never larger than the photo", "[desktop][media]") {
  test::TempDir dir;
  Image wide = ok(thumbnail(png(dir.path(), "wide.png", 400, 200), 144));
  CHECK(wide.width == 144);
  CHECK(wide.height == 72);
  CHECK(wide.rgba.size() == 144u * 72u * 4u);
  Image small = ok(thumbnail(png(dir.path(), "small.png", 30, 60), 144));
  CHECK(small.width == 30);
  CHECK(small.height == 60);
  Result<Image> video = thumbnail(test::write_file(dir.path(), "clip.mp4", "not decodable"), 144);
  CHECK(video.status().code() == Code::invalid_argument);
  CHECK(video.status().message().find("clip.mp4") != std::string::npos);
}
