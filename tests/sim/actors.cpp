#include "actors.h"

#include <cstring>
#include <fstream>

#include "debrief/media.h"
#include "debrief/records.h"

namespace debrief::sim {
namespace {

const char* const kDeeds[] = {"restocked the van before the storm", "rewrote the rota so nobody worked two weekends",
                              "walked the new starter through the escalation runbook", "fixed the projector before the keynote"};
const char* const kOutcomes[] = {"the crew finished every job that day", "the on-call week had no gaps",
                                 "the first ticket was closed in an hour", "the session started on time"};

// One of `kind`'s records on the device, by `pick` among those `keep` accepts.
std::optional<Json> one_of(Store& store, Kind kind, Rng& rng, const std::function<bool(const Json&)>& keep) {
  Result<std::vector<Json>> all = list(store, kind);
  if (!all.is_ok()) return std::nullopt;
  std::vector<Json> kept;
  for (Json& r : *all)
    if (keep(r)) kept.push_back(std::move(r));
  if (kept.empty()) return std::nullopt;
  return kept[rng.below(kept.size())];
}

std::string said(const Status& s) { return s.is_ok() ? "ok" : "refused (" + s.message() + ")"; }

// A photo of seeded bytes beside the device's store: mostly small, one in
// four over a chunk (kMediaChunkBytes), so that transfers resume.
std::filesystem::path write_photo(SimDevice& d, Rng& rng) {
  std::int64_t size = rng.percent(25) ? rng.between(1 << 20, 3 << 19) : rng.between(2'000, 60'000);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    std::uint64_t v = rng.next();
    std::memcpy(bytes.data() + i, &v, std::min<std::size_t>(8, bytes.size() - i));
  }
  std::filesystem::path photo = d.dir().parent_path() / ("photo-" + std::to_string(d.index()) + ".jpg");
  std::ofstream(photo, std::ios::binary) << bytes;
  return photo;
}

// A photo attached to one of the person's reflections or kudos.
Acted attach_photo(SimDevice& d, Rng& rng, Trace& trace, const std::string& who) {
  std::string me = d.person().hex();
  auto mine = [&](const Json& x) { return x.value("author", "") == me; };
  Kind kind = rng.percent(50) ? Kind::reflection : Kind::kudos;
  std::optional<Json> owner = one_of(d.store(), kind, rng, mine);
  if (!owner) return {};
  std::filesystem::path photo = write_photo(d, rng);
  Result<Id> id = add_media(d.store(), photo, kind, *Id::parse(owner->value("id", "")));
  std::filesystem::remove(photo);
  trace.say(who + "attaches a photo to " + std::string(spec_of(kind).name) + " " + owner->value("id", "").substr(24) +
            (id.is_ok() ? " as media " + short_id(*id) : "") + ": " + said(id.status()));
  return {};
}

}  // namespace

// Makes a record by calling create() on the device, and traces it.
using Create = std::function<Acted(const std::string& what, Kind kind, const Json& fields, bool anonymous)>;

// A manager's summary of the event: a draft written, rewritten, published
// or taken back. Only managers and admins may write one; the others are
// refused on their own device.
Acted write_summary(SimDevice& d, const Directory& dir, Rng& rng, const Update& updated, const Create& created) {
  std::string me = d.person().hex();
  auto mine = one_of(d.store(), Kind::summary, rng, [&](const Json& x) { return x.value("author", "") == me; });
  std::string text = "#" + std::to_string(rng.below(1000));
  if (!mine || rng.percent(20))
    return created("drafts a summary", Kind::summary,
                   {{"event", dir.event.hex()}, {"heard", "heard " + text}, {"will_do", "will do " + text}, {"published", rng.percent(20)}},
                   false);
  if (rng.percent(40)) {
    bool published = mine->value("published", false);
    return updated(published ? "takes back summary" : "publishes summary", Kind::summary, mine->value("id", ""), {{"published", !published}});
  }
  return updated("rewrites summary", Kind::summary, mine->value("id", ""), {{"heard", "heard " + text}, {"will_do", "will do " + text}});
}

// A person moves team, Support changes manager, or Per changes role.
Acted change_directory(const Directory& dir, Rng& rng, const Update& updated) {
  switch (rng.below(3)) {
    case 0: {
      std::vector<Id> movable = dir.movable();
      Id who = movable[rng.below(movable.size())];
      bool field = rng.percent(50);
      return updated(std::string("moves ") + short_id(who) + " to " + (field ? "Field" : "Support") + ": person", Kind::person, who.hex(),
                     {{"team", (field ? dir.field : dir.team).hex()}});
    }
    case 1: {
      Id manager = rng.percent(50) ? dir.manager : dir.p1;
      return updated("makes " + short_id(manager) + " Support's manager: team", Kind::team, dir.team.hex(), {{"manager", manager.hex()}});
    }
    default: {
      bool organiser = rng.percent(50);
      return updated("makes " + short_id(dir.p2) + (organiser ? " an organiser" : " a participant") + ": person", Kind::person,
                     dir.p2.hex(), {{"role", organiser ? "organiser" : "participant"}});
    }
  }
}

Acted act(SimDevice& d, const Directory& dir, Rng& rng, Trace& trace) {
  Store& s = d.store();
  std::string me = d.person().hex();
  std::string who = "device " + std::to_string(d.index()) + " (" + short_id(d.person()) + ") ";
  std::vector<Id> people = dir.people();
  Create created = [&](const std::string& what, Kind kind, const Json& fields, bool anonymous) {
    Result<Id> id = create(s, kind, fields);
    trace.say(who + what + (id.is_ok() ? " " + short_id(*id) : "") + ": " + said(id.status()));
    return id.is_ok() ? Acted{*id, anonymous} : Acted{};
  };
  Update updated = [&](const std::string& what, Kind kind, const std::string& id, const Json& fields) {
    Status u = update(s, kind, *Id::parse(id), fields);
    trace.say(who + what + " " + id.substr(24) + ": " + said(u));
    return Acted{};
  };
  // The admin changes the directory more often than others try to (and
  // are refused on their own device).
  switch (d.person() == dir.admin && rng.percent(30) ? 7 : rng.below(10)) {
    case 0: {
      Id to = people[rng.below(people.size())];
      return created("gives kudos to " + short_id(to), Kind::kudos,
                     {{"to", {to.hex()}}, {"action", std::string(kDeeds[rng.below(4)]) + " #" + std::to_string(rng.below(1000))},
                      {"outcome", kOutcomes[rng.below(4)]}},
                     false);
    }
    case 1: {
      auto k = one_of(s, Kind::kudos, rng, [&](const Json& r) { return r.value("author", "") != me; });
      if (!k) break;
      return created("+1s kudos " + k->value("id", "").substr(24), Kind::plus_one, {{"kudos", k->value("id", "")}}, false);
    }
    case 2: {
      bool anonymous = rng.percent(50);
      Json fields = {{"survey", dir.survey.hex()}, {"event", dir.event.hex()}, {"anonymous", anonymous},
                     {"answers", {{"score", rng.between(1, 5)}, {"why", "the hike"}}}};
      return created(anonymous ? "answers anonymously" : "answers by name", Kind::response, fields, anonymous);
    }
    case 3:
      return created("writes a reflection", Kind::reflection,
                     {{"event", dir.event.hex()}, {"text", "looking back #" + std::to_string(rng.below(1000))}, {"shared", rng.percent(40)}}, false);
    case 4: {
      auto r = one_of(s, Kind::reflection, rng, [&](const Json& x) { return x.value("author", "") == me; });
      if (!r) break;
      bool shared = r->value("shared", false);
      return updated(shared ? "unshares reflection" : "shares reflection", Kind::reflection, r->value("id", ""), {{"shared", !shared}});
    }
    case 5: {
      auto r = one_of(s, Kind::reflection, rng, [&](const Json& x) { return x.value("author", "") == me; });
      if (!r) break;
      return updated("rewrites reflection", Kind::reflection, r->value("id", ""), {{"text", "on second thought #" + std::to_string(rng.below(1000))}});
    }
    case 6:
      return updated("renames the event", Kind::event, dir.event.hex(), {{"title", "Offsite " + std::to_string(rng.below(100))}});
    case 7:
      return change_directory(dir, rng, updated);
    case 8:
      return write_summary(d, dir, rng, updated, created);
    default:
      return attach_photo(d, rng, trace, who);
  }
  trace.say(who + "finds nothing to do");
  return {};
}

}  // namespace debrief::sim
