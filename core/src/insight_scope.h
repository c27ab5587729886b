// Which responses and participations an insight scope (an event's own
// surveys, or one activity) holds, as SQL. Internal to the core: shared by
// insights and the raw-response export so both read the same rows.
#pragma once

namespace debrief {

// `responses`: an SQL condition over responses r joined with their surveys
// s, with the scope's id at ?1. `kind` is the scope's kind in scope_tallies
// (scope_tallies.h); `participations`, a condition over participations p
// alone, with the id at ?1. Neither of the last two knows the survey's kind:
// readers leave pulse surveys out unless `counts_pulse`.
struct ScopeSql {
  const char* kind;
  const char* responses;
  const char* participations;
  bool counts_pulse;
};

// An event's own surveys: not its activities', and not pulse surveys (those
// measure team spirit before and after).
inline constexpr ScopeSql kEventScope{"event", "r.event = ?1 AND r.activity IS NULL AND s.kind != 'pulse'",
                                      "p.event = ?1 AND p.activity IS NULL", false};
inline constexpr ScopeSql kActivityScope{"activity", "r.activity = ?1", "p.activity = ?1", true};

}  // namespace debrief
