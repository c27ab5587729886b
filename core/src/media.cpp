#include "debrief/media.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <cerrno>
#include <system_error>

#include "debrief/fields.h"
#include "debrief/store.h"
#include "debrief/text.h"
#include "disk_full.h"
#include "draft.h"
#include "kind_rules.h"
#include "store_impl.h"

namespace debrief {
namespace {

constexpr std::size_t kChunk = 1 << 16;

struct MediaType {
  std::string_view ext, mime;
};
constexpr std::array<MediaType, 9> kTypes{{{".jpg", "image/jpeg"},
                                          {".jpeg", "image/jpeg"},
                                          {".png", "image/png"},
                                          {".gif", "image/gif"},
                                          {".webp", "image/webp"},
                                          {".heic", "image/heic"},
                                          {".mp4", "video/mp4"},
                                          {".mov", "video/quicktime"},
                                          {".webm", "video/webm"}}};

// An error writing `what`: the disk is full, or the system's own words.
Status write_error(const std::string& what, const std::error_code& ec) {
  if (ec == std::errc::no_space_on_device) return Status(Code::io_error, "cannot write " + what + ": " + kDiskFull);
  return Status(Code::io_error, "cannot write " + what + ": " + ec.message());
}

// Copies `from` to `to` through a temporary file that is fsynced and then
// renamed, so `to` is either absent or complete; on any failure the
// temporary file is removed too.
Status copy_durably(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::error_code ec;
  std::filesystem::create_directories(to.parent_path(), ec);
  if (ec) return write_error(to.parent_path().string(), ec);
  std::filesystem::path tmp = to;
  tmp += ".partial";
  auto fail = [&](Status s) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return s;
  };
  std::filesystem::copy_file(from, tmp, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) return fail(write_error("a copy of " + from.string(), ec));
  int fd = ::open(tmp.c_str(), O_RDONLY);
  int synced = fd >= 0 ? ::fsync(fd) : -1;
  std::error_code sync_error(synced == 0 ? 0 : errno, std::generic_category());
  if (fd >= 0) ::close(fd);
  if (synced != 0) return fail(write_error(tmp.string(), sync_error));
  std::filesystem::rename(tmp, to, ec);
  if (ec) return fail(write_error(to.string(), ec));
  return Status::ok();
}

}  // namespace

Result<std::string> media_mime(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const MediaType& t : kTypes)
    if (t.ext == ext) return std::string(t.mime);
  return invalid("'" + file.filename().string() +
                 "' is not a supported photo or video (jpg, png, gif, webp, heic, mp4, mov, webm)");
}

Result<std::string> sha256_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found("cannot read " + file.string());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  std::vector<char> buf(kChunk);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Status(Code::io_error, "error reading " + file.string());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  return hex_encode(digest, len);
}

bool is_media_mime(std::string_view mime) {
  return std::any_of(kTypes.begin(), kTypes.end(), [&](const MediaType& t) { return t.mime == mime; });
}

std::filesystem::path media_path(const Store& store, std::string_view sha256_hex) {
  return store.dir() / "media" / std::string(sha256_hex.substr(0, 2)) / std::string(sha256_hex);
}

std::optional<Id> attached_by(Store& store, const Json& media) {
  RecordView<Kind::media> m(media);
  if (std::optional<Id> author = m.ref("author")) return author;
  if (!m.is({"owner_kind", "reflection"})) return std::nullopt;
  std::optional<Id> owner = m.id_in("owner");
  if (!owner) return std::nullopt;
  Result<Json> reflection = get(store, Kind::reflection, *owner);
  return reflection.is_ok() ? RecordView<Kind::reflection>(*reflection).ref("author") : std::nullopt;
}

Result<std::vector<Json>> media_naming(Store& store, const std::string& sha256_hex) {
  return list(store, Kind::media, {.where = {filter_by<Kind::media>("sha256", sha256_hex)}});
}

Result<Id> add_media(Store& store, const std::filesystem::path& source, Kind owner_kind, Id owner) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(source, ec)) return not_found("no file at " + source.string());
  auto size = static_cast<std::int64_t>(std::filesystem::file_size(source, ec));
  if (ec) return Status(Code::io_error, "cannot read " + source.string() + ": " + ec.message());
  if (size > kMaxMediaBytes) {
    return Status(Code::too_large, source.filename().string() + " is " + std::to_string(size >> 20) +
                                       " MiB; media may be at most " + std::to_string(kMaxMediaBytes >> 20) + " MiB");
  }
  Result<std::string> mime = media_mime(source);
  DEBRIEF_TRY(mime.status());
  const FieldSpec* owner_field = field_named(spec_of(Kind::media), "owner_kind");
  std::string_view owner_name = spec_of(owner_kind).name;
  if (std::find(owner_field->choices.begin(), owner_field->choices.end(), owner_name) == owner_field->choices.end())
    return invalid("media can be attached to events, activities, reflections and kudos, not " + std::string(spec_of(owner_kind).plural));
  Result<bool> live = is_live(store, owner_kind, owner);
  DEBRIEF_TRY(live.status());
  if (!*live) return not_found("no " + std::string(owner_name) + " with id " + owner.hex());
  Result<std::string> hash = sha256_file(source);
  DEBRIEF_TRY(hash.status());

  Draft d(spec_of(Kind::media));
  d.id = Id::make(store.env());
  d.created_at = impl_of(store).now_s();
  d.at("sha256") = *hash;
  d.at("mime") = *mime;
  d.at("size") = size;
  d.at("name") = source.filename().string().substr(0, 255);
  d.at("owner_kind") = std::string(owner_name);
  d.at("owner") = owner.hex();
  // Who attaches it is its author, as for every authored record; a
  // private reflection takes photos from its author only (kind_rules.h).
  DEBRIEF_TRY(rules_of(Kind::media).check(store, d, nullptr));
  std::filesystem::path target = media_path(store, *hash);
  if (!std::filesystem::exists(target, ec)) DEBRIEF_TRY(copy_durably(source, target));
  Tx tx(impl_of(store));
  DEBRIEF_TRY(tx.status());
  DEBRIEF_TRY(insert_draft(store, d));
  DEBRIEF_TRY(tx.commit());
  return d.id;
}

}  // namespace debrief
