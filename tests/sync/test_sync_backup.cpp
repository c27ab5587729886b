// admin backup and restore: a restored server serves what the old one did
// and its devices carry on with their credentials, pulling again; a SQLite
// server moves to PostgreSQL the same way; bad backups and non-empty
// targets are refused and change nothing.
#include <fstream>
#include <sstream>

#include "debrief/media.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;

namespace {

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

void write_lines(const std::filesystem::path& file, const std::vector<std::string>& lines) {
  std::ofstream out(file);
  for (const std::string& l : lines) out << l << "\n";
}

// An anonymous response from the store's person to the Directory's survey.
Id respond_anonymously(Store& store, const Directory& who) {
  return ok(create(store, Kind::response, {{"survey", who.survey.hex()}, {"event", who.event.hex()}, {"anonymous", true},
                                           {"answers", {{"score", 4}}}}));
}

// Devices on one server, the server backed up and restored (into this run's
// store) with devices writing on both sides of the move, then checked.
void check_move(bool from_sqlite) {
  TempDir tmp;
  std::filesystem::path file = tmp.path() / "server.backup";
  Server old({}, ServerSetup{.sqlite = from_sqlite});
  const Directory& who = old.people();
  Device a(old, who.p1), b(old, who.p2), gone(old, who.p3);
  ok(create(*a.store, Kind::reflection, {{"event", who.event.hex()}, {"text", "Shared before the move"}, {"shared", true}}));
  Id secret = ok(create(*b.store, Kind::reflection, {{"event", who.event.hex()}, {"text", "Only mine"}, {"shared", false}}));
  add_kudos(*a.store, who.p2, 3, "before");
  std::filesystem::path photo = tmp.path() / "team.jpg";
  std::ofstream(photo, std::ios::binary) << std::string(150000, 't');
  Id kudos = ok(Id::parse(ok(list(*a.store, Kind::kudos)).front()["id"].get<std::string>()));
  Id media = ok(add_media(*a.store, photo, Kind::kudos, kudos));
  Id waiting = respond_anonymously(*b.store, who);  // alone in its group: it waits in the pool
  a.sync();
  b.sync();
  a.sync();
  ok(old.revoke(gone.store->device_id()));
  sync::BackupCounts saved = old.backup_to(file);
  CHECK(saved.devices == 3);
  CHECK(saved.pooled == 1);
  CHECK(saved.changes > 0);

  Server moved({}, ServerSetup{.restore_from = file});
  std::string a_before = a.digest();
  for (Device* d : {&a, &b, &gone}) d->link.port = moved.port();
  add_kudos(*a.store, who.p2, 2, "after");
  sync::SyncProgress pass = a.sync();  // same credential, same pinned certificate
  CHECK(pass.pushed > 0);
  CHECK(pass.pulled > 0);  // a new feed: pulled again from the beginning
  b.sync();
  CHECK(ok(a.store->info()).pending_changes == 0);
  CHECK(ok(list(*b.store, Kind::kudos, {.where = {{"to", who.p2.hex()}}})).size() == 5);
  CHECK(!gone.try_sync().is_ok());  // still revoked
  // The waiting response came along: two more, and it joins the feed with them.
  Device d4(moved, who.p4), organiser(moved, who.organiser);
  for (Device* d : {&d4, &organiser}) {
    respond_anonymously(*d->store, who);
    d->sync();
  }
  CHECK(moved.on_server([&](Store& s) { return get(s, Kind::response, waiting).is_ok(); }));
  // A fresh device for the same person sees exactly what the moved one
  // does, the photo too: its device offered it again to the new feed.
  Device a2(moved, who.p1);
  CHECK(a2.digest() == a.digest());
  Json m = ok(get(*a2.store, Kind::media, media));
  CHECK(std::filesystem::exists(media_path(*a2.store, m["sha256"].get<std::string>())));
  CHECK(a.digest() != a_before);  // the kudos given after the move
  CHECK(!get(*a.store, Kind::reflection, secret).is_ok());  // privacy still holds
  CHECK(get(*b.store, Kind::reflection, secret).is_ok());
}

}  // namespace

TEST_CASE("a restored server serves what the old one did, and its devices carry on", "[sync][backup]") {
  check_move(false);
}

TEST_CASE("a SQLite server moves to PostgreSQL with nothing lost", "[sync][backup][postgresql]") {
  check_move(true);
}

TEST_CASE("restore refuses damaged backups and non-empty stores, changing nothing", "[sync][backup]") {
  TempDir tmp;
  std::filesystem::path file = tmp.path() / "server.backup";
  Server old;
  Device a(old, old.people().p1);
  old.backup_to(file);
  std::vector<std::string> lines = lines_of(file);
  REQUIRE(lines.size() > 5);

  auto refused = [&](const std::vector<std::string>& bad, const std::string& why) {
    TempDir dir;
    TestStore target(dir.path());
    write_lines(dir.path() / "bad.backup", bad);
    Result<sync::BackupCounts> r = sync::restore(*target.store, dir.path() / "tls", dir.path() / "bad.backup");
    INFO(why << ": " << r.status().message());
    CHECK(r.status().code() == Code::invalid_argument);
    CHECK(r.status().message().find(why) != std::string::npos);
    CHECK(ok(target.store->empty()));
  };
  refused({lines.begin(), lines.end() - 1}, "cut short");
  std::vector<std::string> damaged = lines;
  damaged[damaged.size() / 2] = R"({"change": {"kind": 99}})";
  refused(damaged, "line " + std::to_string(damaged.size() / 2 + 1));
  std::vector<std::string> miscounted = lines;
  miscounted.erase(miscounted.end() - 2);  // a change gone, the end line kept
  refused(miscounted, "counts");
  refused({R"({"hello": 1})"}, "not a debrief-server backup");

  TempDir dir;
  TestStore target(dir.path());
  ok(sync::restore(*target.store, dir.path() / "tls", file).status());
  Result<sync::BackupCounts> again = sync::restore(*target.store, dir.path() / "tls", file);
  CHECK(again.status().code() == Code::invalid_argument);
  CHECK(again.status().message().find("empty") != std::string::npos);
}
