#include "sim_device.h"

#include "sync_pass.h"

namespace debrief::sim {

SimDevice::SimDevice(int index, Id person, std::filesystem::path dir, std::uint64_t seed)
    : index_(index), person_(person), dir_(std::move(dir)), env_(seed, 0) {}

SimDevice::~SimDevice() { crash(); }

Status SimDevice::open() {
  Result<std::unique_ptr<Store>> store = Store::open(dir_, OpenOptions{.env = &env_});
  if (!store.is_ok()) return store.status();
  store_ = std::move(*store);
  return Status::ok();
}

void SimDevice::crash() {
  io_.reset();  // destroys the pass's coroutine frames: no code of theirs runs again
  channel_.reset();
  outcome_.reset();
  store_.reset();
}

void SimDevice::start_pass(std::shared_ptr<SimLink> wire) {
  io_ = std::make_unique<boost::asio::io_context>();
  channel_ = std::make_unique<SimChannel>(*io_, std::move(wire));
  outcome_.reset();
  boost::asio::co_spawn(*io_, [this]() -> boost::asio::awaitable<void> {
    sync::SyncOptions options;
    options.push_batch = 20;  // small batches: more interleavings per world
    Status s = Status::ok();
    try {
      s = co_await sync::detail::sync_pass(*channel_, *store_, link, options);
      if (s.is_ok()) {
        sync::pb::Frame bye;
        bye.mutable_bye();
        (void)co_await channel_->send(bye);
      }
    } catch (const std::exception& e) {
      s = Status(Code::internal, std::string("the device's sync pass threw: ") + e.what());
    }
    outcome_ = s;
  }, boost::asio::detached);
}

std::optional<Status> SimDevice::run() {
  if (!io_) return std::nullopt;
  io_->restart();
  io_->poll();
  if (!outcome_) return std::nullopt;
  std::optional<Status> done = outcome_;
  progress_ = channel_->progress;
  io_.reset();
  channel_.reset();
  outcome_.reset();
  return done;
}

}  // namespace debrief::sim
