#include "media_transfer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "debrief/media.h"
#include "debrief/fields.h"
#include "debrief/sync/secrets.h"
#include "co_try.h"
#include "sync_steps.h"

namespace debrief::sync::detail {
namespace {

// In the settings: "this blob is on the server whose feed is <value>". A
// server restored from a backup has a new feed, so the device offers its
// blobs again (the server takes only the chunks it lacks).
std::string sent_key(const std::string& sha256_hex) { return "media_sent:" + sha256_hex; }

// The blobs named by live media records, each once, with their sizes; with
// `attacher`, only those a record attached by them (or by no one
// known: an event's or a kudos' photo from before media had authors, which
// everyone may send) names.
Result<std::map<std::string, std::int64_t>> named_blobs(Store& store, const std::optional<Id>& attacher = std::nullopt) {
  Result<std::vector<Json>> media = list(store, Kind::media);
  DEBRIEF_TRY(media.status());
  std::map<std::string, std::int64_t> out;
  for (const Json& m : *media) {
    std::optional<Id> author = attacher ? attached_by(store, m) : std::nullopt;
    if (attacher && author && author != attacher) continue;
    RecordView<Kind::media> medium(m);
    if (medium.has("size")) out.emplace(medium.text("sha256"), medium.integer("size"));  // none: nothing to fetch by
  }
  return out;
}

// The SHA-256 digests of a file's chunks, in order, once the whole file is
// found to be the blob `sha256_hex` of `size` bytes; corrupt when it is
// not (its name or its record says otherwise).
Result<std::vector<std::string>> chunk_digests(const std::filesystem::path& file, const std::string& sha256_hex,
                                               std::int64_t size) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found("cannot read " + file.string());
  std::vector<std::string> out;
  Sha256 whole;
  std::int64_t read = 0;
  std::string buf(kMediaChunkBytes, '\0');
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    std::string chunk = buf.substr(0, static_cast<std::size_t>(in.gcount()));
    whole.update(chunk);
    read += static_cast<std::int64_t>(chunk.size());
    out.push_back(sha256(chunk));
  }
  if (in.bad()) return Status(Code::io_error, "error reading " + file.string());
  if (read != size || whole.hex() != sha256_hex) return Status(Code::corrupt, file.string() + " is damaged");
  return out;
}

// The size of chunk `index` of a blob of `size` bytes.
std::int64_t chunk_size(std::uint64_t size, std::size_t index) {
  std::uint64_t start = index * kMediaChunkBytes;
  return start >= size ? 0 : static_cast<std::int64_t>(std::min<std::uint64_t>(kMediaChunkBytes, size - start));
}

// Chunk `index` of the blob open in `in` (the file at `file`).
Result<std::string> read_chunk(std::ifstream& in, const std::filesystem::path& file, std::size_t index) {
  in.clear();  // a short last chunk leaves eof set
  in.seekg(static_cast<std::streamoff>(index * kMediaChunkBytes));
  std::string buf(kMediaChunkBytes, '\0');
  in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
  if (in.bad() || in.gcount() <= 0) return Status(Code::io_error, "cannot read chunk " + std::to_string(index) + " of " + file.string());
  buf.resize(static_cast<std::size_t>(in.gcount()));
  return buf;
}

asio::awaitable<Status> send_chunk(Channel& c, std::ifstream& in, const std::filesystem::path& file, std::size_t index,
                                   const std::string& digest) {
  Result<std::string> data = read_chunk(in, file, index);
  DEBRIEF_CO_TRY(data.status());
  pb::Frame f;
  f.mutable_media_chunk()->set_hash(digest);
  f.mutable_media_chunk()->set_data(std::move(*data));
  Result<pb::Frame> ack = co_await c.exchange(f);
  DEBRIEF_CO_TRY(ack.status());
  if (!ack->has_media_chunk_ack() || ack->media_chunk_ack().hash() != digest) co_return invalid("the server acknowledged another media chunk");
  c.progress.media_bytes_sent += static_cast<std::int64_t>(f.media_chunk().data().size());
  c.report("sending media");
  co_return Status::ok();
}

// Offers one blob, sends the chunks the server lacks, and offers it again
// until the server holds it whole (twice is enough: the second offer finds
// every chunk there). A file that is not the blob it is named for comes
// back corrupt, never offered: the server would refuse it on every pass.
asio::awaitable<Status> upload(Channel& c, const std::filesystem::path& file, const std::string& sha256_hex,
                               std::int64_t size) {
  Result<std::vector<std::string>> digests = chunk_digests(file, sha256_hex, size);
  DEBRIEF_CO_TRY(digests.status());
  pb::Frame offer;
  pb::MediaOffer* o = offer.mutable_media_offer();
  o->set_sha256(sha256_hex);
  o->set_size(static_cast<std::uint64_t>(size));
  for (const std::string& d : *digests) *o->add_chunks() = d;
  std::ifstream in(file, std::ios::binary);
  for (int round = 0; round < 2; ++round) {
    Result<pb::Frame> need = co_await c.exchange(offer);
    DEBRIEF_CO_TRY(need.status());
    if (!need->has_media_need()) co_return invalid("the server answered a media offer with something else");
    if (need->media_need().complete()) co_return Status::ok();
    for (std::uint32_t index : need->media_need().missing()) {
      if (index >= digests->size()) co_return invalid("the server asked for a chunk the blob does not have");
      c.progress.media_bytes_to_send += chunk_size(o->size(), index);
    }
    for (std::uint32_t index : need->media_need().missing()) {
      Status sent = co_await send_chunk(c, in, file, index, (*digests)[index]);
      DEBRIEF_CO_TRY(sent);
    }
  }
  co_return invalid("the server did not take media " + sha256_hex + " whole");
}

// Appends chunks to a file, keeping only whole chunks from an earlier,
// interrupted download of the same blob.
class PartialFile {
 public:
  explicit PartialFile(std::filesystem::path path) : path_(std::move(path)) {}
  ~PartialFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  // Opens the file; returns how many whole chunks it already holds.
  Result<std::size_t> open() {
    std::error_code ec;
    std::filesystem::create_directories(path_.parent_path(), ec);
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT, 0600);
    struct stat st {};
    if (fd_ < 0 || ::fstat(fd_, &st) != 0) return Status(Code::io_error, "cannot write " + path_.string());
    std::size_t whole = static_cast<std::size_t>(st.st_size) / kMediaChunkBytes;
    if (::ftruncate(fd_, static_cast<off_t>(whole * kMediaChunkBytes)) != 0 ||
        ::lseek(fd_, static_cast<off_t>(whole * kMediaChunkBytes), SEEK_SET) < 0)
      return Status(Code::io_error, "cannot write " + path_.string());
    return whole;
  }
  Status append(const std::string& data) {
    for (std::size_t done = 0; done < data.size();) {
      ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
      if (n <= 0) return Status(Code::io_error, "cannot write " + path_.string());
      done += static_cast<std::size_t>(n);
    }
    return Status::ok();
  }
  // Makes the file durable and moves it to `to`, if it is the blob `sha256_hex`.
  Status finish(const std::filesystem::path& to, const std::string& sha256_hex) {
    if (::fsync(fd_) != 0) return Status(Code::io_error, "cannot sync " + path_.string());
    Result<std::string> got = sha256_file(path_);
    DEBRIEF_TRY(got.status());
    std::error_code ec;
    if (*got != sha256_hex) {
      std::filesystem::remove(path_, ec);
      return Status(Code::corrupt, "media " + sha256_hex + " arrived damaged; it will be fetched again");
    }
    std::filesystem::rename(path_, to, ec);
    return ec ? Status(Code::io_error, "cannot move media into place: " + ec.message()) : Status::ok();
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

// Fetches the chunks of `m` not yet in the partial file, then moves the
// whole blob into place.
asio::awaitable<Status> download(Channel& c, Store& store, const pb::MediaManifest& m) {
  std::filesystem::path target = media_path(store, m.sha256());
  PartialFile partial(std::filesystem::path(target) += ".partial");
  Result<std::size_t> held = partial.open();
  DEBRIEF_CO_TRY(held.status());
  for (std::size_t i = *held; i < static_cast<std::size_t>(m.chunks_size()); ++i)
    c.progress.media_bytes_to_receive += chunk_size(m.size(), i);
  for (std::size_t i = *held; i < static_cast<std::size_t>(m.chunks_size()); ++i) {
    pb::Frame ask;
    ask.mutable_chunk_request()->set_hash(m.chunks(static_cast<int>(i)));
    Result<pb::Frame> got = co_await c.exchange(ask);
    DEBRIEF_CO_TRY(got.status());
    if (!got->has_media_chunk() || sha256(got->media_chunk().data()) != m.chunks(static_cast<int>(i)))
      co_return invalid("the server sent a media chunk that does not match its digest");
    Status written = partial.append(got->media_chunk().data());
    DEBRIEF_CO_TRY(written);
    c.progress.media_bytes_received += static_cast<std::int64_t>(got->media_chunk().data().size());
    c.report("receiving media");
  }
  co_return partial.finish(target, m.sha256());
}

}  // namespace

asio::awaitable<Status> push_media(Channel& c, Store& store) {
  if (c.version < kMediaProtocolVersion) co_return Status::ok();  // an older server moves no media
  // Only what its person attached: someone else's photo came from the
  // server, and the server takes it only from those who may see it (a
  // reflection unshared since may no longer be theirs to send).
  std::optional<Id> me = store.me();
  if (!me) co_return Status::ok();  // it attached nothing: add_media needs its person
  Result<std::map<std::string, std::int64_t>> blobs = named_blobs(store, me);
  DEBRIEF_CO_TRY(blobs.status());
  Result<std::int64_t> feed = stored_cursor(store, kFeedIdKey);
  DEBRIEF_CO_TRY(feed.status());
  for (const auto& [sha, size] : *blobs) {
    std::filesystem::path file = media_path(store, sha);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;  // pull_media fetches it
    Result<std::int64_t> sent = stored_cursor(store, sent_key(sha));
    DEBRIEF_CO_TRY(sent.status());
    if (*sent != 0 && *sent == *feed) continue;
    Status up = co_await upload(c, file, sha, size);
    if (up.code() == Code::corrupt) {  // not what its record names: never offered; pull_media fetches a good copy
      std::filesystem::remove(file, ec);
      continue;
    }
    DEBRIEF_CO_TRY(up);
    Status noted = save_cursor(store, sent_key(sha), *feed);
    DEBRIEF_CO_TRY(noted);
    ++c.progress.media_sent;
  }
  co_return Status::ok();
}

asio::awaitable<Status> pull_media(Channel& c, Store& store) {
  if (c.version < kMediaProtocolVersion) co_return Status::ok();
  Result<std::map<std::string, std::int64_t>> blobs = named_blobs(store);
  DEBRIEF_CO_TRY(blobs.status());
  for (const auto& [sha, size] : *blobs) {
    std::error_code ec;
    if (std::filesystem::exists(media_path(store, sha), ec)) continue;
    pb::Frame ask;
    ask.mutable_media_request()->set_sha256(sha);
    Result<pb::Frame> reply = co_await c.exchange(ask);
    DEBRIEF_CO_TRY(reply.status());
    if (!reply->has_media_manifest()) co_return invalid("the server answered a media request with something else");
    const pb::MediaManifest& m = reply->media_manifest();
    if (!m.available()) continue;  // its author's device has not sent it yet
    if (static_cast<std::int64_t>(m.size()) != size) co_return invalid("the server's media " + sha + " has another size than its record");
    Status fetched = co_await download(c, store, m);
    DEBRIEF_CO_TRY(fetched);
    ++c.progress.media_received;
  }
  co_return Status::ok();
}

}  // namespace debrief::sync::detail
