#include "kudos_wall.h"

#include <algorithm>

#include "debrief/kind.h"
#include "debrief/time.h"
#include "agenda.h"
#include "directory.h"

namespace debrief::desktop {
namespace {

// Kudos are read in chunks of this many, newest first, until a page is full.
constexpr std::int64_t kChunk = 256;

// The +1s of one kudos, and whether I gave one of them.
Status add_plus_ones(Store& store, KudosCard& card) {
  Result<std::int64_t> all = count(store, Kind::plus_one, {.where = {{"kudos", card.id}}});
  DEBRIEF_TRY(all.status());
  card.plus_ones = *all;
  if (!store.me()) return Status::ok();
  Result<std::int64_t> mine = count(store, Kind::plus_one, {.where = {{"kudos", card.id}, {"person", store.me()->hex()}}});
  DEBRIEF_TRY(mine.status());
  card.plus_oned_by_me = *mine > 0;
  return Status::ok();
}

bool matches(const KudosFilter& f, const Json& k, const Directory& dir) {
  if (!f.category.empty() && k.value("category", "") != f.category) return false;
  std::vector<std::string> to = strings_in(k.value("to", Json()));
  if (!f.person.empty() && k.value("author", Json()) != f.person &&
      std::find(to.begin(), to.end(), f.person) == to.end())
    return false;
  if (f.team.empty() || k.value("to_team", Json()) == f.team) return true;
  for (const std::string& p : to) {
    auto t = dir.team_of.find(p);
    if (t != dir.team_of.end() && t->second == f.team) return true;
  }
  return false;
}

std::string names_of(const Json& k, const Directory& dir) {
  std::string out;
  for (const std::string& p : strings_in(k.value("to", Json()))) out += (out.empty() ? "" : ", ") + dir.person(p);
  if (k.value("to_team", Json()).is_string()) out += (out.empty() ? "team " : ", team ") + dir.team(k["to_team"]);
  return out;
}

KudosCard card_of(const Json& k, const Directory& dir) {
  return {k["id"], k.value("author", Json()).is_string() ? dir.person(k["author"]) : "someone", names_of(k, dir),
          k.value("action", ""), k.value("outcome", ""), k.value("category", ""),
          k.value("created_at", "").substr(0, 10)};
}

}  // namespace

Result<KudosPage> load_kudos_page(Store& store, const KudosFilter& filter, const std::string& after, std::size_t want) {
  Result<Directory> dir = load_directory(store);
  DEBRIEF_TRY(dir.status());
  ListOptions chunk_options{.limit = kChunk, .newest_first = true};
  if (!filter.category.empty()) chunk_options.where.emplace_back("category", filter.category);
  if (!after.empty()) {
    Result<Id> start = Id::parse(after);
    DEBRIEF_TRY(start.status());
    chunk_options.start_after = *start;
  }
  KudosPage page;
  for (;;) {
    Result<std::vector<Json>> chunk = list(store, Kind::kudos, chunk_options);
    DEBRIEF_TRY(chunk.status());
    for (const Json& k : *chunk) {
      page.next = k["id"];
      if (!matches(filter, k, *dir)) continue;
      page.cards.push_back(card_of(k, *dir));
      DEBRIEF_TRY(add_plus_ones(store, page.cards.back()));
      if (page.cards.size() >= want) return page;
    }
    if (chunk->size() < static_cast<std::size_t>(kChunk)) {
      page.next.clear();
      return page;
    }
    chunk_options.start_after = id_member(chunk->back(), "id");
  }
}

Result<Id> give_kudos(Store& store, const KudosDraft& d) {
  Json fields = {{"to", d.to}, {"action", d.action}, {"outcome", d.outcome}, {"category", d.category}};
  if (!d.event.empty()) fields["event"] = d.event;
  return create(store, Kind::kudos, fields);
}

Status plus_one(Store& store, const std::string& kudos) {
  return create(store, Kind::plus_one, {{"kudos", kudos}}).status();
}

std::vector<std::string> kudos_categories() {
  const FieldSpec* f = field_named(spec_of(Kind::kudos), "category");
  return f ? std::vector<std::string>(f->choices.begin(), f->choices.end()) : std::vector<std::string>{};
}

}  // namespace debrief::desktop
