// Rules for records written by the person this device acts for:
// reflections, replies, summaries and +1s. A reflection names what it looks
// back on, and its text is scored for sentiment as it is written.
#include <openssl/sha.h>

#include <algorithm>

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
  sql::Stmt& s = store.impl().db->cached("SELECT deleted FROM plus_ones WHERE id = ?");
  s.bind(1, id);
  bool exists = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  if (exists) return Status(Code::already_exists, "you have already added your voice to this kudos");
  return id;
}

// Media: who attached it is its author; a private reflection takes photos
// from its author only.
Status check_media(Store& store, Draft& draft, const Draft* before) {
  DEBRIEF_TRY(stamp_author(store, draft, before, "author"));
  if (draft.text("owner_kind") != "reflection") return Status::ok();
  Result<Id> owner = Id::parse(draft.text("owner"));
  DEBRIEF_TRY(owner.status());
  Result<Draft> reflection = load_draft(store, spec_of(Kind::reflection), *owner);
  if (reflection.is_ok() && reflection->ref("author") != draft.ref("author"))
    return invalid("only a reflection's author may attach media to it");
  return reflection.status().code() == Code::not_found ? Status::ok() : reflection.status();
}

}  // namespace

const KindRules kAuthoredRules{.check = check_authored};
const KindRules kReflectionRules{.check = check_reflection, .write_extra = store_record_sentiment};
const KindRules kReplyRules{.check = check_reply};
const KindRules kPlusOneRules{.check = check_plus_one, .derived_id = plus_one_id};
const KindRules kNoRules{};

const KindRules kMediaRules{.check = check_media};

}  // namespace debrief
