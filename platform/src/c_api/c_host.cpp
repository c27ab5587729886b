// The C API's host hooks: the host's secure storage for the device
// credential, and its log sink.
#include <mutex>
#include <vector>

#include "c_api_support.h"

using namespace debrief;
using namespace debrief::capi;

namespace {

// sync::Credentials over a host's dbf_credentials, one call at a time.
class HostCredentials final : public sync::Credentials {
 public:
  explicit HostCredentials(const dbf_credentials& c) : c_(c) {}

  Result<std::string> read(const std::string& account) override {
    std::lock_guard lock(mu_);
    std::vector<char> buf(256);
    for (int attempt = 0; attempt < 4; ++attempt) {
      int n = c_.read(c_.context, account.c_str(), buf.data(), static_cast<int>(buf.size()));
      if (n == -1) return not_found("no credential saved for " + account);
      if (n < 0) return failed("read");
      if (static_cast<std::size_t>(n) < buf.size()) return std::string(buf.data(), static_cast<std::size_t>(n));
      buf.resize(static_cast<std::size_t>(n) + 1);
    }
    return failed("read");  // the length kept changing
  }

  Status write(const std::string& account, const std::string& secret) override {
    std::lock_guard lock(mu_);
    return c_.write(c_.context, account.c_str(), secret.c_str()) == 0 ? Status::ok() : failed("save");
  }

  Status erase(const std::string& account) override {
    std::lock_guard lock(mu_);
    return c_.erase(c_.context, account.c_str()) == 0 ? Status::ok() : failed("erase");
  }

 private:
  static Status failed(const char* verb) {
    return Status(Code::io_error, std::string("the host's secure storage could not ") + verb + " the device credential");
  }

  dbf_credentials c_;
  std::mutex mu_;
};

}  // namespace

extern "C" {

int dbf_store_set_credentials(dbf_store* store, const dbf_credentials* credentials, dbf_error* err) {
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    if (!credentials || !credentials->read || !credentials->write || !credentials->erase)
      throw ApiError{DBF_DOMAIN_API, invalid("credentials and each of its functions must be set")};
    s->set_credentials(std::make_shared<HostCredentials>(*credentials));
  });
}

int dbf_store_set_log(dbf_store* store, dbf_log_fn fn, void* context, dbf_error* err) {
  return guarded(err, [&] {
    std::shared_ptr<platform::Session> s = session_arg(store);
    if (!fn) return s->set_log({});
    s->set_log([fn, context](const std::string& line) { fn(context, line.c_str()); });
  });
}

}  // extern "C"
