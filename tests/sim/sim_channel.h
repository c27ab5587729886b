// The device's end of a SimLink, as the product's sync pass sees a
// connection (sync's Channel): writes queue a frame towards the server,
// reads wait, on the device's io_context, for the next frame towards the
// device. Nothing here reads a clock: a read waits on a timer that never
// expires and that SimLink::wake_device cancels.
#pragma once

#include <memory>

#include "channel.h"
#include "sim_link.h"

namespace debrief::sim {

class SimChannel final : public sync::detail::Channel {
 public:
  SimChannel(boost::asio::io_context& io, std::shared_ptr<SimLink> link)
      : Channel({}), link_(std::move(link)), waiter_(io) {
    link_->wake_device = [this] { waiter_.cancel(); };
  }
  ~SimChannel() override {
    link_->wake_device = nullptr;
    link_->close();
  }

 private:
  boost::asio::awaitable<Status> write(const sync::pb::Frame& f) override {
    if (!link_->carry(link_->to_server, sync::encode_frame(f))) co_return closed();
    co_return Status::ok();
  }

  boost::asio::awaitable<Result<sync::pb::Frame>> read() override {
    for (;;) {
      if (!link_->to_device.empty()) {
        std::string bytes = std::move(link_->to_device.front());
        link_->to_device.pop_front();
        co_return decode_frame(bytes, sync::kMaxFrameBytes);
      }
      if (link_->closed) co_return closed();
      waiter_.expires_at(boost::asio::steady_timer::time_point::max());
      boost::system::error_code ignored;
      co_await waiter_.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ignored));
    }
  }

  static Status closed() { return Status(Code::io_error, std::string(sync::kClosedByPeer)); }

  std::shared_ptr<SimLink> link_;
  boost::asio::steady_timer waiter_;
};

}  // namespace debrief::sim
