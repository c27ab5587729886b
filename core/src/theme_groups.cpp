#include "theme_groups.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "stem.h"

namespace debrief {
namespace {

struct Group {
  std::string_view name;
  std::vector<std::string_view> words;  // one word, or two joined by a space
};

// Each group with the words people use for it in event feedback. Generic
// words that name no subject ("day", "time", "thing", "event") are left out
// on purpose: they would pull every comment into one theme.
const std::vector<Group>& groups() {
  static const std::vector<Group> kGroups{
      {"schedule", {"schedule", "agenda", "timing", "timetable", "start", "finish", "late", "early", "delay",
                    "overran", "overrun", "overruns", "punctual", "running order", "ran over", "slot", "clash",
                    "rushed", "length", "duration"}},
      {"breaks", {"break", "pause", "breather", "downtime", "rest"}},
      {"food and drink", {"food", "lunch", "dinner", "breakfast", "meal", "snack", "catering", "menu", "coffee",
                          "tea", "drink", "buffet", "vegetarian", "vegan", "dietary", "sandwich", "pizza",
                          "dessert", "wine", "beer", "canapes", "bbq", "barbecue"}},
      {"venue", {"venue", "room", "hotel", "location", "space", "building", "hall", "aircon", "air conditioning",
                 "heating", "temperature", "seat", "seating", "chair", "toilet", "basement", "accommodation",
                 "noise", "noisy", "cold", "hot"}},
      {"travel", {"travel", "bus", "coach", "train", "flight", "taxi", "commute", "transport", "parking", "ferry",
                  "drive", "journey", "shuttle", "directions", "airport", "traffic"}},
      {"equipment", {"wifi", "wi-fi", "projector", "microphone", "mic", "audio", "sound", "screen", "laptop",
                     "hdmi", "video", "stream", "livestream", "dial-in", "zoom", "tech", "clicker"}},
      {"speakers", {"speaker", "talk", "keynote", "presentation", "presenter", "panel", "slides", "deck",
                    "q&a", "lecture"}},
      {"facilitators", {"facilitator", "facilitation", "host", "trainer", "instructor", "moderator", "mc",
                        "coach led", "guide"}},
      {"organisation", {"organisation", "organization", "organising", "organizing", "planning", "communication",
                        "comms", "information", "email", "invite", "invitation", "registration", "sign-up",
                        "notice", "logistics", "reminder", "instructions"}},
      {"activities", {"activity", "game", "exercise", "icebreaker", "ice breaker", "team-building", "escape room",
                      "teambuilding", "team building", "challenge", "competition", "karaoke", "quiz", "trivia",
                      "hike", "hiking", "walk", "bowling", "cooking", "pottery", "paintball", "axe throwing",
                      "sports day", "sport", "football", "raffle", "awards", "fancy dress", "treasure hunt",
                      "scavenger hunt", "kayaking", "climbing", "volunteering", "trust fall", "murder mystery",
                      "painting", "yoga", "party", "disco", "dancing", "golf", "sailing", "rafting"}},
      {"colleagues", {"colleague", "teammate", "people", "networking", "socialising", "socializing", "mingling",
                      "connection", "other teams", "cross-team", "new starters", "new joiners"}},
      {"leadership", {"management", "manager", "leadership", "leader", "ceo", "cfo", "cto", "exec",
                      "executive", "director", "boss", "senior", "hr", "vp"}},
      {"workload", {"workload", "deadline", "backlog", "overtime", "busy", "sprint", "release", "on-call",
                    "inbox", "catch up", "weekend"}},
      {"purpose", {"purpose", "point", "objective", "goal", "why", "value", "strategy", "outcome",
                   "follow-up", "follow up", "action", "takeaway", "relevance", "relevant"}},
      {"format", {"format", "remote", "hybrid", "online", "virtual", "in-person", "breakout", "group",
                  "interactive", "hands-on", "discussion", "roleplay", "role-play"}},
  };
  return kGroups;
}

// Each entry's stems ("escap room") to its group's name.
const std::map<std::string, std::string_view, std::less<>>& by_stem() {
  static const auto map = [] {
    std::map<std::string, std::string_view, std::less<>> m;
    for (const Group& g : groups()) {
      for (std::string_view w : g.words) {
        const std::size_t space = w.find(' ');
        std::string key = space == std::string_view::npos
                              ? stem(w)
                              : stem(w.substr(0, space)) + " " + stem(w.substr(space + 1));
        m.emplace(std::move(key), g.name);
      }
    }
    return m;
  }();
  return map;
}

std::optional<std::string_view> find(const std::string& key) {
  auto it = by_stem().find(key);
  return it == by_stem().end() ? std::nullopt : std::optional<std::string_view>(it->second);
}

}  // namespace

namespace {

bool is_preposition(std::string_view w) {
  static const std::set<std::string_view> kWords{"about", "after", "at", "before", "by", "during", "for", "from",
                                                  "in", "of", "on", "over", "to", "with", "without"};
  return kWords.count(w) > 0;
}

// The group of stems [from, to): two-word entries first, each part from its
// last word back.
std::optional<std::string_view> group_in(const std::vector<std::string>& stems, std::size_t from, std::size_t to) {
  for (std::size_t i = to; i-- > from + 1;) {
    if (auto g = find(stems[i - 1] + " " + stems[i])) return g;
  }
  for (std::size_t i = to; i-- > from;) {
    if (auto g = find(stems[i])) return g;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> theme_group_of(const std::vector<std::string>& words) {
  std::vector<std::string> stems;
  stems.reserve(words.size());
  for (const std::string& w : words) stems.push_back(stem(w));
  // "long talks after lunch" is about talks: the words before a preposition
  // name the subject, the ones after it qualify it.
  const auto split = static_cast<std::size_t>(
      std::find_if(words.begin(), words.end(), [](const std::string& w) { return is_preposition(w); }) - words.begin());
  if (auto g = group_in(stems, 0, split)) return g;
  return group_in(stems, split, stems.size());
}

}  // namespace debrief
