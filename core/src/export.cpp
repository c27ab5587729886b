#include "debrief/export.h"

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/insights.h"
#include "debrief/time.h"
#include "group_tally.h"
#include "json_or_null.h"
#include "insight_scope.h"
#include "store_impl.h"

namespace debrief {
namespace {

using Json = nlohmann::json;
using Row = std::vector<Json>;  // null: an empty cell

std::string csv_cell(const Json& v) {
  if (v.is_null()) return "";
  std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Where a table goes as it is made: each row is written to the stream at
// once, in CSV or as one JSON object per line inside an array, so an export
// of millions of answers never holds them all.
class TableOut {
 public:
  TableOut(ExportFormat format, std::ostream& out) : format_(format), out_(out) {}

  void begin(std::vector<std::string> columns) {
    columns_ = std::move(columns);
    if (format_ == ExportFormat::json) return void(out_ << "[");
    for (std::size_t i = 0; i < columns_.size(); ++i) out_ << (i ? "," : "") << columns_[i];
    out_ << "\r\n";
  }

  void row(const Row& row) {
    if (format_ == ExportFormat::csv) {
      for (std::size_t i = 0; i < row.size(); ++i) out_ << (i ? "," : "") << csv_cell(row[i]);
      out_ << "\r\n";
      return;
    }
    Json o = Json::object();
    for (std::size_t i = 0; i < columns_.size(); ++i) o[columns_[i]] = row[i];
    out_ << (rows_++ ? ",\n " : "\n ") << o.dump();
  }

  void end() {
    if (format_ == ExportFormat::json) out_ << (rows_ ? "\n]\n" : "]\n");
  }

 private:
  ExportFormat format_;
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::int64_t rows_ = 0;
};

const std::vector<std::string> kGroupColumns{
    "group", "team", "withheld", "responses", "invited", "participated", "response_rate", "mean_rating",
    "rated_1", "rated_2", "rated_3", "rated_4", "rated_5", "enps", "positive", "neutral", "negative"};

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
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT id FROM events WHERE deleted = 0 AND (?1 IS NULL OR id = ?1) ORDER BY starts_at, id");
  s.bind(1, event);
  std::vector<Id> ids;
  while (s.step()) ids.push_back(s.id(0));
  DEBRIEF_TRY(s.status());
  s.reset();
  if (event && ids.empty()) return not_found("no event with id " + event->hex());
  return ids;
}

// `leading` followed by the group columns.
std::vector<std::string> with_group_columns(std::vector<std::string> leading) {
  leading.insert(leading.end(), kGroupColumns.begin(), kGroupColumns.end());
  return leading;
}

void add_scope_rows(const Id& event, const ScopeReview& scope, TableOut& t) {
  for (const GroupResults& g : scope.groups) {
    Row row{event.hex(), scope.kind, scope.id.hex(), scope.title};
    for (Json& cell : group_cells(g)) row.push_back(std::move(cell));
    t.row(row);
  }
}

Status events_table(Store& store, const std::vector<Id>& events, TableOut& t) {
  t.begin(with_group_columns({"event", "scope", "scope_id", "scope_title"}));
  for (const Id& e : events) {
    Result<EventReview> r = review_event(store, e, ReviewDetail::groups);
    DEBRIEF_TRY(r.status());
    add_scope_rows(e, r->event, t);
    for (const ScopeReview& a : r->activities) add_scope_rows(e, a, t);
  }
  return Status::ok();
}

Status teams_table(Store& store, const std::optional<Id>& event, TableOut& t) {
  Result<std::vector<TeamTrend>> trends = team_trends(store);
  DEBRIEF_TRY(trends.status());
  t.begin(with_group_columns({"event", "event_title", "starts_at"}));
  for (const TeamTrend& trend : *trends) {
    for (const TrendPoint& p : trend.points) {
      if (event && p.event != *event) continue;
      Row row{p.event.hex(), p.title, format_time(p.starts_at)};
      for (Json& cell : group_cells(p.results)) row.push_back(std::move(cell));
      t.row(row);
    }
  }
  return Status::ok();
}

// The group each team's answers are labelled with: the smallest shown group
// they count towards (the team's own, or the nearest shown team above it,
// or everyone). So the answers under one label are a shown group's part
// that its shown subgroups leave, which the privacy rules keep empty or at
// the threshold (privacy.h), and no label is a withheld group.
std::map<Id, std::string> group_labels(const TeamTree& tree, const ScopeReview& scope) {
  std::map<Id, bool> shown;
  for (const GroupResults& g : scope.groups)
    if (g.team) shown[*g.team] = g.disclosure.shown;
  std::map<Id, std::string> labels;
  for (std::size_t i = 0; i < tree.ids.size(); ++i) {  // parents come first
    int parent = tree.parent[i];
    if (shown[tree.ids[i]]) labels[tree.ids[i]] = tree.names[i];
    else labels[tree.ids[i]] = parent < 0 ? scope.groups[0].name : labels[tree.ids[static_cast<std::size_t>(parent)]];
  }
  return labels;
}

// The answers of one scope, when its everyone group is shown.
Status add_answer_rows(Store& store, const TeamTree& tree, const ScopeSql& sql, const ScopeReview& scope,
                       TableOut& t) {
  if (!scope.groups[0].disclosure.shown) return Status::ok();
  std::map<Id, std::string> labels = group_labels(tree, scope);
  const Json everyone = scope.groups[0].name;
  sql::Stmt& s = impl_of(store).db->cached(
      std::string("SELECT r.rowid, r.team, r.created_at, a.question, a.part, a.num, a.text, a.sentiment "
                  "FROM responses r JOIN surveys s ON s.id = r.survey JOIN answers a ON a.response = r.id "
                  "WHERE r.deleted = 0 AND ") + sql.responses + " ORDER BY r.rowid, a.rowid");
  s.bind(1, scope.id);
  // Rows come in response order, so a response's number, day and group are
  // worked out once, at its first answer.
  const Json scope_id = scope.id.hex();
  std::int64_t last_rowid = -1, n = 0;
  Json day, group;
  while (s.step()) {
    if (!holds_answers_of(tree, s.maybe_id(1))) continue;  // the reader's own answer, outside her teams
    if (s.int64(0) != last_rowid) {
      last_rowid = s.int64(0);
      ++n;
      day = format_time(s.int64(2) - s.int64(2) % 86400).substr(0, 10);
      auto label = s.is_null(1) ? labels.end() : labels.find(s.id(1));
      group = label == labels.end() ? everyone : Json(label->second);
    }
    t.row({scope.kind, scope_id, n, group, day, s.text(3), s.text(4).empty() ? Json(nullptr) : Json(s.text(4)),
           s.is_null(5) ? Json(nullptr) : Json(s.int64(5)), s.is_null(6) ? Json(nullptr) : Json(s.text(6)),
           s.is_null(7) ? Json(nullptr) : Json(s.real(7))});
  }
  DEBRIEF_TRY(s.status());
  s.reset();
  return Status::ok();
}

Status responses_table(Store& store, const std::vector<Id>& events, TableOut& t) {
  t.begin({"scope", "scope_id", "response", "group", "day", "question", "part", "number", "text", "sentiment"});
  Result<TeamTree> tree = load_team_tree(store);
  DEBRIEF_TRY(tree.status());
  for (const Id& e : events) {
    Result<EventReview> r = review_event(store, e, ReviewDetail::groups);
    DEBRIEF_TRY(r.status());
    DEBRIEF_TRY(add_answer_rows(store, *tree, kEventScope, r->event, t));
    for (const ScopeReview& a : r->activities) DEBRIEF_TRY(add_answer_rows(store, *tree, kActivityScope, a, t));
  }
  return Status::ok();
}

}  // namespace

Status export_table(Store& store, ExportTable table, ExportFormat format,
                    const std::optional<Id>& event, std::ostream& out) {
  Result<std::vector<Id>> events = events_to_export(store, event);
  DEBRIEF_TRY(events.status());
  TableOut t(format, out);
  DEBRIEF_TRY(table == ExportTable::events ? events_table(store, *events, t)
              : table == ExportTable::teams ? teams_table(store, event, t)
                                            : responses_table(store, *events, t));
  t.end();
  if (!out) return Status(Code::io_error, "could not write the export");
  return Status::ok();
}

}  // namespace debrief
