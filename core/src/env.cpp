#include "debrief/env.h"

#include <sys/random.h>

#include <chrono>
#include <cstdlib>

namespace debrief {
namespace {

class SystemEnv final : public Env {
 public:
  std::int64_t now_ms() override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
  void random_bytes(std::uint8_t* out, std::size_t n) override {
    while (n > 0) {
      ssize_t got = getrandom(out, n, 0);
      if (got < 0) continue;  // EINTR; the kernel's pool never runs dry once seeded
      out += got;
      n -= static_cast<std::size_t>(got);
    }
  }
};

}  // namespace

Env& system_env() {
  static SystemEnv env;
  return env;
}

void SeededEnv::random_bytes(std::uint8_t* out, std::size_t n) {
  for (std::size_t i = 0; i < n; i += 8) {
    std::uint64_t r = rng_();
    for (std::size_t j = 0; j < 8 && i + j < n; ++j) out[i + j] = static_cast<std::uint8_t>(r >> (8 * j));
  }
}

}  // namespace debrief
