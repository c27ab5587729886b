// Media over sync: photos and videos go up after the records that name
// them and come down to the devices that may see those records, in
// content-addressed chunks that are deduplicated (for each person: what
// others sent is theirs to know) and resume where a cut connection left
// them.
#include <sqlite3.h>

#include <boost/asio/ssl.hpp>
#include <fstream>
#include <pqxx/pqxx>
#include <random>

#include "../core/test_support.h"
#include "cut_proxy.h"
#include "debrief/media.h"
#include "debrief/sync/frame_io.h"
#include "debrief/sync/postgres_store.h"
#include "debrief/sync/secrets.h"
#include "hostile_client.h"
#include "sync_fixture.h"

using namespace debrief;
using namespace synctest;
namespace asio = boost::asio;
namespace ssl = asio::ssl;

namespace {

// A file of `bytes` pseudo-random bytes (seeded), named `name` in `dir`.
std::filesystem::path random_file(const std::filesystem::path& dir, const std::string& name, std::size_t bytes,
                                  std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string data(bytes, '\0');
  for (std::size_t i = 0; i < bytes; i += 8) {
    std::uint64_t v = rng();
    std::memcpy(data.data() + i, &v, std::min<std::size_t>(8, bytes - i));
  }
  std::filesystem::path p = dir / name;
  std::ofstream(p, std::ios::binary) << data;
  return p;
}

std::string content(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The file a device holds for the blob of media record `media`, if any.
std::optional<std::string> held(Device& d, const Id& media) {
  Result<Json> m = get(*d.store, Kind::media, media);
  if (!m.is_ok()) return std::nullopt;
  std::filesystem::path p = media_path(*d.store, m->value("sha256", ""));
  if (!std::filesystem::exists(p)) return std::nullopt;
  return content(p);
}

Id kudos_to(Device& d, const Id& to) {
  return ok(create(*d.store, Kind::kudos, {{"to", {to.hex()}}, {"action", "filmed the whole build of the stage"},
                                           {"outcome", "everyone could see how it came together"}}));
}

// Sends `frames` after a hello as `d`, reading one reply per frame;
// returns the first error reply, or the last reply.
Result<sync::pb::Frame> exchange_as(Device& d, std::uint16_t port, const std::vector<sync::pb::Frame>& frames) {
  asio::io_context io;
  ssl::context tls(ssl::context::tls_client);
  ssl::stream<asio::ip::tcp::socket> stream(io, tls);
  stream.set_verify_mode(ssl::verify_none);  // the frames are the point here
  std::optional<Result<sync::pb::Frame>> got;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    boost::system::error_code ec;
    co_await stream.lowest_layer().async_connect({asio::ip::make_address("127.0.0.1"), port}, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await stream.async_handshake(ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    sync::pb::Frame hello;
    hello.mutable_hello()->set_protocol_version(sync::kProtocolVersion);
    hello.mutable_hello()->set_device_id(sync::bytes_of(d.store->device_id()));
    hello.mutable_hello()->set_device_secret(d.link.secret);
    std::vector<sync::pb::Frame> all{hello};
    all.insert(all.end(), frames.begin(), frames.end());
    for (const sync::pb::Frame& f : all) {
      if (!ec) co_await asio::async_write(stream, asio::buffer(sync::encode_frame(f)), asio::redirect_error(asio::use_awaitable, ec));
      got.emplace(co_await sync::read_frame(stream));
      if (ec || !got->is_ok() || (*got)->has_error()) co_return;
    }
  }, asio::detached);
  io.run_for(std::chrono::seconds(10));
  if (!got) return Status(Code::io_error, "no answer within 10 s");
  return std::move(*got);
}

sync::pb::Frame offer_of(const std::string& data, const std::string& sha) {
  sync::pb::Frame f;
  f.mutable_media_offer()->set_sha256(sha);
  f.mutable_media_offer()->set_size(data.size());
  for (std::size_t at = 0; at < data.size(); at += sync::kMediaChunkBytes)
    *f.mutable_media_offer()->add_chunks() = sync::sha256(data.substr(at, sync::kMediaChunkBytes));
  return f;
}

sync::pb::Error::Code error_of(const Result<sync::pb::Frame>& f) {
  REQUIRE(f.is_ok());
  REQUIRE(f->has_error());
  CHECK(!f->error().message().empty());
  return f->error().code();
}

}  // namespace

TEST_CASE("a photo goes up after its kudos and comes down to every device that sees the kudos", "[sync][media]") {
  Server server;
  Device a(server, server.people().p1), b(server, server.people().p2);
  std::filesystem::path photo = random_file(a.tmp.path(), "stage.jpg", 3 * sync::kMediaChunkBytes + 12345, 1);
  Id m = ok(add_media(*a.store, photo, Kind::kudos, kudos_to(a, server.people().p2)));
  sync::SyncProgress up = a.sync();
  CHECK(up.media_sent == 1);
  CHECK(up.media_bytes_sent == static_cast<std::int64_t>(std::filesystem::file_size(photo)));
  sync::SyncProgress down = b.sync();
  CHECK(down.media_received == 1);
  CHECK(held(b, m) == content(photo));
  CHECK(a.sync().media_sent == 0);  // known to be on the server: not offered again
  CHECK(b.sync().media_received == 0);
}

TEST_CASE("media a person sent is not sent again, and a blob shares the chunks they sent in common", "[sync][media]") {
  Server server;
  Device a(server, server.people().p1), c(server, server.people().p3);
  std::filesystem::path photo = random_file(a.tmp.path(), "crew.jpg", 2 * sync::kMediaChunkBytes + 99, 2);
  ok(add_media(*a.store, photo, Kind::kudos, kudos_to(a, server.people().p2)));
  a.sync();
  // Sent again by the same person, from another device: the server has it
  // from them.
  Device a2(server, server.people().p1);
  std::filesystem::path again = a2.tmp.path() / "again.jpg";
  std::filesystem::copy_file(photo, again);
  ok(add_media(*a2.store, again, Kind::kudos, kudos_to(a2, server.people().p2)));
  sync::SyncProgress same = a2.sync();
  CHECK(same.media_sent == 1);
  CHECK(same.media_bytes_sent == 0);
  // The same photo from someone else travels whole: what others uploaded
  // is not theirs to know, nor to claim by its hash.
  std::filesystem::path copy = c.tmp.path() / "same.jpg";
  std::filesystem::copy_file(photo, copy);
  ok(add_media(*c.store, copy, Kind::kudos, kudos_to(c, server.people().p2)));
  sync::SyncProgress theirs = c.sync();
  CHECK(theirs.media_sent == 1);
  CHECK(theirs.media_bytes_sent == static_cast<std::int64_t>(std::filesystem::file_size(photo)));
  // A longer cut of it: only the chunks that differ (its last two: the old
  // tail with new bytes, and the rest of the new bytes) travel.
  std::filesystem::path longer = c.tmp.path() / "longer.jpg";
  std::ofstream(longer, std::ios::binary) << content(photo) << std::string(sync::kMediaChunkBytes, 'x');
  ok(add_media(*c.store, longer, Kind::kudos, kudos_to(c, server.people().p2)));
  sync::SyncProgress grown = c.sync();
  CHECK(grown.media_sent == 1);
  CHECK(grown.media_bytes_sent == static_cast<std::int64_t>(sync::kMediaChunkBytes + 99));
}

TEST_CASE("a private reflection's photo reaches only its author's devices", "[sync][media][privacy]") {
  Server server;
  Device a(server, server.people().p1), a2(server, server.people().p1), b(server, server.people().p2);
  std::filesystem::path photo = random_file(a.tmp.path(), "notes.png", 50000, 3);
  Id reflection = ok(create(*a.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "What I would do differently"}, {"shared", false}}));
  Id m = ok(add_media(*a.store, photo, Kind::reflection, reflection));
  a.sync();
  a2.sync();
  b.sync();
  CHECK(held(a2, m) == content(photo));
  CHECK(!get(*b.store, Kind::media, m).is_ok());  // not even the record
  // Asking for it by its hash does not help: it is not available to them,
  // as a blob nobody uploaded is not; and a chunk of it is not served.
  sync::pb::Frame ask;
  ask.mutable_media_request()->set_sha256(ok(sha256_file(photo)));
  Result<sync::pb::Frame> answer = exchange_as(b, server.port(), {ask});
  REQUIRE(answer.is_ok());
  REQUIRE(answer->has_media_manifest());
  CHECK(!answer->media_manifest().available());
  CHECK(answer->media_manifest().chunks_size() == 0);
  sync::pb::Frame chunk;
  chunk.mutable_chunk_request()->set_hash(sync::sha256(content(photo).substr(0, 50000)));
  CHECK(error_of(exchange_as(b, server.port(), {ask, chunk})) == sync::pb::Error::FORBIDDEN);
  // Once shared, the reflection's photo comes to others too, although
  // their devices had pulled past its record.
  ok(update(*a.store, Kind::reflection, reflection, {{"shared", true}}));
  a.sync();
  CHECK(b.sync().media_received == 1);
  CHECK(held(b, m) == content(photo));
}

TEST_CASE("a media record naming someone else's photo fetches nothing, and an offer of its hash tells nothing",
          "[sync][media][privacy][abuse]") {
  Server server;
  Device a(server, server.people().p1), m(server, server.people().p2);
  std::filesystem::path photo = random_file(a.tmp.path(), "diary.jpg", sync::kMediaChunkBytes + 777, 7);
  Id note = ok(create(*a.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Only for me"}}));
  Json real = ok(get(*a.store, Kind::media, ok(add_media(*a.store, photo, Kind::reflection, note))));
  a.sync();
  // Mallory knows the photo's hash (a glimpse of it, shared once and
  // unshared since, would do) and names it in a record of her own, on a
  // reflection of her own: a record the server rightly takes.
  Id hers = ok(create(*m.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Mine"}}));
  m.sync();
  Json forged = real;
  forged["owner"] = hers.hex();
  Id forged_id = Id::make(m.store->env());
  forged["id"] = forged_id.hex();
  HostileClient hostile(server, m);
  Result<sync::pb::Frame> pushed = hostile.push({whole(m, Kind::media, forged_id, forged)});
  REQUIRE(pushed.is_ok());
  REQUIRE(pushed->has_push_ack());
  // Its blob is not available through it: its author never uploaded it.
  const std::string sha = real["sha256"];
  sync::pb::Frame ask;
  ask.mutable_media_request()->set_sha256(sha);
  Result<sync::pb::Frame> manifest = hostile.exchange(ask);
  REQUIRE(manifest.is_ok());
  REQUIRE(manifest->has_media_manifest());
  CHECK(!manifest->media_manifest().available());
  CHECK(manifest->media_manifest().chunks_size() == 0);
  // Offering the hash she knows: every chunk is asked for, as for a blob
  // the server never saw.
  Result<sync::pb::Frame> need = hostile.exchange(offer_of(content(photo), sha));
  REQUIRE(need.is_ok());
  REQUIRE(need->has_media_need());
  CHECK(!need->media_need().complete());
  CHECK(need->media_need().missing_size() == 2);
  // Her device syncs on, and gets nothing of it through her record.
  CHECK(server.on_server([&](Store& r) { return ok(get(r, Kind::media, forged_id)); })["author"] == server.people().p2.hex());
  Device m2(server, server.people().p2);
  CHECK(!held(m2, forged_id));
  // Nor through a record of hers on the event, which everyone sees.
  Json on_event = forged;
  Id on_event_id = Id::make(m.store->env());
  on_event["id"] = on_event_id.hex();
  on_event["owner_kind"] = "event";
  on_event["owner"] = server.people().event.hex();
  Result<sync::pb::Frame> again = hostile.push({whole(m, Kind::media, on_event_id, on_event)});
  REQUIRE(again.is_ok());
  REQUIRE(again->has_push_ack());
  Device third(server, server.people().p3);
  CHECK(ok(get(*third.store, Kind::media, on_event_id))["sha256"] == sha);
  CHECK(!held(third, on_event_id));
  // The author's other devices still get it.
  Device a2(server, server.people().p1);
  Id mine = *Id::parse(real["id"].get<std::string>());
  CHECK(held(a2, mine) == content(photo));
}

namespace {

// Opens the server's store once more, as another server process (or the
// same one, restarted) would, and closes it.
void reopen(Server& server) {
  TempDir cache;
  if (server.database_url().empty()) ok(sync::open_sqlite_server_store(server.data_dir(), system_env()).status());
  else ok(sync::open_postgres_server_store(server.database_url(), cache.path(), system_env()).status());
}

// Takes the server's store back to before it kept who uploaded what (no
// upload tables, nothing settled), then opens it again as an upgraded
// server does.
void as_before_uploads_were_kept(Server& server) {
  if (server.database_url().empty()) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((server.data_dir() / "media.db").c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "DROP TABLE blob_uploads; DROP TABLE chunk_uploads; PRAGMA user_version = 0", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  } else {
    pqxx::connection c(server.database_url());
    pqxx::work tx(c);
    tx.exec0("DROP TABLE media_blob_uploads; DROP TABLE media_chunk_uploads; "
             "DELETE FROM debrief_meta WHERE key = 'media_uploads_settled'; UPDATE debrief_schema SET version = 3");
    tx.commit();
  }
  reopen(server);
}

}  // namespace

TEST_CASE("blobs made whole before the server kept who uploaded them are settled once, for their records' authors",
          "[sync][media]") {
  Server server;
  Device a(server, server.people().p1), b(server, server.people().p2), m(server, server.people().p3);
  std::filesystem::path kept = random_file(a.tmp.path(), "kept.jpg", sync::kMediaChunkBytes / 2, 9);
  std::filesystem::path dropped = random_file(a.tmp.path(), "dropped.jpg", sync::kMediaChunkBytes / 3, 10);
  Id kept_id = ok(add_media(*a.store, kept, Kind::kudos, kudos_to(a, server.people().p2)));
  Id dropped_id = ok(add_media(*a.store, dropped, Kind::kudos, kudos_to(a, server.people().p2)));
  Json dropped_record = ok(get(*a.store, Kind::media, dropped_id));
  a.sync();
  ok(remove(*a.store, Kind::media, dropped_id));  // its blob stays on the server, named by no live record
  a.sync();
  as_before_uploads_were_kept(server);
  // The blob its author's live record names is served, as before.
  b.sync();
  CHECK(held(b, kept_id) == content(kept));
  // Mallory names the other in a record of her own, on a kudos everyone
  // sees: the old blobs were settled once, so it stays no one's, whatever
  // a later restart does.
  Json forged = dropped_record;
  Id forged_id = Id::make(m.store->env());
  forged["id"] = forged_id.hex();
  forged["owner"] = kudos_to(m, server.people().p2).hex();
  m.sync();
  {
    HostileClient hostile(server, m);
    Result<sync::pb::Frame> pushed = hostile.push({whole(m, Kind::media, forged_id, forged)});
    REQUIRE(pushed.is_ok());
    REQUIRE(pushed->has_push_ack());
  }
  reopen(server);
  HostileClient hostile(server, m);
  sync::pb::Frame ask;
  ask.mutable_media_request()->set_sha256(dropped_record["sha256"].get<std::string>());
  Result<sync::pb::Frame> manifest = hostile.exchange(ask);
  REQUIRE(manifest.is_ok());
  REQUIRE(manifest->has_media_manifest());
  CHECK(!manifest->media_manifest().available());
  b.sync();
  CHECK(ok(get(*b.store, Kind::media, forged_id))["sha256"] == dropped_record["sha256"]);
  CHECK(!held(b, forged_id));
}

TEST_CASE("a photo's chunks stop coming once its reflection is unshared, manifest or not", "[sync][media][privacy]") {
  Server server;
  Device a(server, server.people().p1), reader(server, server.people().p2);
  std::filesystem::path photo = random_file(a.tmp.path(), "shared.jpg", 2 * sync::kMediaChunkBytes, 11);
  Id note = ok(create(*a.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "For all"}, {"shared", true}}));
  Json record = ok(get(*a.store, Kind::media, ok(add_media(*a.store, photo, Kind::reflection, note))));
  a.sync();
  reader.sync();
  HostileClient hostile(server, reader);
  sync::pb::Frame ask;
  ask.mutable_media_request()->set_sha256(record["sha256"].get<std::string>());
  Result<sync::pb::Frame> manifest = hostile.exchange(ask);
  REQUIRE(manifest.is_ok());
  REQUIRE(manifest->has_media_manifest());
  REQUIRE(manifest->media_manifest().available());
  sync::pb::Frame first;
  first.mutable_chunk_request()->set_hash(manifest->media_manifest().chunks(0));
  Result<sync::pb::Frame> got = hostile.exchange(first);
  REQUIRE(got.is_ok());
  CHECK(got->has_media_chunk());
  ok(update(*a.store, Kind::reflection, note, {{"shared", false}}));
  a.sync();
  sync::pb::Frame second;
  second.mutable_chunk_request()->set_hash(manifest->media_manifest().chunks(1));
  CHECK(error_of(hostile.exchange(second)) == sync::pb::Error::FORBIDDEN);
}

TEST_CASE("a device holding a photo's record from a reflection unshared before it fetched the photo still syncs",
          "[sync][media][privacy]") {
  Server server;
  Device a(server, server.people().p1), b(server, server.people().p2);
  Id reflection = ok(create(*a.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Shared, then not"}, {"shared", true}}));
  a.sync();
  std::filesystem::path photo = random_file(a.tmp.path(), "board.png", 30000, 9);
  Id m = ok(add_media(*a.store, photo, Kind::reflection, reflection));
  // The record goes up and reaches b; the photo itself does not (it is off
  // a's disk for now), and then a unshares.
  std::filesystem::remove(media_path(*a.store, ok(sha256_file(photo))));
  a.sync();
  b.sync();
  REQUIRE(get(*b.store, Kind::media, m).is_ok());
  ok(update(*a.store, Kind::reflection, reflection, {{"shared", false}}));
  a.sync();
  // b may not have the photo now: it is told it is not available, and its
  // passes go on (the simulator's seed 46 found them failing, every time).
  CHECK(b.try_sync().is_ok());
  CHECK(b.try_sync().is_ok());
  CHECK(!std::filesystem::exists(media_path(*b.store, ok(sha256_file(photo)))));
}

TEST_CASE("a device that fetched a photo of a reflection unshared since still syncs, and offers only its own photos",
          "[sync][media][privacy]") {
  Server server;
  Device a(server, server.people().p1), b(server, server.people().p2);
  Id reflection = ok(create(*a.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Shared a while"}, {"shared", true}}));
  std::filesystem::path photo = random_file(a.tmp.path(), "flipchart.png", 40000, 11);
  Id m = ok(add_media(*a.store, photo, Kind::reflection, reflection));
  a.sync();
  REQUIRE(b.sync().media_received == 1);
  ok(update(*a.store, Kind::reflection, reflection, {{"shared", false}}));
  a.sync();
  // b keeps what it received; it is not b's to send, and its passes go on
  // (the simulator's seed 20299 found them failing, every time).
  ok(create(*b.store, Kind::reflection, {{"event", server.people().event.hex()}, {"text", "Mine"}}));
  sync::SyncProgress next = b.sync();
  CHECK(next.pushed == 1);
  CHECK(next.media_sent == 0);
  CHECK(held(b, m) == content(photo));
  // Its record as a store from before media had authors holds it: the
  // reflection is p1's, so the photo came from the server all the same.
  b.store.reset();
  test::RawDb(test::db_file(b.tmp.path())).exec("UPDATE media SET author = NULL WHERE id = x'" + m.hex() + "'");
  b.store = ok(Store::open(b.tmp.path()));
  CHECK(b.sync().media_sent == 0);
}

TEST_CASE("a photo damaged on its device does not stall sync, and comes back whole from the server", "[sync][media]") {
  Server server;
  Device a(server, server.people().p1), b(server, server.people().p2);
  std::filesystem::path photo = random_file(a.tmp.path(), "desk.jpg", sync::kMediaChunkBytes + 500, 5);
  Id sent = ok(add_media(*a.store, photo, Kind::kudos, kudos_to(a, server.people().p2)));
  a.sync();
  std::filesystem::path other = random_file(a.tmp.path(), "wall.jpg", 70000, 6);
  Id damaged = ok(add_media(*a.store, other, Kind::kudos, kudos_to(a, server.people().p2)));
  std::string stored = ok(get(*a.store, Kind::media, damaged))["sha256"];
  std::ofstream(media_path(*a.store, stored), std::ios::binary | std::ios::in) << "bitrot";
  sync::SyncProgress pass = a.sync();  // the records go; the damaged file does not
  CHECK(pass.pushed > 0);
  CHECK(pass.media_sent == 0);
  CHECK(!held(a, damaged));
  b.sync();
  CHECK(ok(get(*b.store, Kind::media, damaged))["sha256"] == stored);  // the record arrived
  CHECK(!held(b, damaged));                                          // the file cannot
  // A file of a blob the server holds, damaged here: fetched again whole.
  std::string first = ok(get(*a.store, Kind::media, sent))["sha256"];
  std::ofstream(media_path(*a.store, first), std::ios::binary | std::ios::in) << "bitrot";
  ok(save_cursor(*a.store, "media_sent:" + first, 0));  // as if never confirmed, so it is offered again
  a.sync();
  CHECK(held(a, sent) == content(photo));
}

TEST_CASE("bad media frames get a clear error and store nothing", "[sync][media][abuse]") {
  Server server;
  Device a(server, server.people().p1);
  std::string data(sync::kMediaChunkBytes + 10, 'p');
  sync::Sha256 whole;
  whole.update(data);
  std::string sha = whole.hex();
  // No media record names it: refused, whatever the offer says.
  CHECK(error_of(exchange_as(a, server.port(), {offer_of(data, sha)})) == sync::pb::Error::FORBIDDEN);
  std::filesystem::path file = a.tmp.path() / "p.jpg";
  std::ofstream(file, std::ios::binary) << data;
  ok(add_media(*a.store, file, Kind::kudos, kudos_to(a, server.people().p2)));
  ok(sync::sync_once(*a.store, a.link, {.protocol_version = 2}));  // the record only: version 2 moves no media
  // A chunk nobody asked for.
  sync::pb::Frame stray;
  stray.mutable_media_chunk()->set_hash(sync::sha256("x"));
  stray.mutable_media_chunk()->set_data("x");
  CHECK(error_of(exchange_as(a, server.port(), {stray})) == sync::pb::Error::BAD_FRAME);
  // The wrong size, and a chunk that does not match its digest.
  sync::pb::Frame wrong_size = offer_of(data, sha);
  wrong_size.mutable_media_offer()->set_size(data.size() + 1);
  CHECK(error_of(exchange_as(a, server.port(), {wrong_size})) == sync::pb::Error::INVALID);
  sync::pb::Frame forged;
  forged.mutable_media_chunk()->set_hash(offer_of(data, sha).media_offer().chunks(0));
  forged.mutable_media_chunk()->set_data(std::string(sync::kMediaChunkBytes, 'q'));
  CHECK(error_of(exchange_as(a, server.port(), {offer_of(data, sha), forged})) == sync::pb::Error::INVALID);
  // Chunks that are each fine but do not make up the blob.
  sync::pb::Frame mixed = offer_of(data, sha);
  std::string other(sync::kMediaChunkBytes, 'z');
  mixed.mutable_media_offer()->set_chunks(0, sync::sha256(other));
  sync::pb::Frame other_chunk;
  other_chunk.mutable_media_chunk()->set_hash(sync::sha256(other));
  other_chunk.mutable_media_chunk()->set_data(other);
  sync::pb::Frame last;
  last.mutable_media_chunk()->set_hash(mixed.media_offer().chunks(1));
  last.mutable_media_chunk()->set_data(data.substr(sync::kMediaChunkBytes));
  CHECK(error_of(exchange_as(a, server.port(), {mixed, other_chunk, last, mixed})) == sync::pb::Error::INVALID);
  // Nothing of it counts as the blob: a real pass still sends it whole.
  sync::SyncProgress real = a.sync();
  CHECK(real.media_sent == 1);
  Device b(server, server.people().p2);
  CHECK(ok(list(*b.store, Kind::media)).size() == 1);
  CHECK(content(media_path(*b.store, sha)) == data);
}

TEST_CASE("a 100 MB video cut off midway resumes, up and down, sending at most 5% more than its size", "[sync][media][faults]") {
  Server server;
  Device a(server, server.people().p1), b(server, server.people().p2);
  constexpr std::size_t kSize = 100u << 20;
  std::filesystem::path video = random_file(a.tmp.path(), "build.mp4", kSize, 4);
  Id m = ok(add_media(*a.store, video, Kind::kudos, kudos_to(a, server.people().p2)));
  for (Device* d : {&a, &b}) {
    CutProxy proxy(server.port());
    d->link.port = proxy.port();
    proxy.cut_after(static_cast<std::int64_t>(kSize / 2 + 777));
    CHECK(!d->try_sync().is_ok());
    CHECK(proxy.cuts() == 1);
    proxy.cut_after(0);
    d->sync();
    INFO("bytes on the wire: " << proxy.passed());
    CHECK(proxy.passed() <= static_cast<std::int64_t>(kSize * 105 / 100));
  }
  CHECK(held(b, m) == content(video));
}

TEST_CASE("media syncs cut at random points resume and converge", "[sync][media][faults]") {
  Server server([](sync::ServerOptions& o) { o.max_requests_per_minute = 1000000; });
  Device a(server, server.people().p1), b(server, server.people().p2);
  CutProxy proxy(server.port());
  for (Device* d : {&a, &b}) d->link.port = proxy.port();
  std::vector<Id> media;
  std::vector<std::filesystem::path> files;
  std::mt19937_64 rng(20261129);
  int failed = 0;
  // Each round a new photo, so that every pass has media to move when it is cut.
  for (int round = 0; round < 40; ++round) {
    files.push_back(random_file(a.tmp.path(), "p" + std::to_string(round) + ".jpg", sync::kMediaChunkBytes + 5000u * round, 10 + round));
    media.push_back(ok(add_media(*a.store, files.back(), Kind::kudos, kudos_to(a, server.people().p2))));
    for (Device* d : {&a, &b}) {
      proxy.cut_after(std::uniform_int_distribution<std::int64_t>(500, 3 * sync::kMediaChunkBytes / 2)(rng));
      failed += !d->try_sync().is_ok();
    }
  }
  CHECK(proxy.cuts() >= 40);
  CHECK(failed > 0);
  proxy.cut_after(0);
  a.sync();
  b.sync();
  for (std::size_t i = 0; i < media.size(); ++i) CHECK(held(b, media[i]) == content(files[i]));
  CHECK(ok(a.store->info()).pending_changes == 0);
  // Nothing half-written is left behind.
  for (const auto& e : std::filesystem::recursive_directory_iterator(b.store->dir() / "media"))
    CHECK(e.path().extension() != ".partial");
}
