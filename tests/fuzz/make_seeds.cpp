// Writes the fuzz targets' seed corpora and dictionary (scripts/fuzz runs
// it before fuzzing): debrief_fuzz_seeds OUT_DIR makes
//   OUT_DIR/pushed_change/<action>: what a device pushes after one action of
//     its person (a pusher byte, then a PushBatch): made on a device that
//     pulled every record of the fuzz store, so the changes name its records;
//   OUT_DIR/frame_decoder/<name>: those pushes as frames, a pull batch of
//     the store's first changes, and one frame of each other body;
//   OUT_DIR/json.dict: the JSON member names and one-word values of the
//     kinds and of the store's records, as libFuzzer dictionary entries.
// Exits non-zero, naming the action, when a write the seeds need fails (the
// demo changed): seeds that fail where they should not would fuzz less.
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "debrief/records.h"
#include "debrief/replication.h"
#include "debrief/sync/wire.h"
#include "fuzz_store.h"

namespace {

using namespace debrief;
namespace pb = debrief::sync::pb;
namespace fs = std::filesystem;

enum Pusher : std::uint8_t { kParticipant, kManager, kOrganiser, kAdmin };

// A seed that cannot be made: the message names what failed.
struct SeedError {
  std::string what;
};

template <class T>
T must(Result<T> r, const std::string& what) {
  if (!r.is_ok()) throw SeedError{what + ": " + r.status().message()};
  return std::move(*r);
}
void must(const Status& s, const std::string& what) {
  if (!s.is_ok()) throw SeedError{what + ": " + s.message()};
}

void write_file(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

Id id_of(const Json& record) { return must(Id::parse(record["id"].get<std::string>()), "an id"); }

std::vector<Json> all(Store& store, Kind kind, ListOptions options = {}) {
  return must(list(store, kind, options), std::string(spec_of(kind).name));
}

// The records of the fuzz store the actions name.
struct Named {
  std::vector<Id> pushers;
  Id team, event, other_event, activity, pulse, post_event, post_activity, organisation, kudos;
  Json event_starts, event_ends;
};

// A kudos that `person` may +1 and reply to: neither theirs, nor to them,
// nor one they have +1'd already.
Id kudos_for(Store& store, const Id& person) {
  for (const Json& k : all(store, Kind::kudos)) {
    bool to_them = false;
    for (const Json& to : k["to"]) to_them = to_them || to == person.hex();
    bool voiced = !all(store, Kind::plus_one, {.where = {{"kudos", k["id"].get<std::string>()}, {"person", person.hex()}}}).empty();
    if (k["author"] != person.hex() && !to_them && !voiced) return id_of(k);
  }
  throw SeedError{"no kudos the participant may +1"};
}

Id survey_of_kind(Store& store, const char* kind) {
  return id_of(all(store, Kind::survey, {.where = {{"kind", kind}}, .limit = 1}).at(0));
}

Named named(fuzz::FuzzStore& server) {
  Store& s = server.store();
  const std::vector<Id>& pushers = server.pushers();
  std::vector<Json> events = all(s, Kind::event);
  return {.pushers = pushers,
          .team = id_of(all(s, Kind::team).at(0)),
          .event = id_of(events.at(0)),
          .other_event = id_of(events.at(1)),
          .activity = id_of(all(s, Kind::activity, {.where = {{"event", id_of(events.at(0)).hex()}}}).at(0)),
          .pulse = survey_of_kind(s, "pulse"),
          .post_event = survey_of_kind(s, "post_event"),
          .post_activity = survey_of_kind(s, "post_activity"),
          .organisation = id_of(all(s, Kind::organisation).at(0)),
          .kudos = kudos_for(s, pushers[kParticipant]),
          .event_starts = events.at(0)["starts_at"],
          .event_ends = events.at(0)["ends_at"]};
}

// One action of a pusher's person on their device: its writes are one seed.
struct Action {
  const char* name;
  Pusher pusher;
  std::function<void(Store&)> write;
};

Id created(Store& s, Kind kind, const Json& fields) { return must(create(s, kind, fields), std::string(spec_of(kind).name)); }

// The person's answers to whichever of the surveys and events they have not
// answered yet (a second answer is refused).
void answer(Store& s, const Named& n, bool anonymous) {
  const Json pulse = {{"spirit", 4}, {"energy", "okay"}};
  const Json post_event = {{"overall", 2}, {"wrong", "too long"}, {"enps", 7}, {"favourite", {"talks"}}};
  for (const auto& [survey, answers] : {std::pair{n.pulse, pulse}, std::pair{n.post_event, post_event}})
    for (const Id& event : {n.event, n.other_event})
      if (create(s, Kind::response, {{"survey", survey.hex()}, {"event", event.hex()}, {"anonymous", anonymous}, {"answers", answers}}).is_ok())
        return;
  throw SeedError{"the person has answered every survey"};
}

std::vector<Action> actions(const Named& n) {
  const std::string person = n.pushers[kParticipant].hex(), manager = n.pushers[kManager].hex();
  return {
      {"kudos", kParticipant, [=](Store& s) {
         created(s, Kind::kudos, {{"to", {manager}}, {"action", "rebuilt the demo overnight"},
                                  {"outcome", "the client signed on the spot"}, {"category", "teamwork"},
                                  {"event", n.event.hex()}});
       }},
      {"reflection_shared", kParticipant, [=](Store& s) {
         Id r = created(s, Kind::reflection, {{"event", n.event.hex()}, {"text", "I listened more."}, {"shared", false}});
         must(update(s, Kind::reflection, r, {{"shared", true}}), "share");
       }},
      {"plus_one", kParticipant, [=](Store& s) { created(s, Kind::plus_one, {{"kudos", n.kudos.hex()}}); }},
      {"reply", kParticipant, [=](Store& s) {
         created(s, Kind::reply, {{"target_kind", "kudos"}, {"target", n.kudos.hex()}, {"text", "Well deserved."}});
       }},
      {"answers", kParticipant, [=](Store& s) { answer(s, n, false); }},
      {"anonymous_answers", kManager, [=](Store& s) { answer(s, n, true); }},
      {"summary_published", kManager, [=](Store& s) {
         Id m = created(s, Kind::summary, {{"event", n.event.hex()}, {"heard", "Too many talks"},
                                           {"will_do", "Half the talks"}, {"published", false}});
         must(update(s, Kind::summary, m, {{"published", true}}), "publish");
       }},
      {"event_renamed", kOrganiser, [=](Store& s) {
         Id e = created(s, Kind::event, {{"title", "Spring offsite"}, {"starts_at", "2027-04-01T08:00:00Z"},
                                         {"ends_at", "2027-04-01T18:00:00Z"}, {"teams", {n.team.hex()}},
                                         {"speakers", {"Dr. Park"}}, {"crew", {person}}});
         must(update(s, Kind::event, e, {{"title", "Spring retreat"}}), "rename");
       }},
      {"event_moved", kOrganiser, [=](Store& s) { must(update(s, Kind::event, n.event, {{"location", "Sintra"}}), "move"); }},
      {"activity", kOrganiser, [=](Store& s) {
         created(s, Kind::activity, {{"event", n.event.hex()}, {"title", "Escape room"}, {"kind", "game"},
                                     {"starts_at", n.event_starts}, {"ends_at", n.event_ends},
                                     {"survey", n.post_activity.hex()}});
       }},
      {"activity_deleted", kOrganiser, [=](Store& s) { must(remove(s, Kind::activity, n.activity), "delete"); }},
      {"survey", kOrganiser, [=](Store& s) {
         created(s, Kind::survey, {{"title", "Pulse"}, {"kind", "pulse"}, {"allow_anonymous", false},
                                   {"questions", Json::parse(R"([{"id":"a","type":"rating","text":"A?","required":true},
                                     {"id":"b","type":"text","text":"Why?","show_if":{"q":"a","op":"<=","value":2}}])")}});
       }},
      {"team", kAdmin, [=](Store& s) {
         created(s, Kind::team, {{"name", "Ops"}, {"parent", n.team.hex()}, {"manager", manager}});
       }},
      {"person_promoted", kAdmin, [=](Store& s) {
         Id p = created(s, Kind::person, {{"name", "Cleo Park"}, {"email", "cleo@example.com"}, {"team", n.team.hex()}});
         must(update(s, Kind::person, p, {{"role", "organiser"}}), "promote");
       }},
      {"device", kAdmin, [=](Store& s) { created(s, Kind::device, {{"person", person}, {"name", "Ana's phone"}}); }},
      {"threshold", kAdmin, [=](Store& s) {
         must(update(s, Kind::organisation, n.organisation, {{"anonymity_threshold", 7}}), "threshold");
       }},
  };
}

pb::Change wire_of(Store& store, const Change& change) { return sync::to_proto(must(to_wire(store, change), "to_wire")); }

// A device that pulled every record of `server`, in a directory of its own.
std::unique_ptr<Store> pulled_device(Store& server, const fs::path& dir, Env& env) {
  std::unique_ptr<Store> device = must(Store::open(dir, {.env = &env}), "open the device");
  std::vector<WireChange> wire;
  for (const Change& c : must(changes_after(server, 0), "the feed")) wire.push_back(must(to_wire(server, c), "to_wire"));
  must(apply_remote(*device, wire), "pull");
  return device;
}

// The PushBatch the device sends after `action`.
pb::PushBatch pushed(Store& device, const Named& n, const Action& action) {
  must(device.set_me(n.pushers[action.pusher]), "act");
  std::int64_t before = must(last_seq(device), "seq");
  action.write(device);
  pb::PushBatch batch;
  for (const Change& c : must(changes_after(device, before), "changes")) *batch.add_changes() = wire_of(device, c);
  batch.set_batch_id(static_cast<std::uint64_t>(must(last_seq(device), "seq")));
  return batch;
}

// A PullBatch of the store's first changes, and one frame of each other
// body a session exchanges.
std::vector<pb::Frame> other_frames(Store& server) {
  std::vector<pb::Frame> out(9);
  pb::Hello* hello = out[0].mutable_hello();
  hello->set_protocol_version(sync::kProtocolVersion);
  hello->set_app_version(sync::kAppVersion);
  hello->set_device_id(std::string(16, '\1'));
  hello->set_device_secret(std::string(32, '\2'));
  pb::EnrollRequest* enroll = out[1].mutable_enroll_request();
  enroll->set_protocol_version(sync::kProtocolVersion);
  enroll->set_device_id(std::string(16, '\1'));
  enroll->set_code("ABCD-EFGH");
  out[2].mutable_pull()->set_cursor(12);
  pb::PullBatch* batch = out[3].mutable_pull_batch();
  for (const Change& c : must(changes_after(server, 0, 30), "the feed")) *batch->add_changes() = wire_of(server, c);
  batch->set_cursor(30);
  batch->set_more(true);
  out[4].mutable_subscribe();
  pb::MediaOffer* offer = out[5].mutable_media_offer();
  offer->set_sha256(std::string(64, 'a'));
  offer->set_size(5);
  offer->add_chunks(std::string(32, '\3'));
  out[6].mutable_media_chunk()->set_data("hello");
  out[7] = sync::error_frame(pb::Error::INVALID, "a change the server cannot apply");
  out[8].mutable_bye();
  return out;
}

// libFuzzer's dictionary syntax: a quoted string, \\, \" and \xNN escaped.
std::string dict_entry(const std::string& token) {
  std::string out = "\"";
  for (unsigned char ch : token) {
    if (ch == '"' || ch == '\\') out += '\\', out += static_cast<char>(ch);
    else if (ch >= 0x20 && ch < 0x7f) out += static_cast<char>(ch);
    else out += "\\x" + std::string(1, "0123456789abcdef"[ch >> 4]) + "0123456789abcdef"[ch & 15];
  }
  return out + "\"";
}

// Short texts of one word: choices ("teamwork"), question types and ids,
// comparisons ("<="); not names or sentences.
bool is_word(const std::string& text) { return text.size() <= 16 && text.find(' ') == std::string::npos; }

// Member names as they appear in JSON text ("name":), words as themselves.
void gather_tokens(const Json& j, std::set<std::string>& tokens) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      tokens.insert(Json(key).dump() + ":");
      gather_tokens(value, tokens);
    }
  } else if (j.is_array()) {
    for (const Json& v : j) gather_tokens(v, tokens);
  } else if (j.is_string() && is_word(j.get_ref<const std::string&>())) {
    tokens.insert(j.dump());
  }
}

// Every field and choice of every kind (kind.h), and what the store's
// records add: the members and words of their documents (survey questions,
// answers).
std::string dictionary(Store& store) {
  std::set<std::string> tokens;
  for (const KindSpec& k : all_kinds()) {
    for (const FieldSpec& f : k.fields) {
      tokens.insert(Json(f.name).dump() + ":");
      for (std::string_view choice : f.choices) tokens.insert(Json(choice).dump());
    }
    for (const Json& r : all(store, k.kind, {.include_deleted = true})) gather_tokens(r, tokens);
  }
  std::string out;
  for (const std::string& t : tokens) out += dict_entry(t) + "\n";
  return out;
}

void make_seeds(const fs::path& out) {
  fuzz::FuzzStore server;
  Named n = named(server);
  SeededEnv device_env(2, fuzz::kNowMs);  // a device id of its own
  std::unique_ptr<Store> device = pulled_device(server.store(), server.dir() / "device", device_env);
  fs::create_directories(out / "pushed_change");
  fs::create_directories(out / "frame_decoder");
  for (const Action& a : actions(n)) {
    pb::PushBatch batch;
    try {
      batch = pushed(*device, n, a);
    } catch (const SeedError& e) {
      throw SeedError{std::string(a.name) + ": " + e.what};
    }
    write_file(out / "pushed_change" / a.name, std::string(1, static_cast<char>(a.pusher)) + batch.SerializeAsString());
    pb::Frame frame;
    *frame.mutable_push() = batch;
    write_file(out / "frame_decoder" / (std::string("push_") + a.name), sync::encode_frame(frame));
  }
  for (const pb::Frame& f : other_frames(server.store()))
    write_file(out / "frame_decoder" / pb::Frame::GetDescriptor()->FindFieldByNumber(f.body_case())->name(), sync::encode_frame(f));
  write_file(out / "json.dict", dictionary(server.store()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
    return 2;
  }
  try {
    make_seeds(argv[1]);
  } catch (const SeedError& e) {
    std::fprintf(stderr, "debrief_fuzz_seeds: %s\n", e.what.c_str());
    return 1;
  }
  return 0;
}
