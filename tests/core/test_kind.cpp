// The schema every layer reads: kinds, their names and their fields.
#include <set>

#include "debrief/kind.h"
#include "test_support.h"

using namespace debrief;

TEST_CASE("every kind is found by its singular and its plural name", "[kind]") {
  for (const KindSpec& k : all_kinds()) {
    INFO(k.name);
    CHECK(kind_named(k.name) == k.kind);
    CHECK(kind_named(k.plural) == k.kind);
    CHECK(&spec_of(k.kind) == &k);
  }
  CHECK(!kind_named("unicorn"));
  CHECK(!kind_named(""));
}

TEST_CASE("kinds have distinct names and tables", "[kind]") {
  std::set<std::string_view> names, tables;
  for (const KindSpec& k : all_kinds()) {
    CHECK(names.insert(k.name).second);
    CHECK(tables.insert(k.table).second);
  }
  CHECK(all_kinds().size() == 15);
}

TEST_CASE("field_named finds a kind's fields and nothing else", "[kind]") {
  const KindSpec& event = spec_of(Kind::event);
  REQUIRE(field_named(event, "starts_at"));
  CHECK(field_named(event, "starts_at")->type == FieldType::time);
  CHECK(field_named(event, "colour") == nullptr);
}

TEST_CASE("every field spec is complete for its type", "[kind]") {
  for (const KindSpec& k : all_kinds()) {
    for (const FieldSpec& f : k.fields) {
      INFO(k.name << "." << f.name);
      if (f.type == FieldType::ref || f.type == FieldType::ref_list) CHECK(f.ref_kind != Kind{});
      if (f.type == FieldType::choice) CHECK(!f.choices.empty());
      if (f.type == FieldType::integer) CHECK(f.min <= f.max);
      if (f.type == FieldType::text && f.input) CHECK(f.max > 0);
      if (!f.default_text.empty()) {
        CHECK(std::find(f.choices.begin(), f.choices.end(), f.default_text) != f.choices.end());
      }
    }
    for (std::string_view m : k.mutable_fields) CHECK(field_named(k, m) != nullptr);
    for (std::string_view c : k.list_columns) CHECK((c == "created_at" || field_named(k, c) != nullptr));
  }
}

TEST_CASE("only participations and media are made by the core alone", "[kind]") {
  std::set<Kind> core_only;
  for (const KindSpec& k : all_kinds())
    if (!k.creatable) core_only.insert(k.kind);
  CHECK(core_only == std::set<Kind>{Kind::participation, Kind::media});
}

TEST_CASE("a kind whose readers open later travels whole, so its past stays its owner's", "[kind]") {
  for (const KindSpec& k : all_kinds()) {
    if (k.reach.readers != Readers::owner_or_open) continue;
    INFO(k.name);
    CHECK(k.merge == Merge::per_record);
    CHECK(may_change(k, k.reach.open));  // opening and closing it are writes of the whole record
  }
}
