#include "kudos_wall.h"

#include <map>
#include <set>

#include "debrief/kind.h"
#include "debrief/time.h"
#include "agenda.h"
#include "directory.h"

namespace debrief::desktop {
namespace {

struct PlusOnes {
  std::map<std::string, std::int64_t> count;  // kudos hex id -> +1s
  std::set<std::string> mine;
};

Result<PlusOnes> load_plus_ones(Store& store) {
  Result<std::vector<Json>> all = list(store, Kind::plus_one);
  DEBRIEF_TRY(all.status());
  PlusOnes p;
  std::string me = store.me() ? store.me()->hex() : "";
  for (const Json& o : *all) {
    std::string kudos = o.value("kudos", "");
    ++p.count[kudos];
    if (!me.empty() && o.value("person", Json()) == me) p.mine.insert(kudos);
  }
  return p;
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

}  // namespace

Result<std::vector<KudosCard>> load_kudos_wall(Store& store, const KudosFilter& filter) {
  Result<Directory> dir = load_directory(store);
  DEBRIEF_TRY(dir.status());
  Result<PlusOnes> plus = load_plus_ones(store);
  DEBRIEF_TRY(plus.status());
  Result<std::vector<Json>> all = list(store, Kind::kudos, {.newest_first = true});
  DEBRIEF_TRY(all.status());
  std::vector<KudosCard> cards;
  for (const Json& k : *all) {
    if (!matches(filter, k, *dir)) continue;
    std::string id = k["id"];
    cards.push_back({id, k.value("author", Json()).is_string() ? dir->person(k["author"]) : "someone",
                     names_of(k, *dir), k.value("action", ""), k.value("outcome", ""), k.value("category", ""),
                     k.value("created_at", "").substr(0, 10), plus->count[id], plus->mine.count(id) > 0});
  }
  return cards;
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
