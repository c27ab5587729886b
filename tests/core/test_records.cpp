// Records of every creatable kind: create, get, update, remove, list, and
// tombstones; and how ids and their prefixes resolve.
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

// Checks that every member of `expected` reads back from `record` as given.
void check_members(const Json& record, const Json& expected) {
  for (const auto& [name, value] : expected.items()) {
    INFO(name);
    REQUIRE(record.contains(name));
    CHECK(record.at(name) == value);
  }
}

bool listed(Store& store, Kind kind, Id id, bool include_deleted = false) {
  for (const Json& r : ok(list(store, kind, test::including_deleted(include_deleted))))
    if (r["id"] == id.hex()) return true;
  return false;
}

std::string name_of(Kind kind) { return std::string(spec_of(kind).name); }

// Makes teams one simulated second apart, so their ids sort in this order.
std::vector<Id> teams_in_order(test::World& w, std::initializer_list<const char*> names) {
  std::vector<Id> ids;
  for (const char* name : names) {
    w.env.advance_ms(1000);
    ids.push_back(ok(create(*w.store, Kind::team, {{"name", name}})));
  }
  return ids;
}

std::vector<std::string> names_listed(Store& store, const ListOptions& options) {
  std::vector<std::string> names;
  for (const Json& t : ok(list(store, Kind::team, options))) names.push_back(t["name"]);
  return names;
}

}  // namespace

TEST_CASE("a record of every creatable kind reads back as it was given", "[records]") {
  test::World w;
  for (const test::KindCase& c : test::creatable_cases(w)) {
    DYNAMIC_SECTION(name_of(c.kind)) {
      Id id = ok(create(*w.store, c.kind, c.fields));
      Json record = ok(get(*w.store, c.kind, id));
      CHECK(record["id"] == id.hex());
      CHECK(record["created_at"] == "2025-11-24T16:00:00Z");
      CHECK(!record.contains("deleted"));
      check_members(record, c.fields);
      CHECK(listed(*w.store, c.kind, id));
    }
  }
}

TEST_CASE("an editable record takes new values for the fields named and keeps the others", "[records]") {
  test::World w;
  for (const test::KindCase& c : test::creatable_cases(w)) {
    if (c.edit.is_null()) continue;
    DYNAMIC_SECTION(name_of(c.kind)) {
      Id id = ok(create(*w.store, c.kind, c.fields));
      ok(update(*w.store, c.kind, id, c.edit));
      Json record = ok(get(*w.store, c.kind, id));
      check_members(record, c.edit);
      for (const auto& [name, value] : c.fields.items())
        if (!c.edit.contains(name)) CHECK(record[name] == value);
    }
  }
}

TEST_CASE("an append-only record refuses every edit and stays as it was", "[records]") {
  test::World w;
  for (const test::KindCase& c : test::creatable_cases(w)) {
    if (!c.edit.is_null()) continue;
    DYNAMIC_SECTION(name_of(c.kind)) {
      Id id = ok(create(*w.store, c.kind, c.fields));
      const std::string first = c.fields.begin().key();
      test::check_refused(*w.store, Code::invalid_argument, "cannot", [&] {
        return update(*w.store, c.kind, id, {{first, c.fields[first]}});
      });
    }
  }
}

TEST_CASE("an empty edit of a record of any kind changes nothing", "[records]") {
  test::World w;
  for (const test::KindCase& c : test::creatable_cases(w)) {
    DYNAMIC_SECTION(name_of(c.kind)) {
      Id id = ok(create(*w.store, c.kind, c.fields));
      const Json before = test::snapshot(*w.store);
      Status s;
      CHECK_NOTHROW(s = update(*w.store, c.kind, id, Json::object()));
      INFO(s.message());
      CHECK((s.is_ok() || s.code() == Code::invalid_argument));
      CHECK(test::snapshot(*w.store) == before);
    }
  }
}

TEST_CASE("a deleted record of every kind leaves a tombstone and is gone from lists", "[records][tombstone]") {
  test::World w;
  for (const test::KindCase& c : test::creatable_cases(w)) {
    DYNAMIC_SECTION(name_of(c.kind)) {
      Id id = ok(create(*w.store, c.kind, c.fields));
      ok(remove(*w.store, c.kind, id));
      Json tombstone = ok(get(*w.store, c.kind, id));
      CHECK(tombstone["deleted"] == true);
      CHECK(tombstone["id"] == id.hex());
      CHECK(!listed(*w.store, c.kind, id));
      CHECK(listed(*w.store, c.kind, id, true));
    }
  }
}

TEST_CASE("a deleted record cannot be edited or deleted again", "[records][tombstone]") {
  test::World w;
  ok(remove(*w.store, Kind::event, w.event));
  test::check_refused(*w.store, Code::not_found, "was deleted",
                      [&] { return update(*w.store, Kind::event, w.event, {{"title", "Back"}}); });
  test::check_refused(*w.store, Code::not_found, "was deleted",
                      [&] { return remove(*w.store, Kind::event, w.event); });
}

TEST_CASE("a deleted record can no longer be referenced", "[records][tombstone]") {
  test::World w;
  ok(remove(*w.store, Kind::team, w.team));
  test::check_refused(*w.store, Code::not_found, "or it was deleted",
                      [&] { return create(*w.store, Kind::person, {{"name", "Cleo"}, {"team", w.team.hex()}}); });
}

TEST_CASE("get of an id that was never made is not_found", "[records]") {
  test::World w;
  Id ghost = ok(Id::parse("0123456789abcdef0123456789abcdef"));
  CHECK(get(*w.store, Kind::event, ghost).status().code() == Code::not_found);
  CHECK(get(*w.store, Kind::team, w.event).status().code() == Code::not_found);  // an id of another kind
}

TEST_CASE("text is kept without surrounding white space", "[records]") {
  test::World w;
  Id id = ok(create(*w.store, Kind::team, {{"name", "  Ops \n"}}));
  CHECK(ok(get(*w.store, Kind::team, id))["name"] == "Ops");
}

TEST_CASE("optional fields take their defaults and may be cleared with null", "[records]") {
  test::World w;
  Id id = ok(create(*w.store, Kind::person, {{"name", "Cleo"}, {"email", "cleo@example.com"}}));
  Json person = ok(get(*w.store, Kind::person, id));
  CHECK(person["role"] == "participant");
  CHECK(person["team"].is_null());
  ok(update(*w.store, Kind::person, id, {{"email", nullptr}}));
  CHECK(ok(get(*w.store, Kind::person, id))["email"].is_null());
}

TEST_CASE("list filters by field, and a list field matches when it contains the value", "[records][list]") {
  test::World w;
  Id ops = ok(create(*w.store, Kind::team, {{"name", "Ops"}}));
  Id cleo = ok(create(*w.store, Kind::person, {{"name", "Cleo"}, {"team", ops.hex()}, {"role", "manager"}}));
  ok(create(*w.store, Kind::event, {{"title", "Hike"}, {"starts_at", "2027-01-01"}, {"ends_at", "2027-01-01"},
                                    {"offsite", true}, {"crew", {cleo.hex(), w.other.hex()}}}));
  CHECK(ok(list(*w.store, Kind::person, {.where = {{"team", ops.hex()}}})).size() == 1);
  CHECK(ok(list(*w.store, Kind::person, {.where = {{"role", "manager"}}}))[0]["id"] == cleo.hex());
  CHECK(ok(list(*w.store, Kind::event, {.where = {{"offsite", "true"}}}))[0]["title"] == "Hike");
  CHECK(ok(list(*w.store, Kind::event, {.where = {{"crew", cleo.hex().substr(0, 30)}}})).size() == 1);
  CHECK(ok(list(*w.store, Kind::event, {.where = {{"crew", w.me.hex()}}})).empty());
}

TEST_CASE("list filters by whole numbers and refuses text where a number belongs", "[records][list]") {
  test::World w;
  ok(create(*w.store, Kind::organisation, {{"name", "Acme"}, {"anonymity_threshold", 7}}));
  CHECK(ok(list(*w.store, Kind::organisation, {.where = {{"anonymity_threshold", "7"}}})).size() == 1);
  CHECK(ok(list(*w.store, Kind::organisation, {.where = {{"anonymity_threshold", "8"}}})).empty());
  auto r = list(*w.store, Kind::organisation, {.where = {{"anonymity_threshold", "seven"}}});
  CHECK(r.status().code() == Code::invalid_argument);
}

TEST_CASE("list refuses to filter by a field it does not have or keeps outside the row", "[records][list]") {
  test::World w;
  CHECK(list(*w.store, Kind::team, {.where = {{"colour", "red"}}}).status().code() == Code::invalid_argument);
  CHECK(list(*w.store, Kind::response, {.where = {{"answers", "x"}}}).status().code() == Code::invalid_argument);
}

TEST_CASE("list orders by creation, newest first on request, and stops at the limit", "[records][list]") {
  test::World w;
  teams_in_order(w, {"B", "C", "D"});
  CHECK(names_listed(*w.store, {}) == std::vector<std::string>{"Support", "B", "C", "D"});
  CHECK(names_listed(*w.store, {.where = {}, .limit = 2, .newest_first = true}) == std::vector<std::string>{"D", "C"});
  CHECK(names_listed(*w.store, {.where = {}, .limit = 2}) == std::vector<std::string>{"Support", "B"});
}

TEST_CASE("a negative limit is refused and says what to give", "[records][list]") {
  test::World w;
  Status s = list(*w.store, Kind::team, {.where = {}, .limit = -3}).status();
  CHECK(s.code() == Code::invalid_argument);
  CHECK(s.message() == "a limit of -3 lists nothing: give 1 or more, or no limit to list all");
}

TEST_CASE("an id resolves from its full hex, either case, or a unique prefix", "[records][ids]") {
  test::World w;
  std::vector<Id> teams = teams_in_order(w, {"Ops"});
  CHECK(ok(resolve_id(*w.store, Kind::team, teams[0].hex())) == teams[0]);
  CHECK(ok(resolve_id(*w.store, Kind::team, test::upper(teams[0].hex()).substr(0, 20))) == teams[0]);
  CHECK(ok(resolve_id(*w.store, Kind::team, teams[0].hex().substr(0, 12))) == teams[0]);
}

TEST_CASE("a prefix shared by two records is ambiguous and asks for more digits", "[records][ids]") {
  test::World w;
  ok(create(*w.store, Kind::team, {{"name", "Ops"}}));
  // Both teams were made in the same simulated millisecond: their first 12
  // hex digits, the time, are the same.
  auto r = resolve_id(*w.store, Kind::team, w.team.hex().substr(0, 12));
  CHECK(r.status().code() == Code::invalid_argument);
  CHECK(r.status().message().find("more than one team") != std::string::npos);
  CHECK(r.status().message().find("give more digits") != std::string::npos);
}

TEST_CASE("an ambiguous prefix in a reference refuses the record and changes nothing", "[records][ids]") {
  test::World w;
  ok(create(*w.store, Kind::team, {{"name", "Ops"}}));
  test::check_refused(*w.store, Code::invalid_argument, "team: more than one team", [&] {
    return create(*w.store, Kind::person, {{"name", "Cleo"}, {"team", w.team.hex().substr(0, 12)}});
  });
}

TEST_CASE("a unique prefix in a reference is stored as the full id", "[records][ids]") {
  test::World w;
  Id cleo = ok(create(*w.store, Kind::person, {{"name", "Cleo"}, {"team", w.team.hex().substr(0, 30)}}));
  CHECK(ok(get(*w.store, Kind::person, cleo))["team"] == w.team.hex());
}

TEST_CASE("too short, too long or non-hex prefixes are not ids; unknown ones are not_found", "[records][ids]") {
  test::World w;
  for (const char* bad : {"", "abc", "zzzz", "01234567-89ab", "0123456789abcdef0123456789abcdef0"}) {
    INFO(bad);
    auto r = resolve_id(*w.store, Kind::team, bad);
    CHECK(r.status().code() == Code::invalid_argument);
  }
  CHECK(resolve_id(*w.store, Kind::team, "ffff").status().code() == Code::not_found);
  CHECK(resolve_id(*w.store, Kind::person, w.team.hex().substr(0, 30)).status().code() == Code::not_found);
}

TEST_CASE("a full id that names no record of the kind does not resolve", "[records][ids]") {
  test::World w;
  CHECK(resolve_id(*w.store, Kind::team, "0123456789abcdef0123456789abcdef").status().code() == Code::not_found);
  CHECK(resolve_id(*w.store, Kind::team, w.event.hex()).status().code() == Code::not_found);
}

TEST_CASE("a live record resolves by its exact name, ignoring case, where an id goes", "[records][ids][names]") {
  test::World w;
  CHECK(ok(resolve_id(*w.store, Kind::team, "Support")) == w.team);
  CHECK(ok(resolve_id(*w.store, Kind::team, "sUPPORT")) == w.team);
  CHECK(ok(resolve_id(*w.store, Kind::event, ok(get(*w.store, Kind::event, w.event))["title"].get<std::string>())) == w.event);
  CHECK(resolve_id(*w.store, Kind::team, "Supp").status().code() == Code::invalid_argument);  // not a prefix of a name
  Id cleo = ok(create(*w.store, Kind::person, {{"name", "Cleo"}, {"team", "Support"}}));
  CHECK(ok(get(*w.store, Kind::person, cleo))["team"] == w.team.hex());
}

TEST_CASE("a hex-looking name resolves when no id starts with it", "[records][ids][names]") {
  test::World w;
  Id cafe = ok(create(*w.store, Kind::team, {{"name", "Cafe"}}));
  CHECK(ok(resolve_id(*w.store, Kind::team, "cafe")) == cafe);
  Status none = resolve_id(*w.store, Kind::team, "beef").status();
  CHECK(none.code() == Code::not_found);
  CHECK(none.message() == "no team with an id starting beef, nor one called 'beef'");
}

TEST_CASE("a name two live records share is ambiguous and lists them with their ids", "[records][ids][names]") {
  test::World w;
  Id other = ok(create(*w.store, Kind::team, {{"name", "support"}}));
  Status s = resolve_id(*w.store, Kind::team, "Support").status();
  CHECK(s.code() == Code::invalid_argument);
  CHECK(s.message().find("more than one team is called 'Support': ") != std::string::npos);
  CHECK(s.message().find(w.team.hex() + " (Support)") != std::string::npos);
  CHECK(s.message().find(other.hex() + " (support)") != std::string::npos);
  ok(remove(*w.store, Kind::team, other));  // a deleted record's name no longer counts
  CHECK(ok(resolve_id(*w.store, Kind::team, "Support")) == w.team);
}

TEST_CASE("a deleted record's id still resolves", "[records][ids][tombstone]") {
  test::World w;
  ok(remove(*w.store, Kind::team, w.team));
  CHECK(ok(resolve_id(*w.store, Kind::team, w.team.hex().substr(0, 30))) == w.team);
}
