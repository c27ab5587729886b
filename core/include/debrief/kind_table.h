// The kinds of record Debrief keeps and their fields, as constant data: the
// one description kind.h speaks of. kind.cpp serves it at run time
// (all_kinds, spec_of); what the description says of itself is checked when
// it is compiled (names_resolve). Limits are in bytes of UTF-8 for text.
// Include it only where the table itself is needed; everything else asks
// kind.h.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "debrief/kind.h"

namespace debrief::kinds {
// How the table below writes a field.
namespace make {

using F = FieldSpec;
using T = FieldType;
using sv = std::string_view;

constexpr F text(sv name, std::int64_t max, bool required, sv help) {
  return {.name = name, .type = T::text, .required = required, .max = max, .help = help};
}
constexpr F ref(sv name, Kind to, bool required, sv help) {
  return {.name = name, .type = T::ref, .required = required, .ref_kind = to, .help = help};
}
constexpr F refs(sv name, Kind to, sv help) {
  return {.name = name, .type = T::ref_list, .ref_kind = to, .help = help};
}
constexpr F flag(sv name, bool fallback, sv help) {
  return {.name = name, .type = T::boolean, .help = help, .default_int = fallback ? 1 : 0};
}
constexpr F when(sv name, bool required, sv help) {
  return {.name = name, .type = T::time, .required = required, .help = help};
}
constexpr F choice(sv name, std::span<const sv> choices, sv fallback, sv help) {
  return {.name = name, .type = T::choice, .required = fallback.empty(), .choices = choices,
          .help = help, .default_text = fallback};
}
constexpr F author(sv name = "author") {
  return {.name = name, .type = T::ref, .input = false, .ref_kind = Kind::person,
          .help = "who wrote it (set by Debrief: the person this device acts for)"};
}

}  // namespace make

using namespace make;

inline constexpr std::int64_t kName = 200;
inline constexpr std::int64_t kLongText = 4000;
inline constexpr std::int64_t kJournal = 20000;

// In the order of Role (actor.h): actor.cpp names roles from it.
inline constexpr std::array<sv, 4> kRoles{"participant", "manager", "organiser", "admin"};
inline constexpr std::array<sv, 7> kActivityKinds{"talk",     "game",       "meal",   "workshop",
                                           "reflection_break", "outdoor", "other"};
inline constexpr std::array<sv, 3> kSurveyKinds{"pulse", "post_activity", "post_event"};
inline constexpr std::array<sv, 7> kKudosCategories{"behind_the_scenes", "customer_save", "teamwork",
                                             "going_extra_mile",  "mentoring",     "innovation",
                                             "other"};
inline constexpr std::array<sv, 4> kReplyTargets{"response", "reflection", "kudos", "summary"};
inline constexpr std::array<sv, 4> kMediaOwners{"event", "activity", "reflection", "kudos"};

inline constexpr std::array<F, 2> kOrganisationFields{
    text("name", kName, true, "the organisation's name"),
    F{.name = "anonymity_threshold", .type = T::integer, .min = 3, .max = 1000,
      .help = "fewest respondents before group results show (at least 3)", .default_int = 5},
};
inline constexpr std::array<F, 3> kTeamFields{
    text("name", kName, true, "the team's name"),
    ref("parent", Kind::team, false, "the team this one belongs to"),
    ref("manager", Kind::person, false, "the person who manages this team"),
};
inline constexpr std::array<F, 4> kPersonFields{
    text("name", kName, true, "full name"),
    text("email", kName, false, "work e-mail"),
    ref("team", Kind::team, false, "the team they belong to"),
    choice("role", kRoles, "participant", "participant, manager, organiser or admin"),
};
inline constexpr std::array<F, 3> kDeviceFields{
    ref("person", Kind::person, true, "whose device it is"),
    text("name", kName, false, "e.g. 'Ana's phone'"),
    flag("revoked", false, "a revoked device may no longer sync"),
};
inline constexpr std::array<F, 10> kEventFields{
    text("title", kName, true, "what the event is called"),
    text("theme", kName, false, "the theme that ties it together"),
    text("description", kLongText, false, "what to expect"),
    when("starts_at", true, "start, e.g. 2026-12-03T09:00"),
    when("ends_at", true, "end, e.g. 2026-12-03T17:00"),
    text("location", kName, false, "where it happens"),
    flag("offsite", false, "held away from the office"),
    F{.name = "speakers", .type = T::text_list, .max = kName, .help = "speakers and guests"},
    refs("crew", Kind::person, "the organisers behind the scenes"),
    refs("teams", Kind::team, "the teams invited"),
};
inline constexpr std::array<F, 6> kActivityFields{
    ref("event", Kind::event, true, "the event this activity is part of"),
    text("title", kName, true, "what the activity is called"),
    choice("kind", kActivityKinds, "other", "talk, game, meal, workshop, reflection_break, outdoor or other"),
    when("starts_at", true, "start"),
    when("ends_at", true, "end"),
    ref("survey", Kind::survey, false, "the survey asked after it"),
};
inline constexpr std::array<F, 4> kSurveyFields{
    text("title", kName, true, "what the survey is called"),
    choice("kind", kSurveyKinds, "", "pulse, post_activity or post_event"),
    flag("allow_anonymous", true, "whether people may answer anonymously"),
    F{.name = "questions", .type = T::document, .required = true, .max = 256 << 10,
      .help = "the questions and branches, as JSON (see survey.h)"},
};
inline constexpr std::array<F, 7> kResponseFields{
    ref("survey", Kind::survey, true, "the survey answered"),
    ref("event", Kind::event, false, "the event it is about"),
    ref("activity", Kind::activity, false, "the activity it is about"),
    flag("anonymous", false, "answer without your name"),
    author(),
    F{.name = "team", .type = T::ref, .input = false, .ref_kind = Kind::team,
      .help = "the author's team, the group its results count towards (set by Debrief)"},
    F{.name = "answers", .type = T::document, .required = true,
      .help = "question id -> answer, as JSON", .column = false},
};
inline constexpr std::array<F, 4> kParticipationFields{
    author("person"),
    ref("survey", Kind::survey, true, "the survey answered"),
    ref("event", Kind::event, false, "the event"),
    ref("activity", Kind::activity, false, "the activity"),
};
inline constexpr std::array<F, 5> kReflectionFields{
    author(),
    ref("event", Kind::event, false, "the event"),
    ref("activity", Kind::activity, false, "the activity reflected on"),
    text("text", kJournal, true, "what you think, looking back"),
    flag("shared", false, "shared with others (private by default)"),
};
inline constexpr std::array<F, 8> kKudosFields{
    author(),
    refs("to", Kind::person, "the people thanked"),
    ref("to_team", Kind::team, false, "the team thanked"),
    text("action", 1000, true, "the specific thing they did"),
    text("outcome", 1000, true, "what came of it"),
    choice("category", kKudosCategories, "other",
           "behind_the_scenes, customer_save, teamwork, going_extra_mile, mentoring, innovation or other"),
    ref("event", Kind::event, false, "the event it happened at"),
    ref("activity", Kind::activity, false, "the activity it happened in"),
};
inline constexpr std::array<F, 2> kPlusOneFields{
    ref("kudos", Kind::kudos, true, "the kudos you add your voice to"),
    author("person"),
};
inline constexpr std::array<F, 4> kReplyFields{
    author(),
    choice("target_kind", kReplyTargets, "", "response, reflection, kudos or summary"),
    text("target", 32, true, "the id of what is replied to"),
    text("text", kLongText, true, "the reply"),
};
inline constexpr std::array<F, 5> kSummaryFields{
    ref("event", Kind::event, true, "the event summarised"),
    text("heard", kJournal, false, "what we heard"),
    text("will_do", kJournal, false, "what we'll do"),
    flag("published", false, "published to the participants"),
    author(),
};
inline constexpr std::array<F, 7> kMediaFields{
    F{.name = "sha256", .type = T::text, .input = false, .max = 64, .help = "content hash"},
    F{.name = "mime", .type = T::text, .input = false, .max = 100, .help = "content type"},
    F{.name = "size", .type = T::integer, .input = false, .min = 0, .max = INT64_MAX, .help = "bytes"},
    F{.name = "name", .type = T::text, .input = false, .max = 255, .help = "original file name"},
    F{.name = "owner_kind", .type = T::choice, .input = false, .choices = kMediaOwners,
      .help = "what it is attached to"},
    F{.name = "owner", .type = T::text, .input = false, .max = 32, .help = "the id it is attached to"},
    author(),
};

inline constexpr std::array<sv, 1> kReflectionMutable{"shared"};
// A summary travels whole, as it stands: its drafts are its author's alone
// (Readers::owner_or_open), and readers who synced past its draft receive
// it when it is published.
inline constexpr std::array<sv, 3> kSummaryMutable{"heard", "will_do", "published"};

inline constexpr std::array<sv, 2> kColsOrg{"name", "anonymity_threshold"};
inline constexpr std::array<sv, 3> kColsTeam{"name", "parent", "manager"};
inline constexpr std::array<sv, 4> kColsPerson{"name", "email", "team", "role"};
inline constexpr std::array<sv, 3> kColsDevice{"person", "name", "revoked"};
inline constexpr std::array<sv, 4> kColsEvent{"title", "starts_at", "location", "offsite"};
inline constexpr std::array<sv, 4> kColsActivity{"title", "kind", "starts_at", "event"};
inline constexpr std::array<sv, 3> kColsSurvey{"title", "kind", "allow_anonymous"};
inline constexpr std::array<sv, 4> kColsResponse{"survey", "event", "anonymous", "created_at"};
inline constexpr std::array<sv, 3> kColsParticipation{"person", "survey", "event"};
inline constexpr std::array<sv, 3> kColsReflection{"author", "shared", "text"};
inline constexpr std::array<sv, 4> kColsKudos{"author", "to", "category", "action"};
inline constexpr std::array<sv, 2> kColsPlusOne{"kudos", "person"};
inline constexpr std::array<sv, 3> kColsReply{"author", "target_kind", "text"};
inline constexpr std::array<sv, 3> kColsSummary{"event", "published", "heard"};
inline constexpr std::array<sv, 4> kColsMedia{"name", "mime", "size", "owner_kind"};

inline constexpr std::array<KindSpec, 15> kKinds{{
    {Kind::organisation, "organisation", "organisations", "organisations", Merge::per_field,
     kOrganisationFields, kColsOrg, "the organisation and its anonymity threshold"},
    {Kind::team, "team", "teams", "teams", Merge::per_field, kTeamFields, kColsTeam,
     "teams, nested, each with a manager"},
    {Kind::person, "person", "people", "people", Merge::per_field, kPersonFields, kColsPerson,
     "people and their roles"},
    {Kind::device, "device", "devices", "devices", Merge::per_field, kDeviceFields, kColsDevice,
     "the devices people sync from", true, {}, {Readers::owner, "person"}},
    {Kind::event, "event", "events", "events", Merge::per_field, kEventFields, kColsEvent,
     "team events: theme, dates, place, speakers, crew"},
    {Kind::activity, "activity", "activities", "activities", Merge::per_field, kActivityFields,
     kColsActivity, "the agenda of an event"},
    {Kind::survey, "survey", "surveys", "surveys", Merge::per_field, kSurveyFields, kColsSurvey,
     "survey templates with typed questions and branches"},
    {Kind::response, "response", "responses", "responses", Merge::per_record, kResponseFields,
     kColsResponse, "answers to a survey, attributed or anonymous", true, {},
     {Readers::owner_or_group_managers, "author", {}, "team"}},
    {Kind::participation, "participation", "participations", "participations", Merge::per_record,
     kParticipationFields, kColsParticipation,
     "who answered which survey (kept apart from what they answered)", false, {},
     {Readers::owner_or_managers, "person"}},
    {Kind::reflection, "reflection", "reflections", "reflections", Merge::per_record,
     kReflectionFields, kColsReflection, "private notes after an activity, shared when you choose",
     true, kReflectionMutable, {Readers::owner_or_open, "author", "shared"}},
    {Kind::kudos, "kudos", "kudos", "kudos", Merge::per_record, kKudosFields, kColsKudos,
     "specific praise: what they did and what came of it"},
    {Kind::plus_one, "plus-one", "plus-ones", "plus_ones", Merge::per_record, kPlusOneFields,
     kColsPlusOne, "adding your voice to a kudos"},
    {Kind::reply, "reply", "replies", "replies", Merge::per_record, kReplyFields, kColsReply,
     "a manager's reply to feedback", true, {}, {Readers::per_record}},
    {Kind::summary, "summary", "summaries", "summaries", Merge::per_record, kSummaryFields,
     kColsSummary, "what we heard, what we'll do", true, kSummaryMutable, {Readers::owner_or_open, "author", "published"}},
    {Kind::media, "media", "media", "media", Merge::per_record, kMediaFields, kColsMedia,
     "photos and videos, stored by content hash", false, {}, {Readers::per_record}},
}};

// Every name the description uses of itself names a field of its kind: list
// columns (or "created_at"), mutable fields, and the Reach's owner, open and
// team (an empty name names nothing, and needs nothing).
consteval bool names_resolve() {
  auto has = [](const KindSpec& k, std::string_view n) {
    if (n.empty()) return true;
    for (const FieldSpec& f : k.fields)
      if (f.name == n) return true;
    return false;
  };
  for (const KindSpec& k : kKinds) {
    for (std::string_view c : k.list_columns)
      if (c != "created_at" && !has(k, c)) return false;
    for (std::string_view m : k.mutable_fields)
      if (!has(k, m)) return false;
    if (!has(k, k.reach.owner) || !has(k, k.reach.open) || !has(k, k.reach.team)) return false;
  }
  return true;
}
static_assert(names_resolve(), "a kind's list column, mutable field or reach names no field of that kind");

}  // namespace debrief::kinds
