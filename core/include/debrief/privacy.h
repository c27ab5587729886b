// Privacy of group results, in one place: every insight view and every
// export decides what it may show through these functions (PRODUCT.md,
// privacy rules).
//
// - A group with fewer respondents than the organisation's threshold shows
//   no numbers (not even its count) and no anonymous comments, only the
//   reason.
// - Complementary suppression: the groups withheld inside a parent (its
//   children plus the parent's own remainder, the respondents in no child)
//   must together hold at least `threshold` respondents, or none at all, so
//   no small group can be worked out by subtracting the shown siblings from
//   the parent's total (or their means from its mean). Enough other shown
//   siblings are withheld, smallest first, to make it so.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "debrief/status.h"

namespace debrief {

class Store;

inline constexpr int kDefaultAnonymityThreshold = 5;
inline constexpr int kMinAnonymityThreshold = 3;

// The organisation's anonymity threshold: its anonymity_threshold, or the
// default when the store holds no organisation; never below the minimum.
Result<int> anonymity_threshold(Store& store);

// One group's size and where it sits: `parent` is the index of the group it
// is part of, earlier in the same list, or -1 for a root. Children of one
// parent are disjoint and together at most the parent.
struct GroupSize {
  std::int64_t respondents = 0;
  int parent = -1;
};

struct Disclosure {
  bool shown = false;
  std::string reason;  // why it shows no figures; empty when shown
};

// The reason a group nobody answered in shows no figures: not withheld by
// the privacy rules, only empty (DECISIONS.md).
inline constexpr const char* kNoResponsesYet = "no responses yet";

// What may be shown of each group, in the same order. Precondition: parents
// come before their children, and threshold >= kMinAnonymityThreshold.
std::vector<Disclosure> disclose(const std::vector<GroupSize>& groups, int threshold);

// Whether a comment may be shown within a group: attributed comments always
// (their authors signed them), anonymous ones only in a shown group.
inline bool may_show_comment(bool anonymous, const Disclosure& group) {
  return !anonymous || group.shown;
}

}  // namespace debrief
