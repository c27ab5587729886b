// Reflections look back on an activity or an event, and are private to
// their author until shared.
#include <set>

#include "test_support.h"

using namespace debrief;
using test::ok;

namespace {

Id reflect(test::World& w, const char* text, bool shared) {
  return ok(create(*w.store, Kind::reflection, {{"text", text}, {"shared", shared}, {"event", w.event.hex()}}));
}

std::set<std::string> visible(Store& store) {
  std::set<std::string> ids;
  for (const Json& r : ok(list(store, Kind::reflection))) ids.insert(r["id"]);
  return ids;
}

}  // namespace

TEST_CASE("another author's private reflections are not listed; shared ones are", "[reflection][privacy]") {
  test::World w;
  Id mine = reflect(w, "Note to self: listen more.", false);
  w.act_as(w.other);
  Id theirs_private = reflect(w, "Ben's private note", false);
  Id theirs_shared = reflect(w, "Ben's shared note", true);
  CHECK(visible(*w.store) == std::set<std::string>{theirs_private.hex(), theirs_shared.hex()});
  w.act_as(w.me);
  CHECK(visible(*w.store) == std::set<std::string>{mine.hex(), theirs_shared.hex()});
}

TEST_CASE("another author's private reflection cannot be read by id either; a summary not published likewise",
          "[reflection][privacy]") {
  test::World w;
  w.act_as(w.other);
  Id theirs_private = reflect(w, "Ben's private note", false);
  Id theirs_shared = reflect(w, "Ben's shared note", true);
  Id draft = ok(create(*w.store, Kind::summary, {{"event", w.event.hex()}, {"heard", "Too long."}}));
  CHECK(get_readable(*w.store, Kind::reflection, theirs_private).is_ok());  // Ben reads his own
  w.act_as(w.me);
  Result<Json> hidden = get_readable(*w.store, Kind::reflection, theirs_private);
  CHECK(hidden.status().code() == Code::not_found);
  CHECK(hidden.status().message().find("private to its author") != std::string::npos);
  CHECK(get_readable(*w.store, Kind::reflection, theirs_shared).is_ok());
  CHECK(get_readable(*w.store, Kind::summary, draft).status().code() == Code::not_found);
  CHECK(ok(list(*w.store, Kind::summary)).empty());
  w.act_as(w.other);
  ok(update(*w.store, Kind::summary, draft, {{"published", true}}));
  w.act_as(w.me);
  CHECK(get_readable(*w.store, Kind::summary, draft).is_ok());
  CHECK(ok(list(*w.store, Kind::summary)).size() == 1);
}

TEST_CASE("a reflection is private unless shared, and its author is whoever wrote it", "[reflection]") {
  test::World w;
  Id r = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "Quiet day."}}));
  Json got = ok(get(*w.store, Kind::reflection, r));
  CHECK(got["shared"] == false);
  CHECK(got["author"] == w.me.hex());
}

TEST_CASE("sharing a reflection later makes it visible to others", "[reflection][privacy]") {
  test::World w;
  Id r = reflect(w, "The hike cleared my head.", false);
  ok(update(*w.store, Kind::reflection, r, {{"shared", true}}));
  w.act_as(w.other);
  CHECK(visible(*w.store).count(r.hex()) == 1);
}

TEST_CASE("only the author may share a reflection", "[reflection][privacy]") {
  test::World w;
  w.act_as(w.other);
  Id theirs = reflect(w, "Ben's private note", false);
  w.act_as(w.me);
  test::check_refused(*w.store, Code::invalid_argument, "only its author",
                      [&] { return update(*w.store, Kind::reflection, theirs, {{"shared", true}}); });
}

TEST_CASE("a reflection's text cannot change once written; only its sharing can", "[reflection]") {
  test::World w;
  Id r = reflect(w, "First thoughts.", false);
  test::check_refused(*w.store, Code::invalid_argument, "cannot change once given",
                      [&] { return update(*w.store, Kind::reflection, r, {{"text", "Second thoughts."}}); });
}

TEST_CASE("a reflection holds up to 20000 bytes of text", "[reflection][errors]") {
  test::World w;
  CHECK(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", std::string(20000, 'x')}}).is_ok());
  test::check_refused(*w.store, Code::too_large, "text is too long",
                      [&] { return create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", std::string(20001, 'x')}}); });
}

TEST_CASE("a reflection on neither an activity nor an event is refused and changes nothing", "[reflection][errors]") {
  test::World w;
  test::check_refused(*w.store, Code::invalid_argument,
                      "a reflection looks back on something: give its activity or its event",
                      [&] { return create(*w.store, Kind::reflection, {{"text", "Quiet day."}}); });
  Id r = ok(create(*w.store, Kind::reflection, {{"event", w.event.hex()}, {"text", "Quiet day."}}));
  ok(update(*w.store, Kind::reflection, r, {{"shared", true}}));  // later edits need not name it again
}
