// The app's store work on a thread of its own, so the window never waits
// on disk: the UI posts jobs, each runs with the worker's Store, and its
// result comes back to the UI thread when the UI drains the inbox (once per
// frame). Jobs run one at a time, in the order posted.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "debrief/store.h"

namespace debrief::desktop {

class Worker {
 public:
  // Opens the store in `dir` (creating it) on the worker's thread.
  explicit Worker(std::filesystem::path dir);
  ~Worker();  // runs the queued jobs, then joins
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Runs `job(store)` on the worker, then `done(result)` on the UI thread at
  // a later drain(). When the store could not be opened, `done` gets that
  // error instead.
  template <class T>
  void ask(std::function<Result<T>(Store&)> job, std::function<void(Result<T>)> done) {
    auto result = std::make_shared<std::optional<Result<T>>>();
    post([job = std::move(job), result](Store* store) {
      result->emplace(store ? job(*store) : Result<T>(Status(Code::io_error, "the store could not be opened")));
    }, [done = std::move(done), result] { done(std::move(**result)); });
  }

  // Runs the results that have come back. UI thread only.
  void drain();
  // Waits (bounded) until every job posted so far has run and its result
  // has been drained; for screenshots and tests. True when idle.
  bool settle(std::chrono::milliseconds timeout);
  // How many results have been drained so far: a caller that sees it
  // unchanged across a frame and the worker settled knows the frame asked
  // for nothing (tests wait for that).
  std::uint64_t drained();
  // Why the store could not be opened (ok when it is open).
  Status open_status();

 private:
  struct Job {
    std::function<void(Store*)> run;
    std::function<void()> done;
  };
  void post(std::function<void(Store*)> run, std::function<void()> done);
  void loop();

  std::filesystem::path dir_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::vector<std::function<void()>> inbox_;
  int in_flight_ = 0;  // posted, not yet drained
  std::uint64_t drained_ = 0;
  bool stopping_ = false;
  Status open_;
  std::thread thread_;
};

}  // namespace debrief::desktop
