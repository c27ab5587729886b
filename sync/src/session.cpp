#include "session.h"

#include "debrief/sync/frame_io.h"
#include "session_core.h"

namespace debrief::sync {
namespace {

namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Stream = ssl::stream<tcp::socket>;

std::string peer_address(const tcp::socket& socket) {
  boost::system::error_code ec;
  auto peer = socket.remote_endpoint(ec);
  return ec ? std::string() : peer.address().to_string();
}

// The I/O around a SessionCore: reads frames off the TLS stream, writes
// what the core answers, closes an idle connection.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(std::shared_ptr<Server::Impl> server, tcp::socket socket)
      : owner_(std::move(server)), server_(*owner_), address_(peer_address(socket)),
        stream_(std::move(socket), server_.tls), watchdog_(server_.io), write_done_(server_.io),
        core_(server_.core, address_, [this](const pb::Frame& f, bool close) { send_unsolicited(f, close); }) {}

  asio::awaitable<void> run() {
    arm_watchdog();
    boost::system::error_code ec;
    co_await stream_.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) {
      bool go_on = co_await answer(core_.open());
      while (go_on) {
        Result<pb::Frame> f = co_await read_frame(stream_, core_.max_frame_bytes());
        arm_watchdog();
        go_on = co_await answer(core_.on_frame(f));
      }
    }
    watchdog_.cancel();
    co_await stream_.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  }

 private:
  // Writes the core's reply; true while the session goes on.
  asio::awaitable<bool> answer(SessionCore::Reply reply) {
    for (const pb::Frame& f : reply.frames)
      if (!(co_await send(f)).is_ok()) co_return false;
    co_return !reply.close;
  }

  // Closes the connection when no frame arrives for idle_timeout.
  void arm_watchdog() {
    watchdog_.expires_after(server_.core.options.idle_timeout);
    watchdog_.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      boost::system::error_code ignored;
      stream_.lowest_layer().close(ignored);
    });
  }

  // Writes one frame. Replies and notifications may want the stream at the
  // same time; one write at a time, the others wait their turn.
  asio::awaitable<Status> send(const pb::Frame& f) {
    while (writing_) {
      write_done_.expires_at(asio::steady_timer::time_point::max());
      boost::system::error_code ec;
      co_await write_done_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    writing_ = true;
    Status s = co_await write_frame(stream_, f);
    writing_ = false;
    write_done_.cancel();
    co_return s;
  }

  // Called by the core, while this session is alive (the core is a member).
  void send_unsolicited(const pb::Frame& f, bool close) {
    asio::co_spawn(server_.io, [self = shared_from_this(), f, close]() -> asio::awaitable<void> {
      (void)co_await self->send(f);
      if (!close) co_return;
      boost::system::error_code ignored;
      self->stream_.lowest_layer().close(ignored);
    }, asio::detached);
  }

  std::shared_ptr<Server::Impl> owner_;  // kept alive while the session is
  Server::Impl& server_;
  std::string address_;
  Stream stream_;
  asio::steady_timer watchdog_;
  asio::steady_timer write_done_;
  bool writing_ = false;
  SessionCore core_;
};

}  // namespace

asio::awaitable<void> run_session(std::shared_ptr<Server::Impl> server, tcp::socket socket) {
  auto session = std::make_shared<Session>(std::move(server), std::move(socket));
  co_await session->run();
}

}  // namespace debrief::sync
