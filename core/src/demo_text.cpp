#include "demo_text.h"

namespace debrief::demo_text {
namespace {

using sv = std::string_view;

constexpr sv kFirst[] = {"Ana", "Ben", "Chloé", "Dmitri", "Ebony", "Farid", "Grace", "Hiro", "Ines",
                         "Jonas", "Kemi", "Liam", "Maya", "Nikolai", "Olu", "Priya", "Quinn", "Rosa",
                         "Sami", "Tomás", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë", "Amara",
                         "Bruno", "Carmen", "Dev", "Elif", "Finn", "Gabriela", "Hamza", "Ingrid", "Jae"};
constexpr sv kLast[] = {"Almeida", "Brennan", "Chen", "Dubois", "Eze", "Fischer", "García", "Haddad",
                        "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor",
                        "Petrov", "Quispe", "Rossi", "Singh", "Tanaka", "Ueda", "Varga", "Walsh",
                        "Xu", "Yilmaz", "Zimmermann", "Andersen", "Bianchi", "Costa", "Dlamini"};
constexpr sv kDepartments[] = {"Customer Care", "Operations", "Engineering", "Sales", "Field Service", "People & Culture"};
constexpr sv kSubTeams[] = {"North", "South", "Night Shift", "Platform", "Mobile", "Enterprise", "Onboarding", "Escalations"};
constexpr sv kThemes[] = {"Back to basics", "Customers first", "Building bridges", "Fresh starts",
                          "Learning out loud", "One team", "Slow down to speed up", "Small wins"};
constexpr sv kEventKinds[] = {"Offsite", "Summit", "Kick-off", "Retreat", "Away day", "Hack day"};
constexpr sv kLocations[] = {"Lakeside Lodge", "Harbour Hall", "the main office, room 4.12", "Pine Ridge Camp",
                             "Old Mill Studios", "City Library annex", "Riverside Barn"};
constexpr sv kSpeakers[] = {"Dr. Helen Park (customer research)", "Marcus Obi (founder, Shiftwise)",
                            "Lena Sorensen (resilience coach)", "Raj Patel (head of support, Fernway)",
                            "Teresa Moll (improv trainer)"};
constexpr sv kActivities[] = {"Opening talk", "Escape room", "Team lunch", "Customer story workshop",
                              "Reflection break", "Guided hike", "Improv games", "Roadmap Q&A",
                              "Cooking challenge", "Closing circle"};
constexpr sv kPositive[] = {
    "Loved the energy in the room, best offsite we've had.",
    "The customer story workshop was genuinely useful, I already used one idea today.",
    "Great balance between talks and downtime. Felt recognised for the first time in ages.",
    "Really well organised, and the reflection breaks made a huge difference!",
    "I finally met people from the night shift, we have so much in common :)",
    "Inclusive and fun. The improv games got even the quiet ones laughing.",
    "Excellent speakers, clear agenda, and we left with real actions."};
constexpr sv kNeutral[] = {
    "It was fine. Some sessions were more relevant than others.",
    "Good venue, the agenda was a bit long.",
    "Okay overall; I would have liked more time with my own team.",
    "Mixed feelings: the talks were interesting but the games went on too long.",
    "Useful to hear the roadmap, not sure what changes for my daily work."};
constexpr sv kNegative[] = {
    "Felt rushed and nobody asked what we actually wanted.",
    "Too many talks, no time to breathe. I left more tired than I came.",
    "The games felt forced and the lunch was cold. Not worth a full day away from customers.",
    "Honestly it felt like micromanagement with a nicer venue.",
    "I'm burnt out and this did not help; we talked about workload and nothing came of it.",
    "Disorganised: the agenda changed twice and we waited an hour for the bus."};
constexpr sv kKeep[] = {"Keep the reflection breaks.", "Keep inviting customers to tell their stories.",
                        "Keep it offsite, it helps us switch off.", "Keep the mixed teams for the games."};
constexpr sv kWrong[] = {"It ran over time and we skipped the break.", "The room was too loud to talk.",
                         "It felt like a lecture, not a workshop.", "Nobody explained why we were doing it."};
constexpr sv kMore[] = {"time to talk with other teams", "customer stories", "outdoor activities",
                        "quiet reflection time", "hands-on workshops", "recognition of the support crew"};
constexpr sv kLess[] = {"slides", "long talks", "late finishes", "travel time", "competitive games"};
constexpr sv kStop[] = {"scheduling events on release weeks", "mandatory evening drinks",
                        "reading the agenda out loud", "surprise presentations"};
constexpr sv kReflections[] = {
    "I noticed I interrupt people when I'm nervous. Want to work on listening first.",
    "The hike reminded me how much better I think away from the screen.",
    "Hearing the escalations team's side changed how I see our handovers.",
    "I was sceptical about the workshop but the customer story hit home.",
    "Felt a bit left out in the games; next time I'll speak up earlier."};
constexpr sv kActions[] = {
    "stayed two hours late to rebuild the demo after the server crashed",
    "turned an angry caller around and had her laughing by the end of the call",
    "rewrote the onboarding checklist so new starters find the tools on day one",
    "drove the spare parts to the Riverside site through the storm",
    "set up every room and printed the badges before anyone arrived at the offsite",
    "paired with the new hire all week on the billing migration",
    "spotted the duplicate invoices before they went out to forty clients",
    "covered the night shift queue while two colleagues were ill"};
constexpr sv kOutcomes[] = {
    "the client signed the renewal the same afternoon",
    "the customer cancelled her complaint and left a five-star review",
    "the new starters shipped their first fix in week one",
    "the site reopened a day early and nobody lost pay",
    "the whole day started on time and people could focus on each other",
    "the migration finished a week ahead of plan with no outage",
    "we avoided forty refund calls and a very awkward month-end",
    "no customer waited more than ten minutes all weekend"};
constexpr sv kFavourite[] = {"talks", "games", "food", "workshops", "outdoors", "people"};

}  // namespace

const Bank first_names = kFirst, last_names = kLast, departments = kDepartments, sub_teams = kSubTeams,
           event_themes = kThemes, event_kinds = kEventKinds, locations = kLocations,
           speakers = kSpeakers, activity_titles = kActivities, positive_comments = kPositive,
           neutral_comments = kNeutral, negative_comments = kNegative, keep_comments = kKeep,
           wrong_comments = kWrong, more_of = kMore, less_of = kLess, stop_doing = kStop,
           reflections = kReflections, kudos_actions = kActions, kudos_outcomes = kOutcomes,
           favourite_parts = kFavourite;

}  // namespace debrief::demo_text
