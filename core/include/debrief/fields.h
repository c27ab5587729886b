// Fields named in code, checked when the code is compiled.
//
// Records travel as JSON (records.h). Code that reads or writes a field of a
// kind it knows names the field through the types below, whose constructors
// look the name up in the kinds' description (kind_table.h) at compile time:
//
//   RecordView<Kind::kudos> k(json);    // a record as get() and list() give it
//   k.text("action"); k.ref("author"); k.refs("to"); k.is({"category", "teamwork"});
//   FieldValues<Kind::reflection> f;  f.set("shared", true);  update(store, id, f);
//   list(store, Kind::plus_one, {.where = {filter_by<Kind::plus_one>("kudos", id)}});
//
// A name its kind does not have, a field read as another type than its own, a
// field the core sets given to create(), a filter by a field kept outside the
// row, or a choice the field does not offer does not compile: the error names
// one of the functions in field_check. Names the description itself gives at
// run time (a kind's Reach) keep using id_member() and field_named().
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "debrief/id.h"
#include "debrief/kind_table.h"
#include "debrief/records.h"

namespace debrief {

namespace field_check {
// Never constexpr and never defined: reaching one while a name is checked
// stops the compile, and its name is the message.
void field_is_not_in_this_kind();
void field_has_another_type();
void field_is_set_by_debrief_and_cannot_be_given();
void field_is_not_a_column_and_cannot_filter();
void value_is_not_a_choice_of_this_field();

// The field by value, not by address: GCC's UBSan makes comparing an
// address in the table with null no constant expression. constexpr, not
// consteval: clang 14 refuses a consteval call given the constructor's
// parameter; only the consteval constructors below call it.
constexpr std::optional<FieldSpec> find(Kind kind, std::string_view name) {
  for (const KindSpec& k : kinds::kKinds)
    if (k.kind == kind)
      for (const FieldSpec& f : k.fields)
        if (f.name == name) return f;
  return std::nullopt;
}
}  // namespace field_check

// What code does with a field: reads it, gives it to create() or update(),
// or filters list() by it.
enum class FieldUse : std::uint8_t { read, input, filter };

// The field `name` of kind K, of one of the types Ts (any when none are
// given), fit for `Use`. Made only from a constant, at compile time.
template <Kind K, FieldUse Use, FieldType... Ts>
class FieldOf {
 public:
  consteval FieldOf(const char* name) {  // NOLINT: implicit by design
    std::optional<FieldSpec> spec = field_check::find(K, name);
    if (!spec) {
      field_check::field_is_not_in_this_kind();
      return;
    }
    if (sizeof...(Ts) > 0 && ((spec->type != Ts) && ...)) field_check::field_has_another_type();
    if (Use == FieldUse::input && !spec->input) field_check::field_is_set_by_debrief_and_cannot_be_given();
    if (Use == FieldUse::filter && !spec->column) field_check::field_is_not_a_column_and_cannot_filter();
    name_ = spec->name;
  }
  constexpr std::string_view name() const { return name_; }

 private:
  std::string_view name_;  // in the kinds' table, which lives as long as the program
};

template <Kind K> using RefField = FieldOf<K, FieldUse::read, FieldType::ref>;
template <Kind K> using RefsField = FieldOf<K, FieldUse::read, FieldType::ref_list>;
template <Kind K> using TextField = FieldOf<K, FieldUse::read, FieldType::text, FieldType::choice, FieldType::time>;
template <Kind K> using FlagField = FieldOf<K, FieldUse::read, FieldType::boolean>;
template <Kind K> using IntField = FieldOf<K, FieldUse::read, FieldType::integer>;
template <Kind K> using TextsField = FieldOf<K, FieldUse::read, FieldType::text_list>;
template <Kind K> using AnyField = FieldOf<K, FieldUse::read>;
template <Kind K> using InputField = FieldOf<K, FieldUse::input>;
template <Kind K> using FilterField = FieldOf<K, FieldUse::filter>;

// One value of a choice field, checked against the field's choices:
// {"kind", "post_event"}.
template <Kind K>
struct ChoiceOf {
  consteval ChoiceOf(const char* name, const char* choice) : value(choice) {
    std::optional<FieldSpec> spec = field_check::find(K, name);
    if (!spec) {
      field_check::field_is_not_in_this_kind();
      return;
    }
    if (spec->type != FieldType::choice) field_check::field_has_another_type();
    if (std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end())
      field_check::value_is_not_a_choice_of_this_field();
    field = spec->name;
  }
  std::string_view field;  // its name
  std::string_view value;
};

// A record of kind K as get() and list() give it, read field by field. A
// view: the JSON must outlive it. Reads never throw; a missing, null or
// mistyped member reads as empty ("", false, 0, nothing).
template <Kind K>
class RecordView {
 public:
  explicit RecordView(const Json& record) : r_(&record) {}

  // The members every record has (records.h).
  Id id() const { return id_member(*r_, "id").value_or(Id{}); }
  std::string created_at() const { return text_of("created_at"); }
  bool deleted() const { return flag_of("deleted"); }

  std::optional<Id> ref(RefField<K> f) const { return id_member(*r_, f.name()); }
  // A text field that holds an id of the kind another field names: a
  // medium's owner (owner_kind), a reply's target (target_kind).
  std::optional<Id> id_in(TextField<K> f) const { return id_member(*r_, f.name()); }
  std::vector<Id> refs(RefsField<K> f) const {
    std::vector<Id> out;
    for (const Json& v : list_of(f.name()))
      if (v.is_string())
        if (Result<Id> id = Id::parse(v.get<std::string>()); id.is_ok()) out.push_back(*id);
    return out;
  }
  std::string text(TextField<K> f) const { return text_of(f.name()); }
  bool flag(FlagField<K> f) const { return flag_of(f.name()); }
  std::int64_t integer(IntField<K> f) const {
    const Json& v = member(f.name());
    return v.is_number_integer() ? v.get<std::int64_t>() : 0;
  }
  std::vector<std::string> texts(TextsField<K> f) const {
    std::vector<std::string> out;
    for (const Json& v : list_of(f.name()))
      if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
  }
  bool has(AnyField<K> f) const { return !member(f.name()).is_null(); }
  bool is(ChoiceOf<K> c) const { return text_of(c.field) == c.value; }
  const Json& json() const { return *r_; }

 private:
  const Json& member(std::string_view name) const {
    static const Json kNull;
    auto it = r_->find(name);
    return it == r_->end() ? kNull : *it;
  }
  const Json& list_of(std::string_view name) const {
    static const Json kEmpty = Json::array();
    const Json& v = member(name);
    return v.is_array() ? v : kEmpty;
  }
  std::string text_of(std::string_view name) const {
    const Json& v = member(name);
    return v.is_string() ? v.get<std::string>() : std::string();
  }
  bool flag_of(std::string_view name) const {
    const Json& v = member(name);
    return v.is_boolean() && v.get<bool>();
  }
  const Json* r_;
};

// The fields given to create() or update() for a record of kind K.
template <Kind K>
class FieldValues {
 public:
  FieldValues& set(InputField<K> f, Json value) {
    j_[std::string(f.name())] = std::move(value);
    return *this;
  }
  FieldValues& set(InputField<K> f, const Id& id) { return set(f, Json(id.hex())); }
  FieldValues& set(InputField<K> f, const std::vector<Id>& ids) {
    Json a = Json::array();
    for (const Id& id : ids) a.push_back(id.hex());
    return set(f, std::move(a));
  }
  const Json& json() const { return j_; }

 private:
  Json j_ = Json::object();
};

template <Kind K>
Result<Id> create(Store& store, const FieldValues<K>& fields) {
  return create(store, K, fields.json());
}
template <Kind K>
Status update(Store& store, Id id, const FieldValues<K>& fields) {
  return update(store, K, id, fields.json());
}

// One ListOptions::where term.
template <Kind K>
std::pair<std::string, std::string> filter_by(FilterField<K> f, std::string value) {
  return {std::string(f.name()), std::move(value)};
}
template <Kind K>
std::pair<std::string, std::string> filter_by(FilterField<K> f, const Id& id) {
  return {std::string(f.name()), id.hex()};
}

}  // namespace debrief
