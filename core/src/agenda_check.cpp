#include "debrief/agenda_check.h"

#include <algorithm>

#include "store_impl.h"

namespace debrief {
namespace {

struct Slot {
  std::string title, kind;
  std::int64_t starts_at = 0, ends_at = 0;
};

// A kind during which people rest and talk: it ends a stretch.
bool is_break(const std::string& kind) { return kind == "meal" || kind == "reflection_break"; }

std::string minutes(std::int64_t seconds) { return std::to_string(seconds / 60) + " minutes"; }

Result<std::vector<Slot>> slots_of(Store& store, const Id& event) {
  sql::Stmt& e = impl_of(store).db->cached("SELECT 1 FROM events WHERE id = ? AND deleted = 0");
  e.bind(1, event);
  const bool live = e.step();
  DEBRIEF_TRY(e.status());
  e.reset();
  if (!live) return not_found("no event with id " + event.hex());
  sql::Stmt& s = impl_of(store).db->cached(
      "SELECT title, kind, starts_at, ends_at FROM activities WHERE event = ? AND deleted = 0 ORDER BY starts_at, ends_at, id");
  s.bind(1, event);
  std::vector<Slot> slots;
  while (s.step()) slots.push_back({s.text(0), s.is_null(1) ? "other" : s.text(1), s.int64(2), s.int64(3)});
  DEBRIEF_TRY(s.status());
  s.reset();
  return slots;
}

// Time by kind, free time between activities, the longest stretch (from
// the start of an activity after a break to the end of the last one before
// the next break, short gaps included), and the overlaps, in one pass over
// the activities by start.
void walk(const std::vector<Slot>& slots, const AgendaRules& rules, AgendaCheck& c) {
  std::int64_t busy_until = slots.front().starts_at, stretch_start = 0, stretch = 0;
  std::string stretch_from;
  bool after_break = true;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const Slot& a = slots[i];
    c.seconds[a.kind] += std::max<std::int64_t>(0, a.ends_at - a.starts_at);
    const std::int64_t gap = a.starts_at - busy_until;
    if (i > 0 && gap < 0)
      c.warnings.push_back({"overlap", "\"" + a.title + "\" starts before \"" + slots[i - 1].title + "\" ends"});
    if (i > 0 && gap > 0 && gap < rules.overnight) c.seconds["free"] += gap;
    busy_until = std::max(busy_until, a.ends_at);
    if (is_break(a.kind)) {
      after_break = true;
      continue;
    }
    if (after_break || gap >= rules.min_break) {
      stretch_start = a.starts_at;
      stretch_from = a.title;
      after_break = false;
    }
    stretch = std::max(stretch, busy_until - stretch_start);
    c.longest_stretch = std::max(c.longest_stretch, stretch);
    const bool ends = i + 1 == slots.size() || is_break(slots[i + 1].kind) ||
                      slots[i + 1].starts_at - busy_until >= rules.min_break;
    if (!ends) continue;
    if (stretch > rules.max_stretch)
      c.warnings.push_back({"long_stretch", minutes(stretch) + " with no break, from the start of \"" + stretch_from +
                                                "\" to the end of \"" + a.title + "\""});
    stretch = 0;
  }
}

void shares_and_balance(const AgendaRules& rules, AgendaCheck& c) {
  std::int64_t total = 0, activities = 0;
  for (const auto& [kind, s] : c.seconds) {
    total += s;
    if (kind != "free") activities += s;
  }
  for (const auto& [kind, s] : c.seconds)
    c.shares[kind] = total > 0 ? static_cast<double>(s) / static_cast<double>(total) : 0.0;
  if (!c.seconds.count("reflection_break")) {
    c.warnings.push_back({"no_reflection_time", "no reflection break in the programme: leave time to think and talk "
                                                "between activities"});
  }
  for (const auto& [kind, s] : c.seconds) {
    const double share = activities > 0 ? static_cast<double>(s) / static_cast<double>(activities) : 0.0;
    if (share > rules.most && kind != "free" && kind != "other")
      c.warnings.push_back({"one_kind_dominates", kind + " takes " + std::to_string(static_cast<int>(share * 100 + 0.5)) +
                                                      "% of the activities' time"});
  }
}

}  // namespace

Result<AgendaCheck> check_agenda(Store& store, const Id& event, const AgendaRules& rules) {
  Result<std::vector<Slot>> slots = slots_of(store, event);
  DEBRIEF_TRY(slots.status());
  AgendaCheck c;
  c.event = event;
  if (slots->empty()) {
    c.warnings.push_back({"no_activities", "the event has no activities yet"});
    return c;
  }
  walk(*slots, rules, c);
  shares_and_balance(rules, c);
  return c;
}

nlohmann::json to_json(const AgendaCheck& check) {
  nlohmann::json minutes_by_kind = nlohmann::json::object(), warnings = nlohmann::json::array();
  for (const auto& [kind, s] : check.seconds) minutes_by_kind[kind] = s / 60;
  for (const AgendaWarning& w : check.warnings) warnings.push_back({{"code", w.code}, {"message", w.message}});
  return {{"event", check.event.hex()},
          {"minutes", minutes_by_kind},
          {"shares", check.shares},
          {"longest_stretch_minutes", check.longest_stretch / 60},
          {"warnings", warnings}};
}

}  // namespace debrief
