#include "fuzz_store.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "debrief/demo.h"
#include "debrief/records.h"

namespace fuzz {
namespace {

using namespace debrief;

// Small enough to make in a second under the sanitizers, big enough for
// every role, teams with managers, events with activities, three surveys
// with branches, responses (some anonymous), reflections, kudos and +1s.
constexpr DemoOptions kDemo{.people = 12, .events = 2, .responses = 24, .seed = 1};

[[noreturn]] void give_up(const std::string& what, const Status& why) {
  std::fprintf(stderr, "fuzz store: %s: %s\n", what.c_str(), why.message().c_str());
  std::abort();
}

template <class T>
T must(Result<T> r, const std::string& what) {
  if (!r.is_ok()) give_up(what, r.status());
  return std::move(*r);
}

std::filesystem::path fresh_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "debrief-fuzz-XXXXXX").string();
  if (!mkdtemp(pattern.data())) give_up("mkdtemp", Status(Code::io_error, pattern));
  return pattern;
}

Id first_with_role(Store& store, const char* role) {
  std::vector<Json> people = must(list(store, Kind::person, {.where = {{"role", role}}, .limit = 1}), role);
  if (people.empty()) give_up(std::string("no ") + role, Status(Code::not_found, "the demo has changed"));
  return must(Id::parse(people.front()["id"].get<std::string>()), role);
}

}  // namespace

FuzzStore::FuzzStore() : dir_(fresh_dir()), env_(kDemo.seed, kStartMs) {
  store_ = must(Store::open(dir_ / "store", {.env = &env_}), "open");
  if (Status s = generate_demo(*store_, kDemo); !s.is_ok()) give_up("demo", s);
  env_.set_now_ms(kNowMs);
  for (const char* role : {"participant", "manager", "organiser", "admin"}) pushers_.push_back(first_with_role(*store_, role));
  pushers_.push_back(Id::make(env_));
}

FuzzStore::~FuzzStore() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace fuzz
