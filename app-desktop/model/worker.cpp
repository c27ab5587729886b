#include "worker.h"

namespace debrief::desktop {

Worker::Worker(std::filesystem::path dir) : dir_(std::move(dir)), thread_([this] { loop(); }) {}

Worker::~Worker() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Worker::post(std::function<void(Store*)> run, std::function<void()> done) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back({std::move(run), std::move(done)});
    ++in_flight_;
  }
  wake_.notify_all();
}

void Worker::loop() {
  Result<std::unique_ptr<Store>> opened = Store::open(dir_);
  {
    std::lock_guard lock(mu_);
    open_ = opened.status();
  }
  Store* store = opened.is_ok() ? opened->get() : nullptr;
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued has run
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job.run(store);
    {
      std::lock_guard lock(mu_);
      inbox_.push_back(std::move(job.done));
    }
    wake_.notify_all();
  }
}

void Worker::drain() {
  std::vector<std::function<void()>> ready;
  {
    std::lock_guard lock(mu_);
    ready.swap(inbox_);
  }
  for (auto& done : ready) done();
  std::lock_guard lock(mu_);
  in_flight_ -= static_cast<int>(ready.size());
  drained_ += ready.size();
}

std::uint64_t Worker::drained() {
  std::lock_guard lock(mu_);
  return drained_;
}

bool Worker::settle(std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    drain();  // results may post more jobs
    std::unique_lock lock(mu_);
    if (in_flight_ == 0) return true;
    if (!wake_.wait_until(lock, until, [&] { return !inbox_.empty(); })) return false;
  }
}

Status Worker::open_status() {
  std::lock_guard lock(mu_);
  return open_;
}

}  // namespace debrief::desktop
