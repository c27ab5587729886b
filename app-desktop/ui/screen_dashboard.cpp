// The manager's dashboard: per event and per team, the rating and
// sentiment distributions, the heatmap, team spirit before and after,
// what moves the rating and eNPS, theme cards with example comments, the
// comments filtered by theme and sentiment, response rates, withheld groups
// with their reason, each team's trend across events as lines, and export
// (CSV, and each chart as a PNG). Every figure comes from the core's
// review, which has applied the privacy rules already.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <set>

#include "async_value.h"
#include "bar_chart.h"
#include "comment_list.h"
#include "drivers_table.h"
#include "heatmap_table.h"
#include "line_chart.h"
#include "png_button.h"
#include "theme_cards.h"
#include "debrief/env.h"
#include "debrief/export.h"
#include "debrief/insights.h"
#include "debrief/percent.h"
#include "events.h"
#include "probed.h"
#include "screens.h"

namespace debrief::desktop {
namespace {

// A response rate; a team that was not invited has none.
std::string rate(const std::optional<double>& v) {
  return v ? percent(*v) : "not invited";
}
std::string fixed1(const std::optional<double>& v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}

// One row per group: people, response rate, mean rating, eNPS and
// sentiment (positive / neutral / negative texts). A withheld group says
// so, with its reason under its name (the only column that stretches, so
// the figures keep their widths down to 1024 pixels and at 2x).
void group_rows(const std::vector<GroupResults>& groups) {
  if (!ImGui::BeginTable("groups", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit))
    return;
  ImGui::TableSetupColumn("group", ImGuiTableColumnFlags_WidthStretch);
  for (const char* h : {"people", "rate", "rating", "eNPS", "+ / = / -"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (const GroupResults& g : groups) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const float indent = ImGui::GetFontSize() * static_cast<float>(std::max(0, g.depth - 1));  // subteams under their team
    if (indent > 0) ImGui::Indent(indent);
    ImGui::TextUnformatted(g.name.c_str());
    if (!g.disclosure.shown) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", g.disclosure.reason.c_str());
      ImGui::PopTextWrapPos();
    }
    if (indent > 0) ImGui::Unindent(indent);
    if (!g.disclosure.shown) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", g.disclosure.reason == kNoResponsesYet ? "none" : "withheld");
      continue;
    }
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(g.people));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(rate(g.response_rate).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(fixed1(g.mean_rating).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(fixed1(g.enps).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld / %lld / %lld", static_cast<long long>(g.positive), static_cast<long long>(g.neutral),
                static_cast<long long>(g.negative));
  }
  ImGui::EndTable();
}

// Everyone's ratings and the sentiment of their texts, side by side, with
// counts, as one item (for png_button).
void charts(const GroupResults& everyone) {
  std::vector<Bar> ratings;
  for (std::size_t i = 0; i < everyone.ratings.size(); ++i) ratings.push_back({std::to_string(i + 1), everyone.ratings[i]});
  const std::vector<Bar> sentiment{{"negative", everyone.negative}, {"neutral", everyone.neutral}, {"positive", everyone.positive}};
  const float width = ImGui::GetContentRegionAvail().x * 0.48f, height = 7 * ImGui::GetTextLineHeight();
  ImGui::BeginGroup();
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Ratings, 1 poor to 5 excellent");
  bar_chart(ratings, width, height);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Sentiment of the comments");
  bar_chart(sentiment, width, height);
  ImGui::EndGroup();
  ImGui::EndGroup();
}

// "14 Mar 25": short enough for an axis.
std::string day_label(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%d %b %y", &tm);
  return buf;
}

// The chart of the chosen teams' mean rating event by event: the events
// any of them answered, by start; a withheld point is a gap.
void trend_chart(const std::vector<TeamTrend>& trends, const std::set<Id>& chosen, float width) {
  std::vector<std::pair<std::int64_t, Id>> events;
  for (const TeamTrend& t : trends) {
    if (!chosen.count(t.team)) continue;
    for (const TrendPoint& p : t.points) events.emplace_back(p.starts_at, p.event);
  }
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  LineAxes axes{{}, 1, 5, 1, "%.0f"};
  for (const auto& e : events) axes.x_labels.push_back(day_label(e.first));
  std::vector<Series> series;
  for (const TeamTrend& t : trends) {
    if (!chosen.count(t.team)) continue;
    Series s{t.name, std::vector<std::optional<double>>(events.size())};
    for (const TrendPoint& p : t.points) {
      if (!p.results.disclosure.shown) continue;
      const auto at = std::lower_bound(events.begin(), events.end(), std::make_pair(p.starts_at, p.event));
      s.values[static_cast<std::size_t>(at - events.begin())] = p.results.mean_rating;
    }
    series.push_back(std::move(s));
  }
  line_chart(axes, series, width, 16 * ImGui::GetTextLineHeight());
}

void spirit(const SpiritChange& s) {
  auto side = [](const SpiritSide& x) {
    return x.disclosure.shown ? fixed1(x.mean_rating) + " from " + std::to_string(x.people) + " people"
                              : x.disclosure.reason;
  };
  ImGui::Text("Team spirit before: %s", side(s.before).c_str());
  ImGui::Text("Team spirit after:  %s", side(s.after).c_str());
  // The change between the figures as shown, so the three always agree.
  auto shown = [](double v) { return std::round(v * 10) / 10; };
  if (s.change) ImGui::Text("Change: %+.1f", shown(*s.after.mean_rating) - shown(*s.before.mean_rating));
}

class Dashboard final : public ScreenView {
  AsyncValue<std::vector<EventCard>> events_;
  AsyncValue<EventReview> review_;
  AsyncValue<std::vector<TeamTrend>> trends_;
  AsyncValue<std::vector<ReviewComment>> comments_;
  CommentFilter filter_;
  std::set<Id> shown_teams_;  // in the trend chart
  std::optional<Id> event_;
  std::string title_, exported_, charts_saved_, trend_saved_;

  void load(UiContext& ui) override {
    events_.load(ui.worker, [](Store& s) { return load_events(s, system_env().now_ms() / 1000); });
    trends_.load(ui.worker, team_trends);
    if (event_) choose(ui, *event_, title_);
  }

  void choose(UiContext& ui, const Id& id, const std::string& title) {
    event_ = id;
    title_ = title;
    exported_.clear();
    charts_saved_.clear();
    filter_ = {};
    review_.load(ui.worker, [id](Store& s) { return review_event(s, id); });
    comments_.load(ui.worker, [id](Store& s) { return review_comments(s, id); });
  }

  void export_event(UiContext& ui) {
    Id id = *event_;
    std::filesystem::path file = ui.data_dir / "exports" / ("event-" + id.hex().substr(0, 8) + "-groups.csv");
    ui.worker.ask<std::string>(
        [id, file](Store& s) -> Result<std::string> {
          std::error_code ec;
          std::filesystem::create_directories(file.parent_path(), ec);
          std::ofstream out(file, std::ios::binary);
          if (!out) return Status(Code::io_error, "cannot write " + file.string());
          DEBRIEF_TRY(export_table(s, ExportTable::events, ExportFormat::csv, id, out));
          return file.string();
        },
        [this](Result<std::string> r) { exported_ = r.is_ok() ? "exported to " + *r : r.status().message(); });
  }

  // Which teams the trend chart shows: at first, the four with the most
  // events whose results are shown.
  void choose_teams() {
    if (!shown_teams_.empty()) return;
    std::vector<std::pair<std::size_t, Id>> by_points;
    for (const TeamTrend& t : *trends_) {
      const auto shown = std::count_if(t.points.begin(), t.points.end(),
                                       [](const TrendPoint& p) { return p.results.disclosure.shown; });
      by_points.emplace_back(static_cast<std::size_t>(shown), t.team);
    }
    std::stable_sort(by_points.begin(), by_points.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < by_points.size() && i < 4; ++i) shown_teams_.insert(by_points[i].second);
  }

  void draw_trends(UiContext& ui) {
    if (!trends_.has_value() || !probed::collapsing_header("Each team across events")) return;
    choose_teams();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    const std::string picked = std::to_string(shown_teams_.size()) + " of " + std::to_string(trends_->size()) + " teams";
    if (probed::begin_combo("Teams shown", picked.c_str())) {
      for (const TeamTrend& t : *trends_) {
        bool on = shown_teams_.count(t.team) > 0;
        if (probed::checkbox((t.name + "##" + t.team.hex()).c_str(), &on)) {
          if (on) shown_teams_.insert(t.team);
          else shown_teams_.erase(t.team);
        }
      }
      ImGui::EndCombo();
    }
    ImGui::TextDisabled("mean rating per event, 1 poor to 5 excellent; a gap: withheld at that event");
    trend_chart(*trends_, shown_teams_, ImGui::GetContentRegionAvail().x);
    png_button(ui, "Save the trend chart as PNG", ui.data_dir / "exports" / "team-trends.png", trend_saved_);
  }

  void draw_comments(const EventReview& r) {
    if (!comments_.has_value() || !probed::collapsing_header("Comments")) return;
    ImGui::TextDisabled("hover a comment for what its sentiment rests on");
    comment_list(*comments_, r.event.themes, filter_, 14 * ImGui::GetTextLineHeightWithSpacing());
  }

  void draw(UiContext& ui) override {
    if (!events_.ready()) return;
    ImGui::SetNextItemWidth(std::min(420 * ui.scale, ImGui::GetContentRegionAvail().x * 0.5f));
    if (probed::begin_combo("Event", title_.empty() ? "choose an event" : title_.c_str())) {
      for (const EventCard& e : *events_)
        if (probed::selectable((e.title + "  " + e.starts.substr(0, 10) + "##" + e.id.hex()).c_str(), e.id == event_))
          choose(ui, e.id, e.title);
      ImGui::EndCombo();
    }
    if (!event_ && !events_->empty()) {  // the latest event that has happened
      auto e = std::find_if(events_->begin(), events_->end(), [](const EventCard& c) { return !c.upcoming; });
      if (e == events_->end()) e = events_->begin();
      choose(ui, e->id, e->title);
    }
    if (event_) {
      ImGui::SameLine();
      if (probed::button("Export CSV")) export_event(ui);
      if (!exported_.empty()) ImGui::TextDisabled("%s", exported_.c_str());
    }
    ImGui::BeginChild("review");
    if (event_ && review_.ready()) {
      const EventReview& r = *review_;
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("groups of fewer than %d people (not counting you) are withheld; rate: of those invited; "
                          "+ / = / -: positive, neutral and negative comments", r.threshold);
      ImGui::PopTextWrapPos();
      if (r.event.groups.at(0).disclosure.shown) {
        charts(r.event.groups.at(0));
        png_button(ui, "Save these charts as PNG",
                   ui.data_dir / "exports" / ("event-" + event_->hex().substr(0, 8) + "-charts.png"), charts_saved_);
      }
      if (probed::collapsing_header("Heatmap", ImGuiTreeNodeFlags_DefaultOpen)) heatmap_table(heatmap_of(r), 13 * ImGui::GetTextLineHeightWithSpacing());
      if (probed::collapsing_header("What moves the rating and eNPS")) drivers_table(r.drivers);
      spirit(r.spirit);
      ImGui::Text("Kudos at this event: %lld", static_cast<long long>(r.praise.kudos));
      if (probed::collapsing_header("Themes", ImGuiTreeNodeFlags_DefaultOpen)) theme_cards(r.event);
      draw_comments(r);
      if (probed::collapsing_header("Groups")) group_rows(r.event.groups);
      for (const ScopeReview& a : r.activities) {
        if (!probed::collapsing_header((a.title + "##" + a.id.hex()).c_str())) continue;
        ImGui::PushID(a.id.hex().c_str());
        group_rows(a.groups);
        theme_cards(a);
        ImGui::PopID();
      }
    }
    draw_trends(ui);
    ImGui::EndChild();
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_dashboard() { return std::make_unique<Dashboard>(); }

}  // namespace debrief::desktop
