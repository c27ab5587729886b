#include "debrief/platform/credentials_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include <nlohmann/json.hpp>

namespace debrief::platform {
namespace {

using Json = nlohmann::json;

Status io_error(const std::string& what, const std::filesystem::path& file) {
  return Status(Code::io_error, what + " " + file.string() + ": " + std::strerror(errno));
}

class FileCredentials final : public sync::Credentials {
 public:
  explicit FileCredentials(std::filesystem::path file) : file_(std::move(file)) {}

  Result<std::string> read(const std::string& account) override {
    std::lock_guard lock(mu_);
    Result<Json> all = load();
    DEBRIEF_TRY(all.status());
    auto it = all->find(account);
    if (it == all->end() || !it->is_string()) return not_found("no credential saved for " + account);
    return it->get<std::string>();
  }

  Status write(const std::string& account, const std::string& secret) override {
    std::lock_guard lock(mu_);
    Result<Json> all = load();
    DEBRIEF_TRY(all.status());
    (*all)[account] = secret;
    return save(*all);
  }

  Status erase(const std::string& account) override {
    std::lock_guard lock(mu_);
    Result<Json> all = load();
    DEBRIEF_TRY(all.status());
    if (all->erase(account) == 0) return Status::ok();
    return save(*all);
  }

 private:
  // The file's accounts; an empty object when there is no file yet.
  Result<Json> load() const {
    struct stat st{};
    if (::stat(file_.c_str(), &st) != 0) {
      if (errno == ENOENT) return Json::object();
      return io_error("cannot read", file_);
    }
    if ((st.st_mode & 077) != 0)
      return Status(Code::invalid_argument, file_.string() + " may be read by others than its owner; make it private "
                                            "(chmod 600) and enrol this device again, as its secret may have leaked");
    std::ifstream in(file_);
    std::stringstream text;
    text << in.rdbuf();
    Json all = Json::parse(text.str(), nullptr, false);
    if (!in || !all.is_object()) return Status(Code::corrupt, file_.string() + " is not a JSON object");
    return all;
  }

  // Writes `all` to a private temporary file, flushes it, and renames it over the file.
  Status save(const Json& all) const {
    std::filesystem::path tmp = file_;
    tmp += ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return io_error("cannot write", tmp);
    std::string text = all.dump(2) + "\n";
    bool written = ::fchmod(fd, 0600) == 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                   ::fsync(fd) == 0;
    Status failed = written ? Status::ok() : io_error("cannot write", tmp);
    ::close(fd);
    if (!written) return failed;
    if (::rename(tmp.c_str(), file_.c_str()) != 0) return io_error("cannot replace", file_);
    int dir = ::open(file_.parent_path().empty() ? "." : file_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {  // the rename itself survives a power cut once its directory is flushed
      (void)::fsync(dir);
      ::close(dir);
    }
    return Status::ok();
  }

  std::filesystem::path file_;
  std::mutex mu_;
};

}  // namespace

std::shared_ptr<sync::Credentials> file_credentials(std::filesystem::path file) {
  return std::make_shared<FileCredentials>(std::move(file));
}

std::filesystem::path credentials_file(const std::filesystem::path& store_dir) { return store_dir / "credentials.json"; }

}  // namespace debrief::platform
