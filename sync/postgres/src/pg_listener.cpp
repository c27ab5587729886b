#include "pg_listener.h"

#include <unistd.h>

#include <pqxx/pqxx>

#include "pg_feed.h"

namespace debrief::sync::pg {
namespace {

namespace asio = boost::asio;

class Receiver final : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection& c, std::string process, std::function<void(std::int64_t)>& changed)
      : pqxx::notification_receiver(c, kChannel), process_(std::move(process)), changed_(changed) {}

  void operator()(const std::string& payload, int) override {
    auto space = payload.find(' ');
    if (space == std::string::npos || payload.substr(space + 1) == process_) return;  // ours: told already
    changed_(std::stoll(payload.substr(0, space)));
  }

 private:
  std::string process_;
  std::function<void(std::int64_t)>& changed_;
};

}  // namespace

struct Listener::State : std::enable_shared_from_this<Listener::State> {
  asio::io_context& io;
  std::string url, process;
  std::function<void(std::int64_t)> changed;
  std::unique_ptr<pqxx::connection> c;
  std::unique_ptr<Receiver> receiver;
  std::unique_ptr<asio::posix::stream_descriptor> socket;
  int watched = -1;  // the connection's socket that `socket` duplicates
  asio::steady_timer retry;
  bool stopped = false;

  State(asio::io_context& io_, std::string url_, std::string process_, std::function<void(std::int64_t)> changed_)
      : io(io_), url(std::move(url_)), process(std::move(process_)), changed(std::move(changed_)), retry(io_) {}

  void connect() {
    try {
      c = std::make_unique<pqxx::connection>(url);
      receiver = std::make_unique<Receiver>(*c, process, changed);
      c->get_notifs();  // issues the LISTEN
      watched = c->sock();
      socket = std::make_unique<asio::posix::stream_descriptor>(io, ::dup(watched));
      wait();
    } catch (const std::exception&) {
      reconnect_later();
    }
  }

  void wait() {
    socket->async_wait(asio::posix::stream_descriptor::wait_read, [self = shared_from_this()](boost::system::error_code ec) {
      if (self->stopped || ec == asio::error::operation_aborted) return;
      try {
        if (ec) throw std::runtime_error(ec.message());
        self->c->get_notifs();  // runs the receiver for each notification
        // libpqxx may have reopened a lost connection on a new socket, and
        // LISTENed again there: watch ours anew (the old one reads as closed).
        if (!self->c->is_open() || self->c->sock() != self->watched) throw std::runtime_error("the connection was reopened");
        self->wait();
      } catch (const std::exception&) {
        self->reconnect_later();
      }
    });
  }

  void reconnect_later() {
    close();
    retry.expires_after(std::chrono::seconds(1));
    retry.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (!ec && !self->stopped) self->connect();
    });
  }

  void close() {
    if (socket) {
      boost::system::error_code ignored;
      socket->close(ignored);
    }
    socket.reset();
    receiver.reset();
    c.reset();
  }
};

Listener::Listener(asio::io_context& io, std::string url, std::string process, std::function<void(std::int64_t)> changed)
    : state_(std::make_shared<State>(io, std::move(url), std::move(process), std::move(changed))) {
  asio::post(io, [state = state_] { state->connect(); });
}

Listener::~Listener() {
  // Ends on the io thread, where the waits run: nothing calls `changed` after.
  asio::post(state_->io, [state = state_] {
    state->stopped = true;
    state->retry.cancel();
    state->close();
  });
}

}  // namespace debrief::sync::pg
