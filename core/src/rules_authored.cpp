// Rules for records written by the person this device acts for:
// reflections, replies, summaries, +1s and media. A reflection names what it looks
// back on, and its text is scored for sentiment as it is written.
#include <openssl/sha.h>

#include <algorithm>

#include "debrief/media.h"
#include "debrief/mutation.h"
#include "debrief/records.h"
#include "kind_rules.h"
#include "store_impl.h"
#include "stored_sentiment.h"

namespace debrief {
namespace {

// Sets the author on creation; afterwards only the author may change it.
Status stamp_author(Store& store, Draft& draft, const Draft* before, std::string_view field) {
  Result<Id> me = require_me(store);
  DEBRIEF_TRY(me.status());
  if (!before) {
    draft.at(field) = *me;
  } else if (before->ref(field) && *before->ref(field) != *me && !mutated("author_check")) {
    return invalid("only its author can change this " + std::string(draft.spec->name));
  }
  return Status::ok();
}

Status check_authored(Store& store, Draft& draft, const Draft* before) {
  return stamp_author(store, draft, before, "author");
}

// A reflection looks back on something: a new one names its activity or its
// event (or both).
Status check_reflection(Store& store, Draft& draft, const Draft* before) {
  DEBRIEF_TRY(stamp_author(store, draft, before, "author"));
  if (before || draft.ref("activity") || draft.ref("event")) return Status::ok();
  return invalid("a reflection looks back on something: give its activity or its event");
}

Status check_reply(Store& store, Draft& draft, const Draft* before) {
  DEBRIEF_TRY(stamp_author(store, draft, before, "author"));
  std::optional<Kind> target = kind_named(draft.text("target_kind"));
  // A prefix is a help to a person typing on their own device. A pushed
  // reply names its target whole: a prefix search on the server would list
  // the ids of records the pusher may not see.
  if (impl_of(store).acting && !Id::parse(draft.text("target")).is_ok())
    return invalid("a reply names what it answers by its whole id (32 hex digits)");
  Result<Id> id = resolve_id(store, *target, draft.text("target"));
  DEBRIEF_TRY(id.status());
  draft.at("target") = id->hex();
  return Status::ok();
}

Status check_plus_one(Store& store, Draft& draft, const Draft* before) {
  DEBRIEF_TRY(stamp_author(store, draft, before, "person"));
  Result<Draft> kudos = load_draft(store, spec_of(Kind::kudos), *draft.ref("kudos"));
  DEBRIEF_TRY(kudos.status());
  if (kudos->ref("author") == draft.ref("person")) return invalid("you cannot +1 your own kudos");
  Json to = Json::parse(kudos->text("to").empty() ? "[]" : kudos->text("to"), nullptr, false);
  if (to.is_array() && std::find(to.begin(), to.end(), Json(draft.ref("person")->hex())) != to.end())
    return invalid("you cannot +1 a kudos given to you; thank them with a reply instead");
  return Status::ok();
}

// One +1 per person and kudos, on every device: the id is a hash of both, so
// +1s merge as a set.
Result<Id> plus_one_id(Store& store, const Draft& draft) {
  std::uint8_t input[32], digest[SHA256_DIGEST_LENGTH];
  std::copy_n(draft.ref("kudos")->bytes.data(), 16, input);
  std::copy_n(draft.ref("person")->bytes.data(), 16, input + 16);
  SHA256(input, sizeof input, digest);
  Id id;
  std::copy_n(digest, 16, id.bytes.data());
  sql::Stmt& s = impl_of(store).db->cached("SELECT deleted FROM plus_ones WHERE id = ?");
  s.bind(1, id);
  bool exists = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  if (exists) return Status(Code::already_exists, "you have already added your voice to this kudos");
  return id;
}

bool is_lower_hex(std::string_view text, std::size_t digits) {
  return text.size() == digits &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A content hash names one content: refused when another media record of
// the same author names it with another size (their device would fetch one
// and find the other). Others' records are not looked at: a refusal would
// tell that someone attached that content, and a record naming a size its
// content does not have is never served (an upload must match it).
Status one_size_per_content(Store& store, const Draft& draft) {
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT 1 FROM media WHERE sha256 = ? AND size <> ? AND id <> ? AND author IS ? LIMIT 1");
  s.bind(1, draft.text("sha256")).bind(2, draft.integer("size")).bind(3, draft.id).bind(4, draft.ref("author"));
  bool other = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  return other ? invalid("this content is attached elsewhere with another size") : Status::ok();
}

// Media: who attached it is its author; what add_media sets (media.h) is
// checked again, for a pushed record is whatever a device sent: a content
// hash, a known type, a size (within bounds), a name, and something held to
// attach it to. A private reflection takes photos from its author only.
Status check_media(Store& store, Draft& draft, const Draft* before) {
  DEBRIEF_TRY(stamp_author(store, draft, before, "author"));
  if (!is_lower_hex(draft.text("sha256"), 64)) return invalid("a photo's content hash is 64 lower-case hex digits");
  if (!is_media_mime(draft.text("mime"))) return invalid("'" + draft.text("mime") + "' is not a photo or video type Debrief keeps");
  if (!draft.has("size")) return invalid("a photo or video keeps its size in bytes");
  if (draft.integer("size") > kMaxMediaBytes) return invalid("media may be at most " + std::to_string(kMaxMediaBytes >> 20) + " MiB");
  if (draft.text("name").empty()) return invalid("a photo or video keeps its file's name");
  DEBRIEF_TRY(one_size_per_content(store, draft));
  std::optional<Kind> owner_kind = kind_named(draft.text("owner_kind"));
  Result<Id> owner = Id::parse(draft.text("owner"));
  if (!owner_kind || !owner.is_ok()) return invalid("media is attached to a record by its kind and whole id");
  Result<Draft> held = load_draft(store, spec_of(*owner_kind), *owner);
  if (!held.is_ok()) {
    if (held.status().code() != Code::not_found) return held.status();
    return not_found("no " + draft.text("owner_kind") + " with id " + owner->hex() + " to attach media to");
  }
  if (*owner_kind == Kind::reflection && held->ref("author") != draft.ref("author"))
    return invalid("only a reflection's author may attach media to it");
  return Status::ok();
}

}  // namespace

const KindRules kAuthoredRules{.check = check_authored};
const KindRules kReflectionRules{.check = check_reflection, .write_extra = store_record_sentiment};
const KindRules kReplyRules{.check = check_reply};
const KindRules kPlusOneRules{.check = check_plus_one, .derived_id = plus_one_id};
const KindRules kNoRules{};

const KindRules kMediaRules{.check = check_media};


}  // namespace debrief
