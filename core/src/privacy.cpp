#include "debrief/privacy.h"

#include <algorithm>

#include "debrief/mutation.h"
#include "debrief/records.h"

namespace debrief {
namespace {

std::string too_few(int threshold, bool counts_reader) {
  return "withheld: fewer than " + std::to_string(threshold) + " people" + (counts_reader ? " besides you" : "") +
         " answered, so their answers could identify them";
}

std::string complementary(int threshold) {
  return "withheld: with the groups beside it shown, a group of fewer than " +
         std::to_string(threshold) + " could be worked out by subtraction";
}

std::int64_t at(const std::vector<std::int64_t>& v, std::size_t k) { return k < v.size() ? v[k] : 0; }

bool any_positive(const std::vector<std::int64_t>& counts) {
  return std::any_of(counts.begin(), counts.end(), [](std::int64_t n) { return n > 0; });
}

// What is left of `parent` once its `shown` parts are taken away: the part a
// reader could work out by subtraction, voice by voice.
GroupSize hidden_part(const GroupSize& parent, const std::vector<const GroupSize*>& shown) {
  GroupSize part{parent.answers, -1, parent.own};
  part.own.resize(part.answers.size());
  for (const GroupSize* c : shown)
    for (std::size_t k = 0; k < part.answers.size(); ++k) {
      part.answers[k] -= at(c->answers, k);
      part.own[k] -= at(c->own, k);
    }
  return part;
}

// The groups below `p` that a reader can subtract from it: its shown
// descendants with no shown group between them and `p`.
std::vector<std::size_t> shown_below(const std::vector<std::vector<std::size_t>>& children,
                                     const std::vector<Disclosure>& out, std::size_t p) {
  std::vector<std::size_t> found, todo(children[p]);
  while (!todo.empty()) {
    std::size_t c = todo.back();
    todo.pop_back();
    if (out[c].shown) found.push_back(c);
    else todo.insert(todo.end(), children[c].begin(), children[c].end());
  }
  return found;
}

// Withholds the shown groups below `p`, smallest first, until what is left
// of `p` without them rests on nobody but the reader or on at least
// `threshold` people. Returns whether it withheld any.
bool protect_rest(const std::vector<GroupSize>& groups, const std::vector<std::vector<std::size_t>>& children,
                  std::vector<Disclosure>& out, std::size_t p, int threshold) {
  bool withheld = false;
  for (;;) {
    std::vector<std::size_t> below = shown_below(children, out, p);
    if (below.empty()) return withheld;
    std::vector<const GroupSize*> parts;
    for (std::size_t c : below) parts.push_back(&groups[c]);
    std::int64_t hidden = people_in(hidden_part(groups[p], parts));
    if (hidden == 0 || hidden >= threshold) return withheld;
    std::size_t smallest = *std::min_element(below.begin(), below.end(), [&](std::size_t a, std::size_t b) {
      return std::pair(people_in(groups[a]), a) < std::pair(people_in(groups[b]), b);  // ties: the earlier
    });
    out[smallest] = {false, complementary(threshold)};
    withheld = true;
  }
}

}  // namespace

std::int64_t people_in(const GroupSize& group) {
  std::int64_t most = 0;
  for (std::size_t k = 0; k < group.answers.size(); ++k)
    most = std::max(most, group.answers[k] - at(group.own, k));
  return most;
}

Result<int> anonymity_threshold(Store& store) {
  ListOptions first;
  first.limit = 1;
  Result<std::vector<Json>> orgs = list(store, Kind::organisation, first);
  DEBRIEF_TRY(orgs.status());
  int t = orgs->empty() ? kDefaultAnonymityThreshold
                        : (*orgs)[0].value("anonymity_threshold", kDefaultAnonymityThreshold);
  return mutated("anonymity_threshold") ? 1 : std::max(t, kMinAnonymityThreshold);
}

std::vector<Disclosure> disclose(const std::vector<GroupSize>& groups, int threshold) {
  std::vector<Disclosure> out(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (people_in(groups[i]) >= threshold) out[i].shown = true;
    else out[i].reason = !any_positive(groups[i].answers) && !groups[i].answered_unseen
                             ? kNoResponsesYet
                             : too_few(threshold, any_positive(groups[i].own));
  }
  // Every group, shown or not, against what is shown below it. Withholding
  // a group can enlarge what is left of a group above it, so the pass
  // repeats until nothing more is withheld; it ends, since each pass that
  // goes on withholds one more group.
  std::vector<std::vector<std::size_t>> children(groups.size());
  for (std::size_t c = 0; c < groups.size(); ++c)
    if (groups[c].parent >= 0) children[static_cast<std::size_t>(groups[c].parent)].push_back(c);
  for (bool again = true; again;) {
    again = false;
    for (std::size_t p = 0; p < groups.size(); ++p) again = protect_rest(groups, children, out, p, threshold) || again;
  }
  return out;
}

}  // namespace debrief
