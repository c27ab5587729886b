#include "hostile.h"

#include "debrief/records.h"

namespace debrief::sim {
namespace {

sync::pb::Frame hello(SimDevice& d) {
  sync::pb::Frame f;
  auto* h = f.mutable_hello();
  h->set_protocol_version(sync::kProtocolVersion);
  h->set_app_version(sync::kAppVersion);
  h->set_device_id(sync::bytes_of(d.store().device_id()));
  h->set_device_secret(d.link.secret);
  return f;
}

// Someone else's record of `kind` on the server, if any, as it travels.
std::optional<Json> others(SimServer& server, Kind kind, const Id& me, Rng& rng) {
  Result<std::vector<Json>> all = list(server.store().records(), kind);
  if (!all.is_ok()) return std::nullopt;
  std::vector<Json> theirs;
  for (const Json& r : *all)
    if (r.value("author", "") != me.hex()) theirs.push_back(r);
  if (theirs.empty()) return std::nullopt;
  return theirs[rng.below(theirs.size())];
}

}  // namespace

namespace {

// Shares someone else's reflection (whole, as reflections travel): only
// its author may.
std::optional<WireChange> share_theirs(SimDevice& d, SimServer& server, Rng& rng) {
  std::optional<Json> target = others(server, Kind::reflection, d.person(), rng);
  if (!target) return std::nullopt;
  WireChange forged;
  forged.device = d.store().device_id();
  forged.hlc = Hlc::from_parts(d.env().now_ms(), 0);
  forged.kind = Kind::reflection;
  forged.record = *Id::parse(target->value("id", ""));
  forged.value = *target;
  forged.value["shared"] = !target->value("shared", false);
  return forged;
}

// An anonymous answer that names its device and its exact time, as a
// careless or curious client might send it: the server keeps neither.
std::optional<WireChange> anonymous_with_device(SimDevice& d, const Directory& dir, Rng& rng) {
  WireChange forged;
  forged.device = d.store().device_id();
  forged.hlc = Hlc::from_parts(d.env().now_ms(), 0);
  forged.kind = Kind::response;
  for (auto& b : forged.record.bytes) b = static_cast<std::uint8_t>(rng.next());  // random, as anonymous ids are
  forged.value = {{"survey", dir.survey.hex()}, {"event", dir.event.hex()}, {"anonymous", true},
                  {"answers", {{"score", rng.between(1, 5)}}}};
  return forged;
}

}  // namespace

void push_forgery(SimDevice& d, SimServer& server, const Directory& dir, Rng& rng, Trace& trace) {
  if (!server.up()) return;
  std::optional<WireChange> forged = rng.percent(50) ? share_theirs(d, server, rng) : anonymous_with_device(d, dir, rng);
  if (!forged) return;
  sync::pb::Frame push;
  push.mutable_push()->set_batch_id(1);
  *push.mutable_push()->add_changes() = sync::to_proto(*forged);
  sync::pb::Frame bye;
  bye.mutable_bye();
  auto link = std::make_shared<SimLink>();
  link->forged = true;
  for (const sync::pb::Frame& f : {hello(d), push, bye}) link->carry(link->to_server, sync::encode_frame(f));
  trace.say("device " + std::to_string(d.index()) + " forges a change: " + std::string(spec_of(forged->kind).name) + " " +
            short_id(forged->record) + (forged->kind == Kind::reflection ? " shared=" + forged->value["shared"].dump() : " anonymous, with its device"));
  server.accept(static_cast<int>(rng.below(static_cast<std::uint64_t>(server.processes()))), d.index(), link);
}

}  // namespace debrief::sim
