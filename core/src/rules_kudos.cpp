// Rules for kudos: praise that counts names a real action and its outcome,
// and goes to someone else. Its action and outcome are scored for sentiment
// together as it is written.
#include <algorithm>

#include "kind_rules.h"
#include "specificity.h"
#include "stored_sentiment.h"

namespace debrief {
namespace {

// The start of `text` for quoting in a message: at most 60 bytes, not
// cutting a UTF-8 sequence in two.
std::string quote(const std::string& text) {
  std::size_t n = std::min<std::size_t>(text.size(), 60);
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

Status check_specific(const Draft& draft) {
  if (!is_specific(draft.text("action"))) {
    return invalid(
        "the kudos needs the specific action: say what they did, e.g. \"stayed late to rebuild "
        "the demo after the server crashed\" - \"" + quote(draft.text("action")) +
        "\" could be said of anyone");
  }
  if (!is_specific(draft.text("outcome"))) {
    return invalid(
        "the kudos needs the outcome: say what came of it, e.g. \"the client signed the same "
        "day\" - \"" + quote(draft.text("outcome")) + "\" does not say what changed");
  }
  return Status::ok();
}

Status check_recipients(const Draft& draft, const Id& me) {
  Json to = Json::parse(draft.text("to").empty() ? "[]" : draft.text("to"));
  if (to.empty() && !draft.has("to_team"))
    return invalid("the kudos needs someone to thank: one or more people (to) or a team (to_team)");
  if (to.size() == 1 && to[0] == me.hex() && !draft.has("to_team"))
    return invalid("kudos are for others: you cannot give kudos only to yourself");
  return Status::ok();
}

Status check_kudos(Store& store, Draft& draft, const Draft* before) {
  Result<Id> me = require_me(store);
  DEBRIEF_TRY(me.status());
  if (before) return invalid("a kudos cannot be edited once given");
  draft.at("author") = *me;
  DEBRIEF_TRY(check_recipients(draft, *me));
  return check_specific(draft);
}

}  // namespace

const KindRules kKudosRules{.check = check_kudos, .write_extra = store_record_sentiment};

}  // namespace debrief
