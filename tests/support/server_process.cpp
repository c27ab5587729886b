#include "server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace testproc {
namespace {

std::vector<std::string> joined(std::vector<std::string> first, const std::vector<std::string>& then) {
  first.insert(first.end(), then.begin(), then.end());
  return first;
}

}  // namespace

Child::Child(const std::string& program, const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("cannot make a pipe for " + program);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot start " + program);
  if (pid_ == 0) {
    dup2(fds[1], STDOUT_FILENO);
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    close(fds[0]);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(fds[1]);
  out_ = fdopen(fds[0], "r");
}

Child::~Child() {
  (void)stop(SIGTERM);
  if (out_) std::fclose(out_);
}

bool Child::read_line(std::string& line) {
  line.clear();
  for (int c; (c = std::fgetc(out_)) != EOF;) {
    if (c == '\n') return true;
    line += static_cast<char>(c);
  }
  return !line.empty();
}

int Child::stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  return wait();
}

int Child::wait() {
  if (pid_ <= 0) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string server_command(const std::string& data, const std::vector<std::string>& args) {
  Child server(DEBRIEF_SERVER, joined({"--data", data}, args));
  std::string text, line;
  while (server.read_line(line)) text += line + "\n";
  if (server.wait() != 0) throw std::runtime_error("debrief-server failed; it printed: " + text);
  return text;
}

ServerProcess::ServerProcess(const std::string& data, const std::string& listen, const std::vector<std::string>& extra)
    : child_(DEBRIEF_SERVER, joined({"--data", data, "--listen", listen}, extra)) {
  std::string line;
  if (!child_.read_line(line) || line.rfind("listening on ", 0) != 0)
    throw std::runtime_error("debrief-server did not start; it said: " + line);
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(line.rfind(':') + 1)));
}

void ServerProcess::kill_now() { (void)child_.stop(SIGKILL); }

double Child::peak_rss_mib() const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

}  // namespace testproc
