#include "debrief/sync/wire.h"

#include <cstring>

#include "debrief/json_input.h"

namespace debrief::sync {
std::string bytes_of(const Id& id) { return std::string(reinterpret_cast<const char*>(id.bytes.data()), 16); }

Result<Id> id_of(const std::string& bytes, bool allow_empty) {
  Id id;
  if (bytes.empty() && allow_empty) return id;
  if (bytes.size() != 16) return invalid("a synced id must be 16 bytes");
  std::memcpy(id.bytes.data(), bytes.data(), 16);
  return id;
}

pb::Change to_proto(const WireChange& c) {
  pb::Change p;
  if (!c.device.is_nil()) p.set_device(bytes_of(c.device));
  p.set_hlc(c.hlc.value);
  p.set_kind(static_cast<std::uint32_t>(c.kind));
  p.set_record(bytes_of(c.record));
  p.set_has_field(c.field.has_value());
  if (c.field) p.set_field(*c.field);
  if (!c.value.is_null()) p.set_value_json(c.value.dump());
  p.set_op(static_cast<std::uint32_t>(c.op));
  return p;
}

Result<WireChange> from_proto(const pb::Change& p) {
  WireChange c;
  Result<Id> device = id_of(p.device(), true), record = id_of(p.record(), false);
  DEBRIEF_TRY(device.status());
  DEBRIEF_TRY(record.status());
  c.device = *device;
  c.record = *record;
  c.hlc = Hlc{p.hlc()};
  std::optional<Kind> kind = kind_numbered(p.kind());
  if (!kind) return invalid("a synced change has unknown kind " + std::to_string(p.kind()));
  c.kind = *kind;
  if (p.has_field()) c.field = p.field();
  if (p.op() > 1) return invalid("a synced change has unknown op " + std::to_string(p.op()));
  c.op = static_cast<ChangeOp>(p.op());
  if (!p.value_json().empty()) {
    Result<Json> value = parse_json_input(p.value_json(), "a synced change's value");
    DEBRIEF_TRY(value.status());
    c.value = std::move(*value);
  }
  return c;
}

std::string encode_frame(const pb::Frame& frame) {
  std::string body = frame.SerializeAsString();
  auto n = static_cast<std::uint32_t>(body.size());
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>(n >> (24 - 8 * i));
  return out + body;
}

Result<std::size_t> frame_body_size(const unsigned char h[4], std::size_t max_bytes) {
  std::uint32_t n = (std::uint32_t{h[0]} << 24) | (std::uint32_t{h[1]} << 16) | (std::uint32_t{h[2]} << 8) | h[3];
  if (n > max_bytes) return invalid("a frame of " + std::to_string(n) + " bytes is over the limit of " + std::to_string(max_bytes));
  return std::size_t{n};
}

Result<pb::Frame> decode_frame_body(std::string_view body) {
  pb::Frame frame;
  if (!frame.ParseFromArray(body.data(), static_cast<int>(body.size()))) return invalid("malformed frame");
  return frame;
}

pb::Frame error_frame(pb::Error::Code code, std::string message, bool transient) {
  pb::Frame f;
  pb::Error* e = f.mutable_error();
  e->set_code(code);
  e->set_message(std::move(message));
  e->set_transient(transient);
  return f;
}

Status status_of(const pb::Error& e) {
  Code code = e.transient() ? Code::io_error : Code::invalid_argument;
  if (e.code() == pb::Error::UNAUTHENTICATED || e.code() == pb::Error::FORBIDDEN) code = Code::permission_denied;
  return Status(code, "the server said: " + e.message());
}

}  // namespace debrief::sync
