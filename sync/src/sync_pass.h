// One sync pass over an open connection, as both the one-shot client and
// the background engine run it. Internal to sync.
#pragma once

#include "sync_steps.h"
#include "media_transfer.h"

namespace debrief::sync::detail {

// Hello, then records up, media up (after the records that name them),
// records down, media down. Stops at the first failure; every step can
// simply be run again.
inline asio::awaitable<Status> sync_pass(Channel& c, Store& store, const ServerLink& link, const SyncOptions& options) {
  Status s = co_await hello(c, store, link, options);
  if (s.is_ok()) s = co_await push_all(c, store, options);
  if (s.is_ok()) s = co_await push_media(c, store);
  if (s.is_ok()) s = co_await pull_all(c, store);
  if (s.is_ok()) s = co_await pull_media(c, store);
  co_return s;
}

}  // namespace debrief::sync::detail
