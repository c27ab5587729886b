#include "debrief/privacy.h"

#include <algorithm>
#include <numeric>

#include "debrief/records.h"

namespace debrief {
namespace {

std::string too_few(int threshold) {
  return "withheld: fewer than " + std::to_string(threshold) +
         " people answered, so their answers could identify them";
}

std::string complementary(int threshold) {
  return "withheld: with the groups beside it shown, a group of fewer than " +
         std::to_string(threshold) + " could be worked out by subtraction";
}

// Withholds shown children of one parent, smallest first, until the
// withheld part of the parent (withheld children plus the remainder in no
// child) is empty or holds at least `threshold` respondents.
void protect_siblings(const std::vector<GroupSize>& groups, std::vector<Disclosure>& out,
                      const std::vector<std::size_t>& children, std::int64_t parent_size,
                      int threshold) {
  std::int64_t in_children = 0, withheld = 0;
  for (std::size_t c : children) {
    in_children += groups[c].respondents;
    if (!out[c].shown) withheld += groups[c].respondents;
  }
  withheld += std::max<std::int64_t>(0, parent_size - in_children);
  std::vector<std::size_t> shown;
  for (std::size_t c : children) if (out[c].shown) shown.push_back(c);
  std::sort(shown.begin(), shown.end(),
            [&](std::size_t a, std::size_t b) { return groups[a].respondents < groups[b].respondents; });
  for (std::size_t c : shown) {
    if (withheld == 0 || withheld >= threshold) break;
    out[c] = {false, complementary(threshold)};
    withheld += groups[c].respondents;
  }
}

}  // namespace

Result<int> anonymity_threshold(Store& store) {
  ListOptions first;
  first.limit = 1;
  Result<std::vector<Json>> orgs = list(store, Kind::organisation, first);
  DEBRIEF_TRY(orgs.status());
  int t = orgs->empty() ? kDefaultAnonymityThreshold
                        : (*orgs)[0].value("anonymity_threshold", kDefaultAnonymityThreshold);
  return std::max(t, kMinAnonymityThreshold);
}

std::vector<Disclosure> disclose(const std::vector<GroupSize>& groups, int threshold) {
  std::vector<Disclosure> out(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].respondents >= threshold) out[i].shown = true;
    else out[i].reason = groups[i].respondents == 0 ? kNoResponsesYet : too_few(threshold);
  }
  // Parents are settled before their children's siblings are checked,
  // because a parent comes earlier; a parent withheld here only ever makes
  // its children's totals harder to derive.
  for (std::size_t p = 0; p < groups.size(); ++p) {
    std::vector<std::size_t> children;
    for (std::size_t c = p + 1; c < groups.size(); ++c)
      if (groups[c].parent == static_cast<int>(p)) children.push_back(c);
    if (!children.empty()) protect_siblings(groups, out, children, groups[p].respondents, threshold);
  }
  return out;
}

}  // namespace debrief
