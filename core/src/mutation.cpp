#include "debrief/mutation.h"

#include <string>

namespace debrief {
namespace {

constexpr Mutation kMutations[] = {
    {"lww_by_clock", "a field keeps the write with the latest clock (last writer wins), not the last applied"},
    {"anonymity_threshold", "a group of answers is shown only from the organisation's threshold of people"},
    {"author_check", "only its author changes a record"},
    {"reach_rule", "the feed sends each record only to those it may reach (own, shared, managed teams)"},
    {"anonymous_device", "the server keeps neither the device nor the exact time of an anonymous answer"},
    {"refusal_forgotten", "a refusal names a change only in answer to the push it refused"},
    {"cursor_with_batch", "a device stores its pull cursor in the transaction that applies the batch"},
};

std::string& active() {
  static std::string name;
  return name;
}

}  // namespace

std::span<const Mutation> mutations() { return kMutations; }

bool mutated(std::string_view name) { return !active().empty() && active() == name; }

bool set_mutation(std::string_view name) {
#ifdef DEBRIEF_MUTATIONS
  bool known = name.empty();
  for (const Mutation& m : kMutations) known = known || m.name == name;
  if (known) active() = std::string(name);
  return known;
#else
  return name.empty();
#endif
}

}  // namespace debrief
