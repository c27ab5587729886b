// Which responses and participations an insight scope (an event's own
// surveys, or one activity) holds, as SQL. Internal to the core: shared by
// insights and the raw-response export so both read the same rows.
#pragma once

namespace debrief {

// `responses`: an SQL condition over responses r joined with their surveys
// s, with the scope's id at ?1. `kind` is the scope's kind in scope_tallies
// (scope_tallies.h); `participations`, a condition over participations p
// alone, with the id at ?1. Neither of the last two knows the survey's kind:
// readers leave pulse surveys out.
//
// A scope never counts pulse surveys: they measure team spirit before and
// after (insights.h), and a pulse may be answered once per window, so in a
// scope only a survey would name one voice (privacy.h, GroupSize).
struct ScopeSql {
  const char* kind;
  const char* responses;
  const char* participations;
};

// An event's own surveys, not its activities'.
inline constexpr ScopeSql kEventScope{"event", "r.event = ?1 AND r.activity IS NULL AND s.kind != 'pulse'",
                                      "p.event = ?1 AND p.activity IS NULL"};
inline constexpr ScopeSql kActivityScope{"activity", "r.activity = ?1 AND s.kind != 'pulse'", "p.activity = ?1"};

}  // namespace debrief
