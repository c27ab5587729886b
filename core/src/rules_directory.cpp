// Rules for the directory: one organisation per store, teams without cycles,
// people with plausible e-mail addresses.
#include <algorithm>

#include "kind_rules.h"
#include "store_impl.h"

namespace debrief {
namespace {

Status check_organisation(Store& store, Draft&, const Draft* before) {
  if (before) return Status::ok();
  sql::Stmt& s = impl_of(store).db->cached("SELECT 1 FROM organisations WHERE deleted = 0");
  bool exists = s.step();
  DEBRIEF_TRY(s.status());
  s.reset();
  if (exists) return Status(Code::already_exists, "the organisation exists already; update it instead");
  return Status::ok();
}

// A team may not be its own ancestor.
Status check_team(Store& store, Draft& draft, const Draft*) {
  std::optional<Id> parent = draft.ref("parent");
  for (int depth = 0; parent; ++depth) {
    if (*parent == draft.id) return invalid("a team cannot be inside itself (parent would make a cycle)");
    if (depth > 64) return invalid("teams nest at most 64 deep");
    Result<Draft> p = load_draft(store, spec_of(Kind::team), *parent);
    DEBRIEF_TRY(p.status());
    parent = p->ref("parent");
  }
  return Status::ok();
}

// Whether `s` has the shape of an e-mail address: one "@" with text before
// it and a dotted domain after it, no white space. Deliberately loose:
// names in any script pass; only a reply proves an address.
bool looks_like_email(std::string_view s) {
  if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; })) return false;
  std::size_t at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = s.substr(at + 1);
  return domain.find('.') != std::string_view::npos && domain.front() != '.' && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

// A new or changed e-mail address must look like one (one kept from before
// this rule does not block other edits).
Status check_person(Store&, Draft& draft, const Draft* before) {
  std::string email = draft.text("email");
  if (email.empty() || looks_like_email(email) || (before && before->text("email") == email)) return Status::ok();
  return invalid("email: '" + email + "' is not an e-mail address; give one like name@example.com, or none");
}

}  // namespace

const KindRules kOrganisationRules{.check = check_organisation};
const KindRules kTeamRules{.check = check_team};
const KindRules kPersonRules{.check = check_person};

}  // namespace debrief
