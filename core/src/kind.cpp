// The kinds of record Debrief keeps, and their fields (see kind.h), served
// from the table in kind_table.h.
#include "debrief/kind.h"

#include <algorithm>

#include "debrief/kind_table.h"

namespace debrief {

using kinds::kKinds;

std::span<const KindSpec> all_kinds() { return kKinds; }

const KindSpec& spec_of(Kind kind) {
  for (const KindSpec& s : kKinds)
    if (s.kind == kind) return s;
  return kKinds[0];  // unreachable for valid kinds
}

std::optional<Kind> kind_named(std::string_view name) {
  for (const KindSpec& s : kKinds)
    if (s.name == name || s.plural == name) return s.kind;
  return std::nullopt;
}

std::optional<Kind> kind_numbered(std::int64_t n) {
  for (const KindSpec& s : kKinds)
    if (static_cast<std::int64_t>(s.kind) == n) return s.kind;
  return std::nullopt;
}

const FieldSpec* author_field(const KindSpec& spec) {
  for (const FieldSpec& f : spec.fields)
    if (!f.input && f.type == FieldType::ref && f.ref_kind == Kind::person) return &f;
  return nullptr;
}

bool may_change(const KindSpec& spec, std::string_view field) {
  return spec.merge == Merge::per_field ||
         std::find(spec.mutable_fields.begin(), spec.mutable_fields.end(), field) != spec.mutable_fields.end();
}

const FieldSpec* field_named(const KindSpec& spec, std::string_view name) {
  for (const FieldSpec& f : spec.fields)
    if (f.name == name) return &f;
  return nullptr;
}

const FieldSpec* name_field(const KindSpec& spec) {
  for (const char* name : {"name", "title"})
    if (const FieldSpec* f = field_named(spec, name); f && f->input && f->column) return f;
  return nullptr;
}

}  // namespace debrief
