#include "sim_server.h"

#include "debrief/sync/postgres_store.h"

namespace debrief::sim {

SimServer::SimServer(std::filesystem::path dir, std::string database, int processes, SeededEnv& env, Trace& trace, Taps taps)
    : dir_(std::move(dir)), database_(std::move(database)), env_(env), trace_(trace), taps_(std::move(taps)),
      processes_(static_cast<std::size_t>(processes)) {}

SimServer::~SimServer() { crash(); }

Status SimServer::start() {
  for (std::size_t i = 0; i < processes_.size(); ++i) {
    Process& p = processes_[i];
    if (p.core) continue;
    Result<std::unique_ptr<sync::ServerStore>> store = open(i);
    if (!store.is_ok()) return store.status();
    p.store = std::move(*store);
    sync::ServerOptions options;
    options.log = [this](const std::string& line) { log_.push_back(line); };
    options.monotonic_ms = [this] { return env_.now_ms(); };
    options.max_pull_batch = 50;  // small batches: more interleavings per world
    p.core = std::make_unique<sync::ServerCore>(*p.store, options);
  }
  return Status::ok();
}

Result<std::unique_ptr<sync::ServerStore>> SimServer::open(std::size_t process) {
  if (database_.empty()) return sync::open_sqlite_server_store(dir_, env_, env_);
  return sync::open_postgres_server_store(database_, dir_ / ("cache-" + std::to_string(process)), env_, env_);
}

void SimServer::stop(Process& p) {
  for (auto& s : p.sessions) s->link->close();
  p.sessions.clear();
  p.core.reset();
  p.store.reset();
}

void SimServer::crash() {
  for (Process& p : processes_) stop(p);
}

Status SimServer::restart(int p) {
  stop(processes_.at(static_cast<std::size_t>(p)));
  return start();
}

bool SimServer::up() const {
  for (const Process& p : processes_)
    if (p.core) return true;
  return false;
}

SimServer::Process* SimServer::first_up() {
  for (Process& p : processes_)
    if (p.core) return &p;
  return nullptr;
}

sync::ServerStore& SimServer::store() {
  sync::ServerStore& s = *first_up()->store;
  (void)s.catch_up();  // on failure (a power cut striking), as of its last catch-up
  return s;
}

std::vector<sync::ServerStore*> SimServer::stores() {
  std::vector<sync::ServerStore*> up;
  for (Process& p : processes_)
    if (p.core && p.store->catch_up().is_ok()) up.push_back(p.store.get());
  return up;
}

void SimServer::sweep_revoked() {
  for (Process& p : processes_)
    if (p.core) {
      p.core->sweep_revoked();
      p.core->forget_spent_limits();
    }
}

void SimServer::accept(int process, int device, std::shared_ptr<SimLink> link) {
  Process& p = processes_.at(static_cast<std::size_t>(process));
  if (!p.core) {
    link->close();  // connection refused
    return;
  }
  auto s = std::make_unique<Session>(Session{device, std::move(link), nullptr});
  Session* raw = s.get();
  s->core = std::make_unique<sync::SessionCore>(*p.core, "device-" + std::to_string(device),
                                                [this, raw](const sync::pb::Frame& f, bool close) { send(*raw, f, close); });
  p.sessions.push_back(std::move(s));
  sync::SessionCore::Reply opened = raw->core->open();
  for (const auto& f : opened.frames) send(*raw, f, false);
  if (opened.close) end(*raw);
}

void SimServer::end(Session& s) {
  s.ended = true;
  s.link->close();
}

void SimServer::send(Session& s, const sync::pb::Frame& f, bool close) {
  if (taps_.says) taps_.says(s.device, f);
  s.link->carry(s.link->to_device, sync::encode_frame(f));
  if (close) end(s);
}

void SimServer::drop_closed() {
  // A session the server ended, or whose connection closed with all its
  // frames served, is gone, as in the Asio server once its read fails.
  for (Process& p : processes_)
    std::erase_if(p.sessions, [](const auto& s) { return s->ended || (s->link->closed && s->link->to_server.empty()); });
}

bool SimServer::step(Rng& rng) {
  drop_closed();
  std::vector<Session*> waiting;
  for (Process& p : processes_)
    for (auto& s : p.sessions)
      if (!s->link->to_server.empty()) waiting.push_back(s.get());
  if (waiting.empty()) return false;
  Session& s = *waiting[rng.below(waiting.size())];
  std::string bytes = std::move(s.link->to_server.front());
  s.link->to_server.pop_front();
  Result<sync::pb::Frame> frame = decode_frame(bytes, s.core->max_frame_bytes());
  if (frame.is_ok() && taps_.heard && !s.link->forged) taps_.heard(s.device, *frame);
  sync::SessionCore::Reply reply = s.core->on_frame(frame);
  for (const auto& f : reply.frames) send(s, f, false);
  if (reply.close) end(s);
  drop_closed();
  return true;
}

std::vector<sync::pb::Frame> SimServer::one_frame(const sync::pb::Frame& request) {
  std::vector<sync::pb::Frame> said;
  sync::SessionCore session(*first_up()->core, "enrolment", [&](const sync::pb::Frame& f, bool) { said.push_back(f); });
  for (const auto& f : session.on_frame(request).frames) said.push_back(f);
  return said;
}

}  // namespace debrief::sim
