// "Have their backs": which colleagues a text criticises by name, so that
// such a text never reaches anything public (docs/privacy.md). Runs on the
// device, with no network.
//
// A person is named by their full name, by a first name nobody else in the
// directory has, or by an @mention of the first name or first.last (any
// case; a possessive "'s" counts). A person named in a sentence is
// criticised when the part of the sentence that carries the writer's
// conclusion reads negative (score_sentiment): the clause after the last
// "but", "though" or "however" when the name is in it, else the sentence.
// A sentence in which the writer owns the problem ("my fault", "I should
// have", "I let ... down") or clears the person ("not X's fault",
// "nothing to do with X") criticises nobody.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "debrief/id.h"

namespace debrief {

struct NamedPerson {
  Id id;
  std::string name;  // as the directory has it: "Priya Raman"
};

// The people of `directory` that `text` criticises, each once, in the order
// first criticised.
std::vector<Id> criticised_people(std::string_view text, const std::vector<NamedPerson>& directory);

}  // namespace debrief
