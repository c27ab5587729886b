// Rules for the directory: one organisation per store, teams without cycles.
#include "kind_rules.h"
#include "store_impl.h"

namespace debrief {
namespace {

Status check_organisation(Store& store, Draft&, const Draft* before) {
  if (before) return Status::ok();
  sql::Stmt& s = store.impl().db->cached("SELECT 1 FROM organisations WHERE deleted = 0");
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

}  // namespace

const KindRules kOrganisationRules{.check = check_organisation};
const KindRules kTeamRules{.check = check_team};

}  // namespace debrief
