// Which responses and participations an insight scope (an event's own
// surveys, or one activity) holds, as SQL. Internal to the core: shared by
// insights and the raw-response export so both read the same rows.
#pragma once

namespace debrief {

// SQL conditions with the scope's id at ?1: `responses` over responses r
// joined with their surveys s, `participations` over participations p
// joined with surveys s.
struct ScopeSql {
  const char* kind;
  const char* responses;
  const char* participations;
};

// An event's own surveys: not its activities', and not pulse surveys (those
// measure team spirit before and after).
inline constexpr ScopeSql kEventScope{"event", "r.event = ?1 AND r.activity IS NULL AND s.kind != 'pulse'",
                                      "p.event = ?1 AND p.activity IS NULL AND s.kind != 'pulse'"};
inline constexpr ScopeSql kActivityScope{"activity", "r.activity = ?1", "p.activity = ?1"};

}  // namespace debrief
