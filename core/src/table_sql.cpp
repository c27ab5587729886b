#include "table_sql.h"

#include <map>
#include <mutex>

namespace debrief {

std::string quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

namespace {

TableSql build(const KindSpec& spec) {
  TableSql t;
  t.table = quoted(spec.table);
  t.columns = "\"id\",\"created_at\",\"deleted\"";
  std::string params = "?,?";
  std::string names = "\"id\",\"created_at\"";
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (!spec.fields[i].column) continue;
    t.column_fields.push_back(i);
    t.columns += "," + quoted(spec.fields[i].name);
    names += "," + quoted(spec.fields[i].name);
    params += ",?";
  }
  t.insert = "INSERT INTO " + t.table + "(" + names + ") VALUES(" + params + ")";
  t.select_one = "SELECT " + t.columns + " FROM " + t.table + " WHERE id = ?";
  t.is_live = "SELECT 1 FROM " + t.table + " WHERE id = ? AND deleted = 0";
  return t;
}

}  // namespace

const TableSql& table_sql(Kind kind) {
  static const std::map<Kind, TableSql> tables = [] {
    std::map<Kind, TableSql> m;
    for (const KindSpec& s : all_kinds()) m.emplace(s.kind, build(s));
    return m;
  }();
  return tables.at(kind);
}

}  // namespace debrief
