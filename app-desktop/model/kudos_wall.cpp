#include "kudos_wall.h"

#include <algorithm>

#include "debrief/fields.h"
#include "debrief/time.h"
#include "directory.h"

namespace debrief::desktop {
namespace {

// Kudos are read in chunks of this many, newest first, until a page is full.
constexpr std::int64_t kChunk = 256;

// The +1s of one kudos, and whether I gave one of them.
Status add_plus_ones(Store& store, KudosCard& card) {
  Result<std::int64_t> all = count(store, Kind::plus_one, {.where = {filter_by<Kind::plus_one>("kudos", card.id)}});
  DEBRIEF_TRY(all.status());
  card.plus_ones = *all;
  if (!store.me()) return Status::ok();
  Result<std::int64_t> mine = count(store, Kind::plus_one,
                                    {.where = {filter_by<Kind::plus_one>("kudos", card.id),
                                               filter_by<Kind::plus_one>("person", *store.me())}});
  DEBRIEF_TRY(mine.status());
  card.plus_oned_by_me = *mine > 0;
  return Status::ok();
}

bool matches(const KudosFilter& f, const RecordView<Kind::kudos>& k, const Directory& dir) {
  if (!f.category.empty() && k.text("category") != f.category) return false;
  std::vector<Id> to = k.refs("to");
  if (f.person && k.ref("author") != f.person && std::find(to.begin(), to.end(), *f.person) == to.end()) return false;
  if (!f.team || k.ref("to_team") == f.team) return true;
  for (const Id& p : to) {
    auto t = dir.team_of.find(p);
    if (t != dir.team_of.end() && t->second == *f.team) return true;
  }
  return false;
}

std::string names_of(const RecordView<Kind::kudos>& k, const Directory& dir) {
  std::string out;
  for (const Id& p : k.refs("to")) out += (out.empty() ? "" : ", ") + dir.person(p);
  if (std::optional<Id> team = k.ref("to_team")) out += (out.empty() ? "team " : ", team ") + dir.team(*team);
  return out;
}

KudosCard card_of(const RecordView<Kind::kudos>& k, const Directory& dir) {
  std::optional<Id> author = k.ref("author");
  return {k.id(),           author ? dir.person(*author) : "someone", names_of(k, dir), k.text("action"),
          k.text("outcome"), k.text("category"), k.created_at().substr(0, 10)};
}

}  // namespace

Result<KudosPage> load_kudos_page(Store& store, const KudosFilter& filter, const std::optional<Id>& after,
                                  std::size_t want) {
  Result<Directory> dir = load_directory(store);
  DEBRIEF_TRY(dir.status());
  ListOptions chunk_options{.limit = kChunk, .newest_first = true, .start_after = after};
  if (!filter.category.empty()) chunk_options.where.push_back(filter_by<Kind::kudos>("category", filter.category));
  KudosPage page;
  for (;;) {
    Result<std::vector<Json>> chunk = list(store, Kind::kudos, chunk_options);
    DEBRIEF_TRY(chunk.status());
    for (const Json& k : *chunk) {
      RecordView<Kind::kudos> kudos(k);
      page.next = kudos.id();
      if (!matches(filter, kudos, *dir)) continue;
      page.cards.push_back(card_of(kudos, *dir));
      DEBRIEF_TRY(add_plus_ones(store, page.cards.back()));
      if (page.cards.size() >= want) return page;
    }
    if (chunk->size() < static_cast<std::size_t>(kChunk)) {
      page.next.reset();
      return page;
    }
    chunk_options.start_after = page.next;
  }
}

Result<Id> give_kudos(Store& store, const KudosDraft& d) {
  FieldValues<Kind::kudos> fields;
  fields.set("to", d.to).set("action", d.action).set("outcome", d.outcome).set("category", d.category);
  if (d.event) fields.set("event", *d.event);
  return create(store, fields);
}

Status plus_one(Store& store, const Id& kudos) {
  return create(store, FieldValues<Kind::plus_one>().set("kudos", kudos)).status();
}

std::vector<std::string> kudos_categories() {
  const FieldSpec* f = field_named(spec_of(Kind::kudos), "category");
  return f ? std::vector<std::string>(f->choices.begin(), f->choices.end()) : std::vector<std::string>{};
}

}  // namespace debrief::desktop
