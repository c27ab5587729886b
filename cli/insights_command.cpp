// `debrief insights event E` and `debrief insights trends`: the manager's
// review from the local store, as readable tables or --json. Everything
// printed comes from core insights, already through the privacy rules: a
// withheld group prints its reason in place of numbers.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "context.h"
#include "debrief/heatmap.h"
#include "debrief/insights.h"
#include "debrief/insights_json.h"
#include "debrief/percent.h"
#include "output.h"

namespace debrief::cli {
namespace {

std::string fixed(const std::optional<double>& v, const char* format) {
  if (!v) return "-";
  char out[32];
  std::snprintf(out, sizeof out, format, *v);
  return out;
}

const Row kGroupHeader{"group", "people", "responses", "rate", "mean", "1", "2", "3", "4", "5", "eNPS", "+/=/-", "note"};

// A group's name, a subteam indented under its team.
std::string indented(const GroupResults& g) { return std::string(2 * static_cast<std::size_t>(std::max(0, g.depth - 1)), ' ') + g.name; }

// A withheld group's row: dashes for every figure, its reason as the note.
Row group_row(const GroupResults& g) {
  if (!g.disclosure.shown) {
    Row row(kGroupHeader.size(), "-");
    row.front() = indented(g);
    row.back() = g.disclosure.reason;
    return row;
  }
  Row row{indented(g), std::to_string(g.people), std::to_string(g.responses),
          g.response_rate ? percent(*g.response_rate) : "not invited", fixed(g.mean_rating, "%.2f")};
  for (std::int64_t n : g.ratings) row.push_back(std::to_string(n));
  row.push_back(fixed(g.enps, "%+.0f"));
  row.push_back(std::to_string(g.positive) + "/" + std::to_string(g.neutral) + "/" + std::to_string(g.negative));
  row.emplace_back();
  return row;
}

const char* asked_for(const std::string& part) {
  return part == "more" ? "more of" : part == "less" ? "less of" : part == "stop" ? "stop" : "comments";
}

// "schedule (12; 7 negative, 3 positive)", and ", emerging" when it is.
std::string theme_text(const Theme& t) {
  return t.phrase + " (" + std::to_string(t.count) + "; " + std::to_string(t.negative) + " negative, " +
         std::to_string(t.positive) + " positive" + (t.emerging ? ", emerging" : "") + ")";
}

void print_scope(const ScopeReview& s) {
  std::cout << s.kind << ": " << s.title << "\n";
  std::vector<Row> rows;
  for (const GroupResults& g : s.groups) rows.push_back(group_row(g));
  print_table(kGroupHeader, rows);
  for (const auto& [part, themes] : s.themes) {
    if (themes.empty()) continue;
    std::cout << "  " << asked_for(part) << ":";
    for (const Theme& t : themes) std::cout << "  " << theme_text(t);
    std::cout << "\n";
    for (const std::string& e : themes[0].examples) std::cout << "    \"" << e << "\"\n";
  }
  std::cout << "\n";
}

std::string spirit_side(const SpiritSide& s) {
  if (!s.disclosure.shown) return s.disclosure.reason;
  return fixed(s.mean_rating, "%.2f") + " (" + std::to_string(s.people) + " people, " +
         std::to_string(s.responses) + " responses)";
}

// "0.62 [0.45, 0.75]", or "-" when there is none.
std::string correlation_text(const std::optional<Correlation>& c) {
  if (!c) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%+.2f [%+.2f, %+.2f]", c->r, c->low, c->high);
  return buf;
}

void print_drivers(const std::vector<GroupDrivers>& groups) {
  std::cout << "what moves the overall rating and eNPS (Pearson's r [95% interval], groups of at least "
            << kDriverMinPeople << " people)\n";
  std::vector<Row> rows;
  std::size_t without = 0;
  for (const GroupDrivers& g : groups) {
    if (!g.disclosure.shown) ++without;
    for (const Driver& d : g.drivers) {
      const std::int64_t n = d.with_rating ? d.with_rating->answers : d.with_enps ? d.with_enps->answers : 0;
      rows.push_back({g.name, d.text, correlation_text(d.with_rating), correlation_text(d.with_enps), std::to_string(n)});
    }
  }
  if (!rows.empty()) print_table({"group", "question", "with rating", "with eNPS", "answers"}, rows);
  if (without > 0) {
    std::cout << "  " << without << (without == 1 ? " group has" : " groups have")
              << " none: fewer than " << kDriverMinPeople << " people answered, or withheld above\n";
  }
  std::cout << "\n";
}

void print_review(const EventReview& r) {
  std::cout << "results are shown for groups of at least " << r.threshold
            << " people (not counting you); rate: invited members who answered\n\n";
  print_scope(r.event);
  for (const ScopeReview& a : r.activities) print_scope(a);
  std::cout << "team spirit (pulse, " << kBeforeAfterDays << " days either side)\n"
            << "  before: " << spirit_side(r.spirit.before) << "\n"
            << "  after:  " << spirit_side(r.spirit.after) << "\n"
            << "  change: " << fixed(r.spirit.change, "%+.2f") << "\n\n";
  print_drivers(r.drivers);
  std::cout << "kudos: " << r.praise.kudos << "\n";
  std::vector<std::pair<std::string, std::int64_t>> categories(r.praise.categories.begin(), r.praise.categories.end());
  std::stable_sort(categories.begin(), categories.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<Row> rows;
  for (const auto& [category, n] : categories) rows.push_back({category, std::to_string(n)});
  if (!rows.empty()) print_table({"kudos by category", "kudos"}, rows);
  rows.clear();
  for (const Theme& t : r.praise.phrases) rows.push_back({"\"" + t.phrase + "\"", std::to_string(t.count)});
  if (!rows.empty()) print_table({"what they were praised for", "kudos"}, rows);
}

void print_trends(const std::vector<TeamTrend>& trends) {
  for (const TeamTrend& t : trends) {
    std::cout << "team: " << t.name << "\n";
    std::vector<Row> rows;
    for (const TrendPoint& p : t.points) {
      Row row = group_row(p.results);
      row[0] = p.title;
      rows.push_back(row);
    }
    Row header = kGroupHeader;
    header[0] = "event";
    print_table(header, rows);
    std::cout << "\n";
  }
}

}  // namespace

// One cell as the table shows it: the figure, or "-" (the reason follows
// the table, once per reason).
std::string heat_text(HeatMeasure m, const HeatCell& c) {
  if (!c.value) return "-";
  char buf[32];
  switch (m) {
    case HeatMeasure::rating: std::snprintf(buf, sizeof buf, "%.2f", *c.value); break;
    case HeatMeasure::enps: std::snprintf(buf, sizeof buf, "%+.0f", *c.value); break;
    case HeatMeasure::spirit_change: std::snprintf(buf, sizeof buf, "%+.2f", *c.value); break;
    case HeatMeasure::negative_share:
    case HeatMeasure::response_rate: return percent(*c.value);
  }
  return buf;
}

void print_heatmap(const Heatmap& h) {
  std::cout << "heatmap: " << h.title << "\n";
  if (!h.event) {
    std::cout << "(each team's figures from its latest event with results, in \"from\"; team spirit: the last "
              << kBeforeAfterDays << " days against the " << kBeforeAfterDays << " before)\n";
  }
  Row header{"group"};
  for (std::size_t m = 0; m < kHeatMeasures; ++m) header.push_back(heat_measure_name(static_cast<HeatMeasure>(m)));
  if (!h.event) header.push_back("from");
  std::vector<Row> rows;
  std::vector<std::string> notes;
  for (const HeatRow& r : h.rows) {
    Row row{std::string(static_cast<std::size_t>(2 * r.depth), ' ') + r.name};
    const bool all_withheld = std::all_of(r.cells.begin(), r.cells.end(), [&](const HeatCell& c) {
      return !c.value && c.reason == r.cells[0].reason;
    });
    for (std::size_t m = 0; m < kHeatMeasures; ++m) {
      const HeatCell& c = r.cells[m];
      row.push_back(heat_text(static_cast<HeatMeasure>(m), c));
      if (!c.value && !all_withheld)
        notes.push_back(r.name + ", " + heat_measure_name(static_cast<HeatMeasure>(m)) + ": " + c.reason);
    }
    if (all_withheld) notes.push_back(r.name + ": " + r.cells[0].reason);
    if (!h.event) row.push_back(r.from_event);
    rows.push_back(std::move(row));
  }
  print_table(header, rows);
  for (const std::string& n : notes) std::cout << "  - " << n << "\n";
}

// One line per comment: its sentiment, where it was written, and the text.
void print_comments(const std::vector<ReviewComment>& comments) {
  for (const ReviewComment& c : comments) {
    const std::string label = c.sentiment ? sentiment_label_name(*c.sentiment) : "-";
    std::cout << label << std::string(label.size() < 9 ? 9 - label.size() : 1, ' ') << c.scope << " / " << c.part
              << ": " << c.text << "\n";
  }
  std::cout << comments.size() << (comments.size() == 1 ? " comment" : " comments") << "\n";
}

void add_insights_commands(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("insights", "the manager's review, from the local store");
  cmd->require_subcommand(1);
  CLI::App* event = cmd->add_subcommand("event", "an event's results: per team, per activity, themes, spirit, kudos");
  event->fallthrough();
  static std::string event_id;
  event->add_option("event", event_id, "the event (id, unique prefix or exact title)")->required();
  event->callback([&ctx] {
    ctx.run([&ctx] {
      EventReview r = must(review_event(ctx.store(), must(resolve_id(ctx.store(), Kind::event, event_id))));
      if (ctx.json) std::cout << to_json(r).dump(2) << "\n";
      else print_review(r);
      return 0;
    });
  });
  CLI::App* heatmap = cmd->add_subcommand(
      "heatmap", "teams down; rating, eNPS, team spirit change, negative comments and response rate across");
  heatmap->fallthrough();
  static std::string heatmap_event;
  heatmap->add_option("event", heatmap_event,
                      "the event (id, unique prefix or exact title); without it, every team at its latest event");
  heatmap->callback([&ctx] {
    ctx.run([&ctx] {
      Heatmap h = heatmap_event.empty()
                      ? must(organisation_heatmap(ctx.store()))
                      : heatmap_of(must(review_event(ctx.store(), must(resolve_id(ctx.store(), Kind::event, heatmap_event)))));
      if (ctx.json) std::cout << to_json(h).dump(2) << "\n";
      else print_heatmap(h);
      return 0;
    });
  });
  CLI::App* comments = cmd->add_subcommand(
      "comments", "an event's comments, of the groups shown to everyone, filtered by theme and sentiment");
  comments->fallthrough();
  static std::string comments_event, theme, sentiment;
  comments->add_option("event", comments_event, "the event (id, unique prefix or exact title)")->required();
  comments->add_option("--theme", theme, "only comments on this theme (its name or key, as `insights event` shows)");
  comments->add_option("--sentiment", sentiment, "only positive, neutral or negative comments")
      ->check(CLI::IsMember({"positive", "neutral", "negative"}));
  comments->callback([&ctx] {
    ctx.run([&ctx] {
      std::vector<ReviewComment> all =
          must(review_comments(ctx.store(), must(resolve_id(ctx.store(), Kind::event, comments_event))));
      const std::optional<SentimentLabel> label = sentiment_label_named(sentiment);
      std::erase_if(all, [&](const ReviewComment& c) { return !comment_matches(c, theme, label); });
      if (ctx.json) std::cout << to_json(all).dump(2) << "\n";
      else print_comments(all);
      return 0;
    });
  });
  CLI::App* trends = cmd->add_subcommand("trends", "each team's results event by event");
  trends->fallthrough();
  static std::string team_id;
  trends->add_option("--team", team_id, "only this team (id, unique prefix or exact name)");
  trends->callback([&ctx] {
    ctx.run([&ctx] {
      std::vector<TeamTrend> t = must(team_trends(ctx.store()));
      if (!team_id.empty()) {
        Id team = must(resolve_id(ctx.store(), Kind::team, team_id));
        std::erase_if(t, [&](const TeamTrend& x) { return x.team != team; });
      }
      if (ctx.json) std::cout << to_json(t).dump(2) << "\n";
      else print_trends(t);
      return 0;
    });
  });
}

}  // namespace debrief::cli
