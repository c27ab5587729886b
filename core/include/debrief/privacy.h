// Privacy of group results, in one place: every insight view and every
// export decides what it may show through these functions (docs/privacy.md).
//
// - A group resting on fewer people than the organisation's threshold
//   (distinct people, not answers, and not counting the reader: see
//   GroupSize) shows no numbers (not even its count) and no anonymous
//   comments, only the reason.
// - Complementary suppression: what is left of any group once every shown
//   group below it is subtracted (its withheld subgroups plus its own
//   remainder, the people in no subgroup) must rest on at least
//   `threshold` people, or on nobody but the reader, so no small group can
//   be worked out by subtracting shown groups' counts or means from a
//   larger one's, however deep. Enough shown groups are withheld, smallest
//   first, to make it so.
// - Across time, a device sees anonymous answers arrive only in batches of
//   the threshold or more per team and voice (the server pools them), so
//   two readings a day apart differ by no fewer people either.
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

// One group's answers and where it sits: `parent` is the index of the group
// it is part of, earlier in the same list, or -1 for a root. Children of one
// parent are disjoint and together at most the parent.
//
// Answers come per voice: one survey's one window about one event or
// activity, in which each person answers at most once (one voice). The
// people a group's figures rest on are therefore at least its largest count
// of one voice, and that is the count every rule uses: it never counts a
// person twice, and under-counts only people who answered different
// surveys, which withholds more, never less. Every group of one call lists
// the same voices in the same order.
//
// The reader is part of the arithmetic: `own` marks, per voice, the answer
// the person reading gave within this group (0 or 1; empty for none). She
// can subtract it from what is shown, so it is not counted.
struct GroupSize {
  std::vector<std::int64_t> answers;  // per voice
  int parent = -1;
  std::vector<std::int64_t> own;      // per voice, or empty
  // Whether someone is known to have answered (a participation this replica
  // holds) though none of the answers is here: a manager's device holds who
  // answered before their group reaches the threshold, and their answers
  // only after. Such a group is withheld, not empty.
  bool answered_unseen = false;
};

// The people a group's figures rest on, by the rule above, and so with
// the reader left out: the largest count of one voice.
std::int64_t people_in(const GroupSize& group);

struct Disclosure {
  bool shown = false;
  std::string reason;  // why it shows no figures; empty when shown
};

// The reason a group nobody answered in shows no figures: not withheld by
// the privacy rules, only empty (docs/privacy.md). Never said of a group
// someone is known to have answered in (GroupSize::answered_unseen).
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
