// Media: photos and videos stored once by content hash beside the database.
#include "debrief/media.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

const std::string kPngBytes = "\x89PNG\r\n\x1a\n fake image bytes";

std::size_t files_under(const std::filesystem::path& dir) {
  std::size_t n = 0;
  if (!std::filesystem::exists(dir)) return 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
  return n;
}

// Checks that adding `source` to `owner` is refused, storing no record and no file.
void check_media_refused(test::World& w, const std::filesystem::path& source, Kind owner_kind, Id owner, Code code,
                         const char* part) {
  test::check_refused(*w.store, code, part, [&] { return add_media(*w.store, source, owner_kind, owner); });
  CHECK(files_under(w.store->dir() / "media") == 0);
}

}  // namespace

TEST_CASE("sha256_file gives the standard digest", "[media]") {
  test::TempDir dir;
  CHECK(ok(sha256_file(test::write_file(dir.path(), "abc", "abc"))) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(ok(sha256_file(test::write_file(dir.path(), "empty", ""))) ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_file(dir.path() / "missing").status().code() == Code::not_found);
}

TEST_CASE("a photo is stored under media/<first two digits>/<sha256>, with its metadata", "[media]") {
  test::World w;
  auto png = test::write_file(w.dir.path(), "team photo.png", kPngBytes);
  const std::string hash = ok(sha256_file(png));
  Json m = ok(get(*w.store, Kind::media, ok(add_media(*w.store, png, Kind::event, w.event))));
  const auto stored = w.store->dir() / "media" / hash.substr(0, 2) / hash;
  CHECK(media_path(*w.store, hash) == stored);
  CHECK(test::file_bytes(stored) == kPngBytes);
  CHECK(m["sha256"] == hash);
  CHECK(m["mime"] == "image/png");
  CHECK(m["size"] == kPngBytes.size());
  CHECK(m["name"] == "team photo.png");
  CHECK(m["owner_kind"] == "event");
  CHECK(m["owner"] == w.event.hex());
  CHECK(files_under(w.store->dir() / "media") == 1);  // no temporary file left behind
}

TEST_CASE("the same content is stored once, however often it is added", "[media]") {
  test::World w;
  Id reflection = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "Photos from the hike."}}));
  auto first = test::write_file(w.dir.path(), "a.png", kPngBytes);
  auto copy = test::write_file(w.dir.path(), "b.PNG", kPngBytes);
  Id m1 = ok(add_media(*w.store, first, Kind::event, w.event));
  Id m2 = ok(add_media(*w.store, copy, Kind::reflection, reflection));
  CHECK(m1 != m2);
  CHECK(ok(get(*w.store, Kind::media, m1))["sha256"] == ok(get(*w.store, Kind::media, m2))["sha256"]);
  CHECK(files_under(w.store->dir() / "media") == 1);
  CHECK(ok(list(*w.store, Kind::media)).size() == 2);
}

TEST_CASE("common photo and video types are recognised by extension, in any case", "[media]") {
  test::World w;
  const std::pair<const char*, const char*> types[] = {
      {"x.jpg", "image/jpeg"}, {"x.JPEG", "image/jpeg"}, {"x.gif", "image/gif"},  {"x.webp", "image/webp"},
      {"x.heic", "image/heic"}, {"x.mp4", "video/mp4"},  {"x.MOV", "video/quicktime"}, {"x.webm", "video/webm"}};
  for (const auto& [name, mime] : types) {
    INFO(name);
    auto file = test::write_file(w.dir.path(), name, name);
    CHECK(ok(get(*w.store, Kind::media, ok(add_media(*w.store, file, Kind::event, w.event))))["mime"] == mime);
  }
}

TEST_CASE("an unsupported file type is refused and nothing is stored", "[media][errors]") {
  test::World w;
  for (const char* name : {"tool.exe", "notes.txt", "no_extension", "photo.png.zip"}) {
    INFO(name);
    check_media_refused(w, test::write_file(w.dir.path(), name, "data"), Kind::event, w.event, Code::invalid_argument,
                        "not a supported photo or video");
  }
}

TEST_CASE("a file over the size limit is refused before it is read", "[media][errors]") {
  test::World w;
  auto big = test::write_file(w.dir.path(), "long.mp4", "");
  std::filesystem::resize_file(big, static_cast<std::uintmax_t>(kMaxMediaBytes) + 1);  // sparse: no disk used
  check_media_refused(w, big, Kind::event, w.event, Code::too_large, "at most 256 MiB");
}

TEST_CASE("a missing file is not_found and nothing is stored", "[media][errors]") {
  test::World w;
  check_media_refused(w, w.dir.path() / "none.jpg", Kind::event, w.event, Code::not_found, "no file at");
}

TEST_CASE("media for a missing or deleted owner is refused and nothing is stored", "[media][errors]") {
  test::World w;
  auto jpg = test::write_file(w.dir.path(), "x.jpg", "jpeg bytes");
  Id ghost = ok(Id::parse("0123456789abcdef0123456789abcdef"));
  check_media_refused(w, jpg, Kind::event, ghost, Code::not_found, "no event with id");
  check_media_refused(w, jpg, Kind::kudos, w.event, Code::not_found, "no kudos with id");
  ok(remove(*w.store, Kind::event, w.event));
  check_media_refused(w, jpg, Kind::event, w.event, Code::not_found, "no event with id");
}

TEST_CASE("media attach only to events, activities, reflections and kudos", "[media][errors]") {
  test::World w;
  auto jpg = test::write_file(w.dir.path(), "x.jpg", "jpeg bytes");
  check_media_refused(w, jpg, Kind::team, w.team, Code::invalid_argument, "not teams");
  check_media_refused(w, jpg, Kind::person, w.me, Code::invalid_argument, "not people");
}

TEST_CASE("a photo names who attached it, and goes on a private reflection only from its author", "[media]") {
  test::World w;
  auto png = test::write_file(w.dir.path(), "board.png", kPngBytes);
  w.act_as(w.other);
  Id theirs = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "Mine, not yours"}}));
  w.act_as(w.me);
  check_media_refused(w, png, Kind::reflection, theirs, Code::invalid_argument, "author");
  Json m = ok(get(*w.store, Kind::media, ok(add_media(*w.store, png, Kind::event, w.event))));
  CHECK(m["author"] == w.me.hex());
}

TEST_CASE("a device that does not know who it acts for attaches no photo", "[media]") {
  test::TempDir dir;
  SeededEnv env(7, 1'796'284'800'000);
  std::unique_ptr<Store> store = test::open_store(dir.path() / "store", env);
  Id event = ok(create(*store, Kind::event, {{"title", "Offsite"}, {"starts_at", "2026-12-03T09:00"}, {"ends_at", "2026-12-03T17:00"}}));
  auto png = test::write_file(dir.path(), "board.png", kPngBytes);
  test::check_refused(*store, Code::invalid_argument, "who you are", [&] { return add_media(*store, png, Kind::event, event); });
  CHECK(files_under(dir.path() / "store" / "media") == 0);
}
