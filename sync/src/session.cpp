#include "session.h"

#include <deque>

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

// How long a closing connection waits for the peer's TLS close_notify: a
// peer that never sends it must not hold its connection slot.
constexpr std::chrono::seconds kCloseGrace{5};

// The I/O around a SessionCore: reads frames off the TLS stream, writes
// what the core answers and what it says unasked (notifications, the end
// of a revoked session) through one queue, and closes a connection that
// sends nothing, or reads nothing, for idle_timeout (for hello_timeout
// until its first frame).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(std::shared_ptr<Server::Impl> server, tcp::socket socket)
      : owner_(std::move(server)), server_(*owner_), address_(peer_address(socket)),
        stream_(std::move(socket), server_.tls), watchdog_(server_.io), write_watchdog_(server_.io), drained_(server_.io),
        core_(server_.core, address_, [this](const pb::Frame& f, bool close) { send_unsolicited(f, close); }) {}

  asio::awaitable<void> run() {
    arm(watchdog_, std::min(server_.core.options.idle_timeout, server_.core.options.hello_timeout));
    boost::system::error_code ec;
    co_await stream_.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) {
      bool go_on = co_await answer(core_.open());
      while (go_on) {
        Result<pb::Frame> f = co_await read_frame(stream_, core_.max_frame_bytes());
        arm(watchdog_, server_.core.options.idle_timeout);
        if (ending_) break;
        go_on = co_await answer(core_.on_frame(f));
      }
    }
    co_await written();  // no shutdown while a write is under way
    arm(watchdog_, std::min<std::chrono::steady_clock::duration>(server_.core.options.idle_timeout, kCloseGrace));
    co_await stream_.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    watchdog_.cancel();
  }

 private:
  struct Outgoing {
    pb::Frame frame;
    bool close = false;  // close the connection once it is written
  };

  // Queues the core's reply and waits until it is written (a device reads
  // its answer before it is sent more); true while the session goes on.
  asio::awaitable<bool> answer(SessionCore::Reply reply) {
    for (pb::Frame& f : reply.frames) queue({std::move(f)});  // run() ends the connection after a closing reply
    co_await written();
    co_return !reply.close && !closed_ && !ending_;
  }

  // Waits until the writer has sent everything queued (or the connection
  // closed). Only run() waits here, so one wait at a time on drained_.
  asio::awaitable<void> written() {
    while (writing_) {
      drained_.expires_at(asio::steady_timer::time_point::max());
      boost::system::error_code ec;
      co_await drained_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  // Closes the connection when `timer` runs out.
  void arm(asio::steady_timer& timer, std::chrono::steady_clock::duration after) {
    timer.expires_after(after);
    timer.async_wait([this](boost::system::error_code ec) {
      if (!ec) close();
    });
  }

  void close() {
    closed_ = true;
    outbox_.clear();
    boost::system::error_code ignored;
    stream_.lowest_layer().close(ignored);
  }

  // Adds a frame to the queue and starts the one writer if it is idle. A
  // notification that finds an earlier one still waiting replaces it:
  // only the newest position matters.
  void queue(Outgoing out) {
    if (closed_) return;
    if (out.frame.has_notify() && !outbox_.empty() && outbox_.back().frame.has_notify()) outbox_.back() = std::move(out);
    else outbox_.push_back(std::move(out));
    if (writing_) return;
    writing_ = true;
    asio::co_spawn(server_.io, [self = shared_from_this()] { return self->drain(); }, asio::detached);
  }

  // The one writer: sends queued frames in order, each within idle_timeout
  // (a peer that stops reading is closed, not waited for).
  asio::awaitable<void> drain() {
    while (!outbox_.empty() && !closed_) {
      Outgoing out = std::move(outbox_.front());
      outbox_.pop_front();
      arm(write_watchdog_, server_.core.options.idle_timeout);
      Status s = co_await write_frame(stream_, out.frame);
      write_watchdog_.cancel();
      if (!s.is_ok() || out.close) close();
    }
    writing_ = false;
    drained_.cancel();
  }

  // Called by the core, while this session is alive (the core is a member).
  // A closing frame (a revoked session's end) also stops serving frames
  // that arrive while it waits to be written.
  void send_unsolicited(const pb::Frame& f, bool close) {
    ending_ = ending_ || close;
    queue({f, close});
  }

  std::shared_ptr<Server::Impl> owner_;  // kept alive while the session is
  Server::Impl& server_;
  std::string address_;
  Stream stream_;
  asio::steady_timer watchdog_, write_watchdog_;
  asio::steady_timer drained_;  // cancelled when the writer has sent everything
  std::deque<Outgoing> outbox_;
  bool writing_ = false, closed_ = false, ending_ = false;
  SessionCore core_;
};

}  // namespace

asio::awaitable<void> run_session(std::shared_ptr<Server::Impl> server, tcp::socket socket) {
  auto session = std::make_shared<Session>(std::move(server), std::move(socket));
  co_await session->run();
}

}  // namespace debrief::sync
