#include "debrief/export.h"

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/insights.h"
#include "debrief/time.h"
#include "insight_scope.h"
#include "store_impl.h"

namespace debrief {
namespace {

using Json = nlohmann::json;
using Row = std::vector<Json>;  // null: an empty cell

struct Table {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

const std::vector<std::string> kGroupColumns{
    "group", "team", "withheld", "responses", "invited", "participated", "response_rate", "mean_rating",
    "rated_1", "rated_2", "rated_3", "rated_4", "rated_5", "enps", "positive", "neutral", "negative"};

template <class T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// The group's cells in kGroupColumns order; numbers empty when withheld.
Row group_cells(const GroupResults& g) {
  Row row{g.name, g.team ? Json(g.team->hex()) : Json(nullptr),
          g.disclosure.shown ? Json(nullptr) : Json(g.disclosure.reason)};
  if (!g.disclosure.shown) {
    row.resize(kGroupColumns.size());
    return row;
  }
  for (Json v : {Json(g.responses), Json(g.invited), Json(g.participated), or_null(g.response_rate),
                 or_null(g.mean_rating)})
    row.push_back(v);
  for (std::int64_t n : g.ratings) row.push_back(n);
  for (Json v : {or_null(g.enps), Json(g.positive), Json(g.neutral), Json(g.negative)}) row.push_back(v);
  return row;
}

Result<std::vector<Id>> events_to_export(Store& store, const std::optional<Id>& event) {
  sql::Stmt& s = store.impl().db->cached(
      "SELECT id FROM events WHERE deleted = 0 AND (?1 IS NULL OR id = ?1) ORDER BY starts_at, id");
  s.bind(1, event);
  std::vector<Id> ids;
  while (s.step()) ids.push_back(s.id(0));
  DEBRIEF_TRY(s.status());
  s.reset();
  if (event && ids.empty()) return not_found("no event with id " + event->hex());
  return ids;
}

void add_scope_rows(const Id& event, const ScopeReview& scope, Table& t) {
  for (const GroupResults& g : scope.groups) {
    Row row{event.hex(), scope.kind, scope.id.hex(), scope.title};
    for (Json& cell : group_cells(g)) row.push_back(std::move(cell));
    t.rows.push_back(std::move(row));
  }
}

Result<Table> events_table(Store& store, const std::vector<Id>& events) {
  Table t{{"event", "scope", "scope_id", "scope_title"}, {}};
  t.columns.insert(t.columns.end(), kGroupColumns.begin(), kGroupColumns.end());
  for (const Id& e : events) {
    Result<EventReview> r = review_event(store, e);
    DEBRIEF_TRY(r.status());
    add_scope_rows(e, r->event, t);
    for (const ScopeReview& a : r->activities) add_scope_rows(e, a, t);
  }
  return t;
}

Result<Table> teams_table(Store& store, const std::optional<Id>& event) {
  Table t{{"event", "event_title", "starts_at"}, {}};
  t.columns.insert(t.columns.end(), kGroupColumns.begin(), kGroupColumns.end());
  Result<std::vector<TeamTrend>> trends = team_trends(store);
  DEBRIEF_TRY(trends.status());
  for (const TeamTrend& trend : *trends) {
    for (const TrendPoint& p : trend.points) {
      if (event && p.event != *event) continue;
      Row row{p.event.hex(), p.title, format_time(p.starts_at)};
      for (Json& cell : group_cells(p.results)) row.push_back(std::move(cell));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

// The answers of one scope, when its everyone group is shown.
Status add_answer_rows(Store& store, const ScopeSql& sql, const ScopeReview& scope, Table& t) {
  if (!scope.groups[0].disclosure.shown) return Status::ok();
  std::map<Id, std::string> named;  // teams whose own group is shown
  for (const GroupResults& g : scope.groups)
    if (g.team && g.disclosure.shown) named[*g.team] = g.name;
  sql::Stmt& s = store.impl().db->cached(
      std::string("SELECT r.rowid, r.team, r.created_at, a.question, a.part, a.num, a.text, a.sentiment "
                  "FROM responses r JOIN surveys s ON s.id = r.survey JOIN answers a ON a.response = r.id "
                  "WHERE r.deleted = 0 AND ") + sql.responses + " ORDER BY r.rowid, a.rowid");
  s.bind(1, scope.id);
  std::map<std::int64_t, std::int64_t> numbers;  // response rowid -> its number in this export
  while (s.step()) {
    auto team = s.is_null(1) ? named.end() : named.find(s.id(1));
    std::int64_t n = numbers.try_emplace(s.int64(0), static_cast<std::int64_t>(numbers.size()) + 1).first->second;
    std::int64_t day = s.int64(2) - s.int64(2) % 86400;
    t.rows.push_back({scope.kind, scope.id.hex(), n, team == named.end() ? Json(nullptr) : Json(team->second),
                      format_time(day).substr(0, 10), s.text(3), s.text(4).empty() ? Json(nullptr) : Json(s.text(4)),
                      s.is_null(5) ? Json(nullptr) : Json(s.int64(5)), s.is_null(6) ? Json(nullptr) : Json(s.text(6)),
                      s.is_null(7) ? Json(nullptr) : Json(s.real(7))});
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  return Status::ok();
}

Result<Table> responses_table(Store& store, const std::vector<Id>& events) {
  Table t{{"scope", "scope_id", "response", "team", "day", "question", "part", "number", "text", "sentiment"}, {}};
  for (const Id& e : events) {
    Result<EventReview> r = review_event(store, e);
    DEBRIEF_TRY(r.status());
    DEBRIEF_TRY(add_answer_rows(store, kEventScope, r->event, t));
    for (const ScopeReview& a : r->activities) DEBRIEF_TRY(add_answer_rows(store, kActivityScope, a, t));
  }
  return t;
}

std::string csv_cell(const Json& v) {
  if (v.is_null()) return "";
  std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void write_csv(const Table& t, std::ostream& out) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? "," : "") << t.columns[i];
  out << "\r\n";
  for (const Row& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_cell(row[i]);
    out << "\r\n";
  }
}

void write_json(const Table& t, std::ostream& out) {
  Json all = Json::array();
  for (const Row& row : t.rows) {
    Json o = Json::object();
    for (std::size_t i = 0; i < t.columns.size(); ++i) o[t.columns[i]] = row[i];
    all.push_back(std::move(o));
  }
  out << all.dump(2) << "\n";
}

}  // namespace

Status export_table(Store& store, ExportTable table, ExportFormat format,
                    const std::optional<Id>& event, std::ostream& out) {
  Result<std::vector<Id>> events = events_to_export(store, event);
  DEBRIEF_TRY(events.status());
  Result<Table> t = table == ExportTable::events ? events_table(store, *events)
                    : table == ExportTable::teams ? teams_table(store, event)
                                                  : responses_table(store, *events);
  DEBRIEF_TRY(t.status());
  if (format == ExportFormat::csv) write_csv(*t, out);
  else write_json(*t, out);
  if (!out) return Status(Code::io_error, "could not write the export");
  return Status::ok();
}

}  // namespace debrief
