// The SQL for each kind's table, built once from its KindSpec. Internal.
#pragma once

#include <string>
#include <vector>

#include "debrief/kind.h"

namespace debrief {

struct TableSql {
  std::string table;                      // quoted
  std::vector<std::size_t> column_fields; // indexes of the spec's fields kept in the row
  std::string columns;                    // "id","created_at","deleted",<fields...>
  std::string insert;                     // params: id, created_at, fields...
  std::string select_one;                 // param: id
  std::string is_live;                    // param: id
};

const TableSql& table_sql(Kind kind);

// `name` in double quotes, for column and table names that may be keywords.
std::string quoted(std::string_view name);

}  // namespace debrief
