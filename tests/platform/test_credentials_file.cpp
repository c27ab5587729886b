// The desktop's credential storage: a private file, written whole, that
// refuses to serve secrets once others may read it; and a sync.json from
// before the secret moved out is emptied of it on first use.
#include <sys/stat.h>

#include <fstream>

#include "../core/test_support.h"
#include "debrief/platform/credentials_file.h"
#include "debrief/sync/client.h"

using namespace debrief;
using test::ok;
using test::TempDir;

namespace {

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st{};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

std::string text_of(const std::filesystem::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("credentials are saved to a file only their owner can read, and read back", "[platform][credentials]") {
  TempDir tmp;
  std::filesystem::path file = platform::credentials_file(tmp.path());
  auto keys = platform::file_credentials(file);
  CHECK(keys->read("debrief-device-a").status().code() == Code::not_found);  // no file yet
  ok(keys->write("debrief-device-a", "s3cret-a"));
  ok(keys->write("debrief-device-b", "s3cret-b"));
  CHECK(mode_of(file) == 0600);
  CHECK(ok(platform::file_credentials(file)->read("debrief-device-a")) == "s3cret-a");  // another reader, same file
  ok(keys->write("debrief-device-a", "rotated"));
  CHECK(ok(keys->read("debrief-device-a")) == "rotated");
  ok(keys->erase("debrief-device-a"));
  ok(keys->erase("debrief-device-a"));  // erasing nothing is fine
  CHECK(keys->read("debrief-device-a").status().code() == Code::not_found);
  CHECK(ok(keys->read("debrief-device-b")) == "s3cret-b");
  CHECK(!std::filesystem::exists(file.string() + ".tmp"));
}

TEST_CASE("a credentials file others may read is refused, and one that is not JSON is reported", "[platform][credentials]") {
  TempDir tmp;
  std::filesystem::path file = tmp.path() / "credentials.json";
  auto keys = platform::file_credentials(file);
  ok(keys->write("debrief-device-a", "s3cret"));
  ::chmod(file.c_str(), 0644);
  Result<std::string> leaked = keys->read("debrief-device-a");
  CHECK(leaked.status().code() == Code::invalid_argument);
  CHECK(leaked.status().message().find("chmod 600") != std::string::npos);
  CHECK(keys->write("debrief-device-b", "other").code() == Code::invalid_argument);  // nothing more goes into it
  ::chmod(file.c_str(), 0600);
  { std::ofstream(file) << "not json"; }
  CHECK(keys->read("debrief-device-a").status().code() == Code::corrupt);
}

TEST_CASE("enrolment secrets leave sync.json for the credential store on first use", "[platform][credentials]") {
  TempDir tmp;
  auto store = ok(Store::open(tmp.path()));
  Id person = Id::make(store->env());
  // sync.json as Debrief wrote it before credentials moved out of it.
  { std::ofstream(tmp.path() / "sync.json") << Json{{"host", "127.0.0.1"}, {"port", 7443}, {"fingerprint", std::string(64, 'a')},
                                                    {"secret", "old-secret"}, {"person", person.hex()}}.dump(); }
  CHECK(ok(sync::load_link(tmp.path())).secret.empty());  // what status shows carries no secret
  auto keys = platform::file_credentials(platform::credentials_file(tmp.path()));
  sync::ServerLink link = ok(sync::load_link(*store, *keys));
  CHECK(link.secret == "old-secret");
  CHECK(link.person == person);
  CHECK(text_of(tmp.path() / "sync.json").find("old-secret") == std::string::npos);
  CHECK(ok(keys->read(sync::credential_account(store->device_id()))) == "old-secret");
  CHECK(ok(sync::load_link(*store, *keys)).secret == "old-secret");  // from the credential store now
  ok(keys->erase(sync::credential_account(store->device_id())));
  Result<sync::ServerLink> lost = sync::load_link(*store, *keys);
  CHECK(lost.status().code() == Code::not_found);
  CHECK(lost.status().message().find("enrol it again") != std::string::npos);
}
