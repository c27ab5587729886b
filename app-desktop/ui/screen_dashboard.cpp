// The manager's dashboard: per event and per team, the rating and
// sentiment distributions, the heatmap, team spirit before and after,
// themes with example comments, what moves the rating and eNPS, response
// rates, withheld groups with their reason, each team's trend across
// events, and export. Every figure comes from the
// core's review, which has applied the privacy rules already.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "async_value.h"
#include "bar_chart.h"
#include "drivers_table.h"
#include "heatmap_table.h"
#include "debrief/env.h"
#include "debrief/export.h"
#include "debrief/insights.h"
#include "debrief/percent.h"
#include "events.h"
#include "probed.h"
#include "screens.h"
#include "sentiment_note.h"

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

// Everyone's ratings and the sentiment of their texts, side by side, with counts.
void charts(const GroupResults& everyone) {
  if (!everyone.disclosure.shown) return;
  std::vector<Bar> ratings;
  for (std::size_t i = 0; i < everyone.ratings.size(); ++i) ratings.push_back({std::to_string(i + 1), everyone.ratings[i]});
  const std::vector<Bar> sentiment{{"negative", everyone.negative}, {"neutral", everyone.neutral}, {"positive", everyone.positive}};
  const float width = ImGui::GetContentRegionAvail().x * 0.48f, height = 7 * ImGui::GetTextLineHeight();
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Ratings, 1 poor to 5 excellent");
  bar_chart(ratings, width, height);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Sentiment of the comments");
  bar_chart(sentiment, width, height);
  ImGui::EndGroup();
}

// On hover over an example comment: what its sentiment rests on.
void sentiment_tooltip(const std::string& comment) {
  if (!ImGui::IsItemHovered()) return;
  const SentimentNote note = sentiment_note(comment);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(note.headline.c_str());
  for (const std::string& line : note.lines) ImGui::TextUnformatted(line.c_str());
  ImGui::EndTooltip();
}

const char* part_title(const std::string& part) {
  return part == "more" ? "More of" : part == "less" ? "Less of" : part == "stop" ? "Stop" : "Comments";
}

void themes(const ScopeReview& scope) {
  for (const auto& [part, list] : scope.themes) {
    if (list.empty()) continue;
    std::string title = part_title(part) + std::string("##") + part;
    if (!probed::tree_node(title.c_str())) continue;
    for (const Theme& t : list) {
      std::string label = t.phrase + " (" + std::to_string(t.count) + ": " + std::to_string(t.negative) +
                          " negative, " + std::to_string(t.positive) + " positive" +
                          (t.emerging ? ", emerging" : "") + ")";
      if (probed::tree_node(label.c_str())) {
        for (const std::string& e : t.examples) {
          ImGui::BulletText("\"%s\"", e.c_str());
          sentiment_tooltip(e);
        }
        ImGui::TreePop();
      }
    }
    ImGui::TreePop();
  }
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
  std::optional<Id> event_;
  std::string title_, exported_;

  void load(UiContext& ui) override {
    events_.load(ui.worker, [](Store& s) { return load_events(s, system_env().now_ms() / 1000); });
    trends_.load(ui.worker, team_trends);
    if (event_) choose(ui, *event_, title_);
  }

  void choose(UiContext& ui, const Id& id, const std::string& title) {
    event_ = id;
    title_ = title;
    exported_.clear();
    review_.load(ui.worker, [id](Store& s) { return review_event(s, id); });
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

  void draw_trends() {
    if (!trends_.has_value() || !probed::collapsing_header("Each team across events")) return;
    for (const TeamTrend& t : *trends_) {
      std::string line;
      for (const TrendPoint& p : t.points)
        line += p.results.disclosure.shown ? fixed1(p.results.mean_rating) + "  " : "w  ";
      ImGui::Text("%-24s %s", t.name.c_str(), line.c_str());
    }
    ImGui::TextDisabled("mean rating per event, oldest first; w: withheld");
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
      charts(r.event.groups.at(0));
      if (probed::collapsing_header("Heatmap", ImGuiTreeNodeFlags_DefaultOpen)) heatmap_table(heatmap_of(r));
      if (probed::collapsing_header("Groups")) group_rows(r.event.groups);
      spirit(r.spirit);
      themes(r.event);
      if (probed::collapsing_header("What moves the rating and eNPS")) drivers_table(r.drivers);
      ImGui::Text("Kudos at this event: %lld", static_cast<long long>(r.praise.kudos));
      for (const ScopeReview& a : r.activities) {
        if (!probed::collapsing_header((a.title + "##" + a.id.hex()).c_str())) continue;
        ImGui::PushID(a.id.hex().c_str());
        group_rows(a.groups);
        themes(a);
        ImGui::PopID();
      }
    }
    draw_trends();
    ImGui::EndChild();
  }
};

}  // namespace

std::unique_ptr<ScreenView> make_dashboard() { return std::make_unique<Dashboard>(); }

}  // namespace debrief::desktop
