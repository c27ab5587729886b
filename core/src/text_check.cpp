#include "debrief/text_check.h"

#include <algorithm>
#include <cctype>

#include "debrief/records.h"
#include "debrief/sentiment.h"
#include "specificity.h"
#include "text_words.h"

namespace debrief {
namespace {

// Phrases of a writer taking the team's credit, each with the team's
// wording for the rewording ("" drops it).
struct CreditPhrase {
  const char* taken;
  const char* given;
};
constexpr CreditPhrase kCredit[] = {
    {"thanks to my leadership", "thanks to the team's work"}, {"under my leadership", "together"},
    {"as i always say", ""},                                  {"i made sure", "the team made sure"},
    {"thanks to me", "thanks to the team"},                   {"because of me", "because of the team"},
    {"my vision", "our shared plan"},                         {"i personally", "we"}};

// The person's ways of being named, longest first, each with what stands
// for them in a rewording that owns the problem.
std::vector<std::pair<std::string, std::string>> stand_ins(const NamedPerson& p) {
  const std::string full = lower_ascii(p.name), first = full.substr(0, full.find(' '));
  std::string handle = full;
  std::replace(handle.begin(), handle.end(), ' ', '.');
  return {{full + "'s", "our"}, {full, "we"}, {"@" + handle, "we"}, {first + "'s", "our"}, {"@" + first, "we"},
          {first, "we"}};
}

// A rewording made readable: what a dropped phrase left at its start (", ")
// and doubled spaces go, and it starts with a capital.
std::string tidied(std::string s) {
  const std::size_t start = s.find_first_not_of(" ,;:");
  s.erase(0, start == std::string::npos ? s.size() : start);
  for (std::size_t at = s.find("  "); at != std::string::npos; at = s.find("  ")) s.erase(at, 1);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

TextCheck check_text(std::string_view text, const std::vector<NamedPerson>& directory) {
  TextCheck c;
  c.criticises = criticised_people(text, directory);
  std::string reworded(text);
  for (const Id& id : c.criticises) {
    const auto p = std::find_if(directory.begin(), directory.end(), [&](const NamedPerson& n) { return n.id == id; });
    for (const auto& [named, we] : stand_ins(*p)) replace_words(reworded, named, we);
    c.advice.push_back("this criticises " + p->name + " by name: own the problem instead (\"we\"), or tell their "
                       "manager in private");
  }
  for (const CreditPhrase& phrase : kCredit) c.takes_credit = replace_words(reworded, phrase.taken, phrase.given) || c.takes_credit;
  if (c.takes_credit) c.advice.push_back("this takes the credit for the team's work: give it to the team");
  Result<SentimentScore> score = score_sentiment(text);
  c.vague = score.is_ok() && score->label == SentimentLabel::positive && !is_specific(text);
  if (c.vague) c.advice.push_back("this praise names nothing specific: say what they did and what came of it");
  if (!c.criticises.empty() || c.takes_credit) c.rewording = tidied(reworded);
  return c;
}

Result<TextCheck> check_text(Store& store, std::string_view text) {
  Result<std::vector<Json>> people = list(store, Kind::person);
  DEBRIEF_TRY(people.status());
  std::vector<NamedPerson> directory;
  for (const Json& p : *people) {
    Result<Id> id = Id::parse(p["id"].get<std::string>());
    DEBRIEF_TRY(id.status());
    directory.push_back({*id, p["name"].get<std::string>()});
  }
  return check_text(text, directory);
}

nlohmann::json to_json(const TextCheck& c) {
  nlohmann::json ids = nlohmann::json::array();
  for (const Id& id : c.criticises) ids.push_back(id.hex());
  return {{"criticises", ids},   {"takes_credit", c.takes_credit}, {"vague", c.vague},
          {"rewording", c.rewording}, {"advice", c.advice}};
}

}  // namespace debrief
