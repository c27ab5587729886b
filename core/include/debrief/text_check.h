// Debrief's writing checks on one text, before it is saved or shared: does
// it criticise a named colleague (named_criticism.h), does the writer take
// the credit for the team's work, is its praise vague (names nothing
// specific, as a kudos must) — each with a suggestion to do better.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "debrief/named_criticism.h"
#include "debrief/status.h"

namespace debrief {

class Store;

struct TextCheck {
  std::vector<Id> criticises;  // the colleagues it criticises by name
  bool takes_credit = false;   // "thanks to my leadership", "I made sure", "as I always say"
  bool vague = false;          // praise with fewer than two specific words
  // A rewording drafted from the text, for the author to edit: the people
  // criticised become "we" (owning the problem without blaming them) and
  // the credit goes to the team; empty when nothing calls for one.
  std::string rewording;
  std::vector<std::string> advice;  // one line per check that flagged the text
};

// Checks `text` against `directory` (the people it may name).
TextCheck check_text(std::string_view text, const std::vector<NamedPerson>& directory);

// The same, against the live people of `store`.
Result<TextCheck> check_text(Store& store, std::string_view text);

// {"criticises": [person ids], "takes_credit", "vague", "rewording", "advice": [lines]}.
nlohmann::json to_json(const TextCheck& check);

}  // namespace debrief
