// The steps of a sync pass (sync_steps.h).
#include "sync_steps.h"

#include "debrief/change_log.h"
#include "debrief/records.h"
#include "debrief/replication.h"

namespace debrief::sync::detail {
namespace {

// Keeps the pull cursor meaningful: a server restored from a backup has a
// new feed (a new feed_id), where the old cursor counts nothing, so pulling
// starts again from the beginning (what the device has already applies as
// a no-op). A device that knew no feed yet adopts the server's as it is.
Status follow_feed(Store& store, std::int64_t feed_id) {
  if (feed_id == 0) return Status::ok();  // an older server
  Result<std::int64_t> known = stored_cursor(store, kFeedIdKey);
  DEBRIEF_TRY(known.status());
  if (*known == feed_id) return Status::ok();
  return store.transaction([&] {
    if (*known != 0) DEBRIEF_TRY(save_cursor(store, kCursorKey, 0));
    return save_cursor(store, kFeedIdKey, feed_id);
  });
}

// The server's reason for refusing one change, in a person's words: its
// message without the parts that only name the change (which the refusal
// points to already).
std::string refusal_reason(std::string message) {
  for (std::string_view prefix : {std::string_view("the server said: "), std::string_view("cannot apply a synced change to ")}) {
    if (message.rfind(prefix, 0) != 0) continue;
    message.erase(0, prefix.size());
    if (prefix[0] == 'c' && message.size() > 34 && message.compare(32, 2, ": ") == 0) message.erase(0, 34);
  }
  return message;
}

// How many of `changes` are news to this device, before they are applied:
// not its own changes coming back. Anonymous records travel with no device;
// one this device holds already is its own too.
Result<std::int64_t> news_in(Store& store, const std::vector<WireChange>& changes) {
  std::int64_t news = 0;
  for (const WireChange& w : changes) {
    if (w.device == store.device_id()) continue;
    if (w.device.is_nil()) {
      Result<Json> held = get(store, w.kind, w.record);
      if (held.is_ok()) continue;
      if (held.status().code() != Code::not_found) return held.status();
    }
    ++news;
  }
  return news;
}

}  // namespace

std::uint32_t version_of(const SyncOptions& o) { return o.protocol_version ? o.protocol_version : kProtocolVersion; }

asio::awaitable<Status> hello(Channel& c, Store& store, const ServerLink& link, const SyncOptions& options) {
  pb::Frame f;
  pb::Hello* h = f.mutable_hello();
  h->set_protocol_version(version_of(options));
  h->set_app_version(kAppVersion);
  h->set_device_id(bytes_of(store.device_id()));
  h->set_device_secret(link.secret);
  Result<pb::Frame> welcome = co_await c.exchange(f);
  DEBRIEF_CO_TRY(welcome.status());
  if (!welcome->has_welcome()) co_return invalid("the server did not welcome this device");
  c.version = welcome->welcome().protocol_version();
  co_return follow_feed(store, static_cast<std::int64_t>(welcome->welcome().feed_id()));
}

asio::awaitable<Status> push_all(Channel& c, Store& store, const SyncOptions& options) {
  for (;;) {
    Result<std::vector<Change>> pending = pending_changes(store, options.push_batch);
    DEBRIEF_CO_TRY(pending.status());
    if (pending->empty()) co_return Status::ok();
    pb::Frame f;
    pb::PushBatch* batch = f.mutable_push();
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < pending->size(); ++i) {
      Result<WireChange> w = to_wire(store, (*pending)[i]);
      DEBRIEF_CO_TRY(w.status());
      pb::Change proto = to_proto(*w);
      std::size_t size = proto.ByteSizeLong() + 8;  // with its tag and length
      if (i > 0 && bytes + size > kMaxBatchBytes) {  // the rest goes in the next batch
        pending->resize(i);
        break;
      }
      bytes += size;
      *batch->add_changes() = std::move(proto);
    }
    batch->set_batch_id(static_cast<std::uint64_t>(pending->back().seq));
    Result<pb::Frame> ack = co_await c.exchange(f);
    if (!ack.is_ok() && c.refused_change > 0 && c.refused_change <= pending->size()) {
      // Set aside, so that the rest goes through; the server goes on serving.
      Status aside = set_aside(store, (*pending)[c.refused_change - 1].seq, refusal_reason(ack.status().message()));
      DEBRIEF_CO_TRY(aside);
      ++c.progress.refused;
      continue;
    }
    DEBRIEF_CO_TRY(ack.status());
    if (!ack->has_push_ack() || ack->push_ack().batch_id() != batch->batch_id()) co_return invalid("the server acknowledged another batch");
    Status forgot = acknowledge_changes(store, pending->back().seq);
    DEBRIEF_CO_TRY(forgot);
    c.progress.pushed += static_cast<std::int64_t>(pending->size());
    c.report("pushing");
  }
}

asio::awaitable<Status> pull_all(Channel& c, Store& store) {
  for (;;) {
    Result<std::int64_t> cursor = stored_cursor(store, kCursorKey);
    DEBRIEF_CO_TRY(cursor.status());
    pb::Frame f;
    f.mutable_pull()->set_cursor(static_cast<std::uint64_t>(*cursor));
    Result<pb::Frame> reply = co_await c.exchange(f);
    DEBRIEF_CO_TRY(reply.status());
    if (!reply->has_pull_batch()) co_return invalid("the server answered a pull with something else");
    const pb::PullBatch& batch = reply->pull_batch();
    std::vector<WireChange> changes;
    for (const pb::Change& p : batch.changes()) {
      Result<WireChange> w = from_proto(p);
      DEBRIEF_CO_TRY(w.status());
      changes.push_back(std::move(*w));
    }
    Result<std::int64_t> news = news_in(store, changes);
    DEBRIEF_CO_TRY(news.status());
    Status applied = apply_remote(store, changes, kCursorKey, static_cast<std::int64_t>(batch.cursor()));
    DEBRIEF_CO_TRY(applied);
    c.progress.pulled += *news;
    c.report("pulling");
    if (!batch.more()) co_return Status::ok();
  }
}

}  // namespace debrief::sync::detail
