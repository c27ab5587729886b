// Every bad input is refused with a message that names the field and says
// what is wrong, and leaves the store exactly as it was.
#include "debrief/hlc.h"
#include "debrief/replication.h"
#include "store_impl.h"
#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

struct BadCreate {
  const char* name;
  Kind kind;
  Json fields;
  Code code;
  std::string message_part;
};

const char* kGhost = "0123456789abcdef0123456789abcdef";

std::vector<BadCreate> bad_shapes() {
  return {
      {"fields not an object", Kind::team, Json::array({"Ops"}), Code::invalid_argument, "must be a JSON object"},
      {"unknown field", Kind::team, {{"name", "A"}, {"colour", "red"}}, Code::invalid_argument,
       "a team has no field 'colour' you can set; its fields are: name, parent, manager"},
      {"field set by the core", Kind::kudos, {{"author", kGhost}}, Code::invalid_argument, "no field 'author'"},
      {"missing required", Kind::team, Json::object(), Code::invalid_argument, "name is required for a team"},
      {"missing required, before a vowel", Kind::organisation, Json::object(), Code::invalid_argument,
       "name is required for an organisation"},
      {"required given as null", Kind::team, {{"name", nullptr}}, Code::invalid_argument, "name is required"},
      {"blank required", Kind::team, {{"name", " \t "}}, Code::invalid_argument, "cannot be blank"},
      {"required document missing", Kind::survey, {{"title", "S"}, {"kind", "pulse"}}, Code::invalid_argument,
       "questions is required"},
      {"required choice missing", Kind::survey, {{"title", "S"}, {"questions", Json::array()}}, Code::invalid_argument,
       "kind is required"},
      {"not creatable: participation", Kind::participation, Json::object(), Code::invalid_argument,
       "made by Debrief itself"},
      {"not creatable: media", Kind::media, Json::object(), Code::invalid_argument, "made by Debrief itself"},
  };
}

std::vector<BadCreate> bad_types() {
  return {
      {"text given a number", Kind::team, {{"name", 7}}, Code::invalid_argument, "name must be text"},
      {"integer given text", Kind::organisation, {{"name", "O"}, {"anonymity_threshold", "5"}}, Code::invalid_argument,
       "anonymity_threshold must be a whole number"},
      {"integer given a fraction", Kind::organisation, {{"name", "O"}, {"anonymity_threshold", 5.5}},
       Code::invalid_argument, "must be a whole number"},
      {"boolean given text", Kind::device, {{"name", "Phone"}, {"revoked", "yes"}}, Code::invalid_argument,
       "revoked must be true or false"},
      {"time given a number", Kind::event, {{"title", "T"}, {"starts_at", 1764000000}, {"ends_at", "2026-01-02"}},
       Code::invalid_argument, "starts_at must be a date and time"},
      {"reference given a number", Kind::person, {{"name", "P"}, {"team", 12}}, Code::invalid_argument,
       "team must be an id"},
      {"list given text", Kind::event,
       {{"title", "T"}, {"starts_at", "2026-01-01"}, {"ends_at", "2026-01-02"}, {"crew", "Ana"}},
       Code::invalid_argument, "crew must be a list"},
      {"text list holding a number", Kind::event,
       {{"title", "T"}, {"starts_at", "2026-01-01"}, {"ends_at", "2026-01-02"}, {"speakers", {1, 2}}},
       Code::invalid_argument, "speakers must be a list of texts"},
      {"choice not among its options", Kind::person, {{"name", "P"}, {"role", "king"}}, Code::invalid_argument,
       "role must be one of: participant, manager, organiser, admin"},
      {"document that is not a survey", Kind::survey, {{"title", "S"}, {"kind", "pulse"}, {"questions", "what?"}},
       Code::invalid_argument, "questions: questions must be a non-empty JSON array"},
  };
}

std::vector<BadCreate> bad_values() {
  std::string big(4001, 'x');
  Json many = Json::array();
  for (int i = 0; i < 1001; ++i) many.push_back("Speaker " + std::to_string(i));
  return {
      {"invalid UTF-8", Kind::team, {{"name", "caf\xC3"}}, Code::invalid_argument, "name is not valid UTF-8"},
      {"invalid UTF-8 inside a document", Kind::survey,
       {{"title", "S"}, {"kind", "pulse"}, {"questions", {{{"id", "a"}, {"type", "text"}, {"text", "caf\xC3"}}}}},
       Code::invalid_argument, "not valid UTF-8"},
      {"text too long", Kind::event,
       {{"title", "T"}, {"description", big}, {"starts_at", "2026-01-01"}, {"ends_at", "2026-01-02"}},
       Code::too_large, "description is too long: 4001 bytes, at most 4000"},
      {"list too long", Kind::event,
       {{"title", "T"}, {"speakers", many}, {"starts_at", "2026-01-01"}, {"ends_at", "2026-01-02"}}, Code::too_large,
       "at most 1000 items"},
      {"number below its range", Kind::organisation, {{"name", "O"}, {"anonymity_threshold", 2}},
       Code::invalid_argument, "between 3 and 1000, not 2"},
      {"number above its range", Kind::organisation, {{"name", "O"}, {"anonymity_threshold", 1001}},
       Code::invalid_argument, "between 3 and 1000, not 1001"},
      {"impossible date", Kind::event, {{"title", "T"}, {"starts_at", "2026-02-30"}, {"ends_at", "2026-03-01"}},
       Code::invalid_argument, "starts_at: '2026-02-30' is not a valid date"},
      {"event ending before it starts", Kind::event,
       {{"title", "T"}, {"starts_at", "2026-03-02"}, {"ends_at", "2026-03-01"}}, Code::invalid_argument,
       "before it starts"},
  };
}

std::vector<BadCreate> bad_references(const test::World& w) {
  return {
      {"reference to a missing record", Kind::person, {{"name", "P"}, {"team", kGhost}}, Code::not_found,
       "team: no team with id 0123456789abcdef0123456789abcdef"},
      {"reference to a record of another kind", Kind::person, {{"name", "P"}, {"team", w.event.hex()}},
       Code::not_found, "team: no team with id " + w.event.hex()},
      {"reference prefix matching nothing", Kind::person, {{"name", "P"}, {"team", "ffffffff"}}, Code::not_found,
       "team: no team with an id starting ffffffff"},
      {"reference that is neither id nor name", Kind::person, {{"name", "P"}, {"team", "Nowhere"}},
       Code::invalid_argument, "'Nowhere' is not a team id (32 hex digits, or a unique prefix of at least 4) nor the name of one"},
      {"reference that is not an id, before a vowel", Kind::activity,
       {{"event", "zz"}, {"title", "T"}, {"starts_at", "2026-12-03T10:00"}, {"ends_at", "2026-12-03T11:00"}},
       Code::invalid_argument, "is not an event id"},
      {"list naming a missing record", Kind::event,
       {{"title", "T"}, {"starts_at", "2026-01-01"}, {"ends_at", "2026-01-02"}, {"crew", {w.other.hex(), kGhost}}},
       Code::not_found, "crew: no person with id"},
      {"activity outside its event", Kind::activity,
       {{"event", w.event.hex()}, {"title", "Late"}, {"starts_at", "2026-12-03T18:00"}, {"ends_at", "2026-12-03T19:00"}},
       Code::invalid_argument, "must fall within its event"},
  };
}

void check_all_refused(test::World& w, const std::vector<BadCreate>& cases) {
  for (const BadCreate& c : cases) {
    DYNAMIC_SECTION(c.name) {
      test::check_refused(*w.store, c.code, c.message_part, [&] { return create(*w.store, c.kind, c.fields); });
    }
  }
}

}  // namespace

TEST_CASE("records of the wrong shape are refused and change nothing", "[records][errors]") {
  test::World w;
  check_all_refused(w, bad_shapes());
}

TEST_CASE("values of the wrong type are refused, naming the field, and change nothing", "[records][errors]") {
  test::World w;
  check_all_refused(w, bad_types());
}

TEST_CASE("values out of their limits are refused and change nothing", "[records][errors]") {
  test::World w;
  check_all_refused(w, bad_values());
}

TEST_CASE("references to missing records are refused and change nothing", "[records][errors]") {
  test::World w;
  check_all_refused(w, bad_references(w));
}

TEST_CASE("a second organisation is refused: there is one per store", "[records][errors]") {
  test::World w;
  ok(create(*w.store, Kind::organisation, {{"name", "Acme"}}));
  test::check_refused(*w.store, Code::already_exists, "update it instead",
                      [&] { return create(*w.store, Kind::organisation, {{"name", "Other"}}); });
}

TEST_CASE("bad updates are refused and change nothing", "[records][errors]") {
  test::World w;
  auto refused = [&](Code code, const char* part, const Json& fields) {
    test::check_refused(*w.store, code, part, [&] { return update(*w.store, Kind::event, w.event, fields); });
  };
  refused(Code::invalid_argument, "no field 'colour'", {{"title", "New"}, {"colour", "red"}});
  refused(Code::invalid_argument, "title must be text", {{"location", "Lisbon"}, {"title", 5}});
  refused(Code::invalid_argument, "title is required", {{"title", nullptr}});
  refused(Code::invalid_argument, "before it starts", {{"title", "New"}, {"ends_at", "2020-01-01"}});
  refused(Code::not_found, "crew: no person with id", {{"crew", {kGhost}}});
  refused(Code::invalid_argument, "must be a JSON object", Json::array());
}

TEST_CASE("updates and deletes of records that were never made are not_found and change nothing", "[records][errors]") {
  test::World w;
  Id ghost = ok(Id::parse(kGhost));
  test::check_refused(*w.store, Code::not_found, "no event with id",
                      [&] { return update(*w.store, Kind::event, ghost, {{"title", "X"}}); });
  test::check_refused(*w.store, Code::not_found, "no event with id",
                      [&] { return remove(*w.store, Kind::event, ghost); });
}

TEST_CASE("a team cannot be made its own ancestor", "[records][errors]") {
  test::World w;
  Id child = ok(create(*w.store, Kind::team, {{"name", "Tier 2"}, {"parent", w.team.hex()}}));
  test::check_refused(*w.store, Code::invalid_argument, "cycle",
                      [&] { return update(*w.store, Kind::team, w.team, {{"parent", child.hex()}}); });
  test::check_refused(*w.store, Code::invalid_argument, "cycle",
                      [&] { return update(*w.store, Kind::team, w.team, {{"parent", w.team.hex()}}); });
}

TEST_CASE("an activity cannot be moved outside its event", "[records][errors]") {
  test::World w;
  Id a = ok(create(*w.store, Kind::activity, {{"event", w.event.hex()}, {"title", "Talk"},
                                              {"starts_at", "2026-12-03T10:00"}, {"ends_at", "2026-12-03T11:00"}}));
  test::check_refused(*w.store, Code::invalid_argument, "within its event",
                      [&] { return update(*w.store, Kind::activity, a, {{"ends_at", "2026-12-04T11:00"}}); });
}

TEST_CASE("an e-mail address that is not one is refused, written here or pushed", "[records][errors][email]") {
  test::World w;
  const std::string said = "email: 'not-an-email' is not an e-mail address; give one like name@example.com, or none";
  for (const char* bad : {"not-an-email", "a@b", "@example.com", "a b@example.com", "a@@example.com", "a@example..com"}) {
    INFO(bad);
    test::check_refused(*w.store, Code::invalid_argument, "is not an e-mail address",
                        [&] { return update(*w.store, Kind::person, w.other, {{"email", bad}}); });
  }
  test::check_refused(*w.store, Code::invalid_argument, said,
                      [&] { return create(*w.store, Kind::person, {{"name", "Dan"}, {"email", "not-an-email"}}); });
  Id admin = ok(create(*w.store, Kind::person, {{"name", "Ada"}, {"role", "admin"}}));  // who may edit people
  Id phone = ok(Id::parse(kGhost));  // another device: a store ignores its own changes coming back
  WireChange pushed{phone, Hlc::from_parts(w.env.now_ms() + 1000, 0), Kind::person, w.other,
                    std::string("email"), "not-an-email", ChangeOp::upsert};
  test::check_refused(*w.store, Code::invalid_argument, said,
                      [&] { return apply_remote(*w.store, {pushed}, ApplyOptions{.as_person = admin}); });
  for (const char* fine : {"ben@example.com", "zoë.müller3@northwind.example", "o'brien+x@mail.example.org"}) {
    INFO(fine);
    ok(update(*w.store, Kind::person, w.other, {{"email", fine}}));
  }
}

TEST_CASE("a synced batch whose hook throws leaves the store's references checked", "[bad_input]") {
  test::TempDir dir;
  auto store = ok(Store::open(dir.path()));
  ApplyOptions throwing;
  throwing.after = []() -> Status { throw std::runtime_error("the caller's hook failed"); };
  CHECK_THROWS(apply_remote(*store, {}, throwing));
  sql::Stmt& pragma = impl_of(*store).db->cached("PRAGMA foreign_keys");
  REQUIRE(pragma.step());
  CHECK(pragma.int64(0) == 1);
  pragma.reset();
}
