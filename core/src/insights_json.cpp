#include "debrief/insights_json.h"

#include "debrief/time.h"
#include "json_or_null.h"

namespace debrief {
namespace {

using Json = nlohmann::json;

Json themes_json(const std::vector<Theme>& themes) {
  Json out = Json::array();
  for (const Theme& t : themes) {
    out.push_back({{"phrase", t.phrase}, {"wordings", t.wordings}, {"count", t.count}, {"positive", t.positive},
                   {"negative", t.negative}, {"examples", t.examples}, {"share_before", or_null(t.share_before)},
                   {"emerging", t.emerging}});
  }
  return out;
}

Json correlation_json(const std::optional<Correlation>& c) {
  if (!c) return nullptr;
  return {{"answers", c->answers}, {"r", c->r}, {"low", c->low}, {"high", c->high}};
}

Json drivers_json(const std::vector<GroupDrivers>& groups) {
  Json out = Json::array();
  for (const GroupDrivers& g : groups) {
    Json j{{"name", g.name}};
    if (g.team) j["team"] = g.team->hex();
    if (!g.disclosure.shown) {
      j["withheld"] = g.disclosure.reason;
    } else {
      j["drivers"] = Json::array();
      for (const Driver& d : g.drivers) {
        j["drivers"].push_back({{"survey", d.survey.hex()}, {"question", d.question}, {"text", d.text},
                                {"with_rating", correlation_json(d.with_rating)},
                                {"with_enps", correlation_json(d.with_enps)}});
      }
    }
    out.push_back(std::move(j));
  }
  return out;
}

Json spirit_side(const SpiritSide& s) {
  if (!s.disclosure.shown) return {{"withheld", s.disclosure.reason}};
  return {{"people", s.people}, {"responses", s.responses}, {"mean_rating", or_null(s.mean_rating)}};
}

}  // namespace

Json to_json(const GroupResults& g) {
  Json j{{"name", g.name}};
  if (g.team) j["team"] = g.team->hex();
  if (!g.disclosure.shown) {
    j["withheld"] = g.disclosure.reason;
    return j;
  }
  j["people"] = g.people;
  j["responses"] = g.responses;
  j["invited"] = g.invited;
  j["participated"] = g.participated;
  j["response_rate"] = or_null(g.response_rate);
  j["mean_rating"] = or_null(g.mean_rating);
  j["ratings"] = g.ratings;
  j["enps"] = or_null(g.enps);
  j["enps_answers"] = g.enps_answers;
  j["sentiment"] = {{"positive", g.positive}, {"neutral", g.neutral}, {"negative", g.negative}};
  return j;
}

Json to_json(const ScopeReview& s) {
  Json groups = Json::array();
  for (const GroupResults& g : s.groups) groups.push_back(to_json(g));
  Json themes = Json::object();
  for (const auto& [part, list] : s.themes) themes[part] = themes_json(list);
  return {{"kind", s.kind},     {"id", s.id.hex()},  {"title", s.title},
          {"groups", groups}, {"themes", themes}, {"comments", s.comments}};
}

Json to_json(const EventReview& r) {
  Json activities = Json::array();
  for (const ScopeReview& a : r.activities) activities.push_back(to_json(a));
  return {{"threshold", r.threshold},
          {"event", to_json(r.event)},
          {"activities", activities},
          {"spirit", {{"before", spirit_side(r.spirit.before)},
                      {"after", spirit_side(r.spirit.after)},
                      {"change", or_null(r.spirit.change)}}},
          {"praise", {{"kudos", r.praise.kudos},
                      {"categories", r.praise.categories},
                      {"phrases", themes_json(r.praise.phrases)}}},
          {"drivers", drivers_json(r.drivers)},
          {"themes_compared_with", r.compared_with ? Json(r.compared_with->hex()) : Json(nullptr)}};
}

Json to_json(const std::vector<TeamTrend>& trends) {
  Json out = Json::array();
  for (const TeamTrend& t : trends) {
    Json points = Json::array();
    for (const TrendPoint& p : t.points)
      points.push_back({{"event", p.event.hex()}, {"title", p.title}, {"starts_at", format_time(p.starts_at)},
                        {"results", to_json(p.results)}});
    out.push_back({{"team", t.team.hex()}, {"name", t.name}, {"points", points}});
  }
  return out;
}

Json to_json(const Heatmap& h) {
  Json measures = Json::array();
  for (std::size_t m = 0; m < kHeatMeasures; ++m) measures.push_back(heat_measure_name(static_cast<HeatMeasure>(m)));
  Json rows = Json::array();
  for (const HeatRow& r : h.rows) {
    Json cells = Json::array();
    for (const HeatCell& c : r.cells) cells.push_back(c.value ? Json{{"value", *c.value}} : Json{{"withheld", c.reason}});
    Json row{{"name", r.name}, {"depth", r.depth}, {"cells", std::move(cells)}};
    if (r.team) row["team"] = r.team->hex();
    if (!r.from_event.empty()) row["from_event"] = r.from_event;
    rows.push_back(std::move(row));
  }
  return {{"event", h.event ? Json(h.event->hex()) : Json(nullptr)}, {"title", h.title}, {"measures", measures}, {"rows", rows}};
}

Json to_json(const std::vector<ReviewComment>& comments) {
  Json out = Json::array();
  for (const ReviewComment& c : comments) {
    Json themes = Json::array();
    for (const ThemeKey& k : c.themes) themes.push_back({{"key", k.key}, {"name", k.name}});
    out.push_back({{"scope", c.scope}, {"part", c.part}, {"text", c.text},
                   {"sentiment", c.sentiment ? Json(sentiment_label_name(*c.sentiment)) : Json(nullptr)},
                   {"themes", std::move(themes)}});
  }
  return out;
}

}  // namespace debrief
