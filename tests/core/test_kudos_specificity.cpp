// The rule that a kudos's action and outcome name something specific, on a
// labelled set of texts (data/kudos_specificity.tsv: its header says how it
// was written, split into tuning and held-out parts, and biased).
#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "specificity.h"
#include "test_support.h"

using debrief::is_specific;
using debrief::specific_words;

namespace {

struct Labelled {
  bool specific = false;  // the label; otherwise vague
  bool held_out = false;
  std::string text;
};

// The data lines of the set, each checked for its three columns.
std::vector<Labelled> labelled_set() {
  std::ifstream in(DEBRIEF_KUDOS_SPECIFICITY_TSV);
  REQUIRE(in);
  std::vector<Labelled> set;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    INFO(line);
    std::size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    REQUIRE(tab2 != std::string::npos);
    std::string label = line.substr(0, tab1), field = line.substr(tab1 + 1, tab2 - tab1 - 1);
    REQUIRE((label == "vague" || label == "specific"));
    REQUIRE((field == "action" || field == "outcome"));
    REQUIRE(line.find('\t', tab2 + 1) == std::string::npos);
    // Every 4th data line is held out, as the file's header says.
    set.push_back({label == "specific", (set.size() + 1) % 4 == 0, line.substr(tab2 + 1)});
  }
  return set;
}

struct Tally {
  int right = 0;
  int total = 0;
  double share() const { return total ? double(right) / total : 0; }
};

std::string figure(const char* what, const Tally& t) {
  char out[96];
  std::snprintf(out, sizeof out, "%s %d/%d = %.1f%%", what, t.right, t.total, 100 * t.share());
  return out;
}

}  // namespace

TEST_CASE("the specificity rule tells vague kudos texts from specific ones in the labelled set", "[kudos][specific]") {
  enum Part { all, tuning, held_out };
  std::array<std::array<Tally, 2>, 3> tally{};  // [part][label: 0 vague, 1 specific]
  std::string wrong;
  for (const Labelled& l : labelled_set()) {
    bool right = is_specific(l.text) == l.specific;
    for (Part p : {all, l.held_out ? held_out : tuning}) {
      tally[p][l.specific].total += 1;
      tally[p][l.specific].right += right;
    }
    if (!right) wrong += std::string(l.specific ? "\nspecific taken as vague: " : "\nvague taken as specific: ") + l.text;
  }
  const char* parts[] = {"whole set", "tuning part", "held-out part"};
  for (Part p : {all, tuning, held_out})
    WARN(parts[p] << ": " << figure("vague refused", tally[p][0]) << ", " << figure("specific accepted", tally[p][1]));
  INFO("misjudged:" << wrong);
  CHECK(tally[all][0].total >= 120);
  CHECK(tally[all][1].total >= 120);
  REQUIRE(tally[all][0].share() >= 0.95);
  REQUIRE(tally[all][1].share() >= 0.95);
}

TEST_CASE("specific words are those no kudos could share: numbers count, grammar and generic praise do not", "[kudos][specific]") {
  CHECK(specific_words("Thanks for all your hard work this year") == 0);
  CHECK(specific_words("rebuilt the demo after the server crashed") == 4);
  CHECK(specific_words("shipped v2 at 7") == 3);  // a number however short
  // The apostrophe phones type is an apostrophe.
  CHECK(specific_words("you\xE2\x80\x99re great and you\xE2\x80\x99ve been amazing") == 0);
  CHECK(specific_words("hat den Server um drei Uhr neu gestartet") == 7);  // "um": shorter than three
  CHECK(is_specific("fixed the login bug"));
  CHECK_FALSE(is_specific("your support on the project"));  // one concrete word is not enough
}
