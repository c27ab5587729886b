#include "debrief/actor.h"

#include "debrief/kind_table.h"
#include "draft.h"

namespace debrief {
namespace {

// The person kind's role choices name the roles, in Role's order.
constexpr const auto& kRoleNames = kinds::kRoles;
static_assert(kRoleNames[static_cast<std::size_t>(Role::participant)] == "participant" &&
              kRoleNames[static_cast<std::size_t>(Role::manager)] == "manager" &&
              kRoleNames[static_cast<std::size_t>(Role::organiser)] == "organiser" &&
              kRoleNames[static_cast<std::size_t>(Role::admin)] == "admin" && kRoleNames.size() == 4,
              "Role and the person kind's role choices name the same roles in the same order");

}  // namespace

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> role_named(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i)
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  return std::nullopt;
}

Result<Actor> actor_of(Store& store, const Id& person) {
  Actor a{person, Role::participant};
  Result<Draft> p = load_draft(store, spec_of(Kind::person), person);
  if (!p.is_ok()) return p.status().code() == Code::not_found ? Result<Actor>(a) : Result<Actor>(p.status());
  if (!p->deleted) a.role = role_named(p->text("role")).value_or(Role::participant);
  return a;
}

bool role_may_write(Role role, Kind kind) {
  switch (kind) {
    case Kind::organisation:
    case Kind::team:
    case Kind::person:
    case Kind::device: return role == Role::admin;
    case Kind::event:
    case Kind::activity:
    case Kind::survey: return role != Role::participant;
    case Kind::summary: return role == Role::admin || role == Role::manager;
    default: return true;
  }
}

}  // namespace debrief
