// debrief-server as a child process, for the tests that run the real
// binary (sync's process tests, the C API's, the CLI's): its
// commands, and the server itself on a port it picks on 127.0.0.1. Uses
// only the standard library, POSIX and Catch2, so that any test binary can
// include it (the C API's may include no Debrief C++ header). The binary is
// DEBRIEF_SERVER, a path the test target defines.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace testproc {

// A running program whose stdout the test reads (its stderr goes to
// /dev/null). Destroying it sends SIGTERM and waits.
class Child {
 public:
  Child(const std::string& program, const std::vector<std::string>& args);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // The next line of its output without the newline; false at its end.
  bool read_line(std::string& line);
  // Sends `signal`, waits, and returns its exit status (-1 unless it exited).
  int stop(int signal);
  // Waits for it to end by itself; its exit status as stop()'s.
  int wait();
  pid_t pid() const { return pid_; }
  // Its peak resident memory so far (Linux's VmHWM), in MiB.
  double peak_rss_mib() const;

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
};

// Runs `debrief-server --data DATA ARGS...` (`admin demo-seed`, `stats`...);
// requires it to succeed and returns what it printed.
std::string server_command(const std::string& data, const std::vector<std::string>& args);

class ServerProcess {
 public:
  // Starts `debrief-server --data DATA --listen LISTEN EXTRA...` (its
  // stderr, the log, to /dev/null) and waits for its "listening on
  // HOST:PORT" line.
  explicit ServerProcess(const std::string& data, const std::string& listen = "127.0.0.1:0",
                         const std::vector<std::string>& extra = {});

  std::uint16_t port() const { return port_; }
  // SIGKILL, as a crash would, and waits for it.
  void kill_now();
  const Child& process() const { return child_; }

 private:
  Child child_;
  std::uint16_t port_ = 0;
};

}  // namespace testproc
