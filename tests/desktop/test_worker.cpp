// The worker runs store jobs off the UI thread, in order, and hands each
// result back only when the UI drains.
#include <thread>

#include "test_support.h"
#include "worker.h"

using namespace debrief;
using namespace debrief::desktop;

TEST_CASE("the worker runs jobs in order on its own thread and returns results at drain", "[desktop]") {
  test::TempDir tmp;
  Worker worker(tmp.path() / "store");
  std::vector<int> seen;
  std::thread::id ui = std::this_thread::get_id(), ran_on;
  for (int i = 0; i < 3; ++i)
    worker.ask<int>([i, &ran_on](Store&) -> Result<int> { ran_on = std::this_thread::get_id(); return i; },
                    [&seen](Result<int> r) { seen.push_back(*r); });
  CHECK(seen.empty());  // nothing arrives until the UI drains
  REQUIRE(worker.settle(std::chrono::seconds(10)));
  CHECK(seen == std::vector<int>{0, 1, 2});
  CHECK(ran_on != ui);
  CHECK(worker.open_status().is_ok());
}

TEST_CASE("a job's error comes back as its result", "[desktop]") {
  test::TempDir tmp;
  Worker worker(tmp.path() / "store");
  Status got;
  worker.ask<Id>([](Store& s) { return resolve_id(s, Kind::event, "abcd"); }, [&](Result<Id> r) { got = r.status(); });
  REQUIRE(worker.settle(std::chrono::seconds(10)));
  CHECK(got.code() == Code::not_found);
}
