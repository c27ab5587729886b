// Media: stored once by content hash beside the database.
#include <fstream>

#include "debrief/media.h"
#include "fixture.h"

using namespace debrief;
using test::ok;

namespace {

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  std::filesystem::path p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

}  // namespace

TEST_CASE("a photo is stored by its SHA-256 and the same content only once", "[media]") {
  test::World w;
  auto png = write_file(w.dir.path(), "a.png", "\x89PNG fake image bytes");
  auto copy = write_file(w.dir.path(), "b.PNG", "\x89PNG fake image bytes");
  Id first = ok(add_media(*w.store, png, Kind::event, w.event));
  Id second = ok(add_media(*w.store, copy, Kind::event, w.event));
  Json m1 = ok(get(*w.store, Kind::media, first)), m2 = ok(get(*w.store, Kind::media, second));
  std::string hash = ok(sha256_file(png));
  CHECK(m1["sha256"] == hash);
  CHECK(m2["sha256"] == hash);
  CHECK(m1["mime"] == "image/png");
  CHECK(std::filesystem::exists(media_path(*w.store, hash)));
  std::size_t files = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(w.store->dir() / "media")) files += e.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("unsupported files, missing files and missing owners are refused", "[media]") {
  test::World w;
  test::Snapshot before(*w.store);
  auto exe = write_file(w.dir.path(), "tool.exe", "MZ");
  CHECK(add_media(*w.store, exe, Kind::event, w.event).status().message().find("not a supported") != std::string::npos);
  CHECK(add_media(*w.store, w.dir.path() / "none.jpg", Kind::event, w.event).status().code() == Code::not_found);
  auto jpg = write_file(w.dir.path(), "x.jpg", "jpeg");
  CHECK(add_media(*w.store, jpg, Kind::event, ok(Id::parse("0123456789abcdef0123456789abcdef"))).status().code() == Code::not_found);
  CHECK(add_media(*w.store, jpg, Kind::team, w.team).status().code() == Code::invalid_argument);
  CHECK(test::Snapshot(*w.store) == before);
}
