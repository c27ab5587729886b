#include "world.h"

#include <unistd.h>

#include "actors.h"
#include "hostile.h"
#include "pg_database.h"
#include "sim_disk.h"
#include "debrief/records.h"

namespace debrief::sim {
namespace {

constexpr std::int64_t kStartMs = 1796284800000;  // 2026-12-03T08:00Z, the offsite's morning
constexpr std::int64_t kHourMs = 3'600'000;
// Bounds that keep a world finite: the exchanges one pass may take, and
// the quiet rounds that must bring every device up to date.
constexpr int kPassSteps = 20'000;
constexpr int kQuietRounds = 40;
constexpr int kMaxRevocations = 2;

std::filesystem::path world_dir(std::uint64_t seed) {
  std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
  return base / ("debrief-sim-" + std::to_string(::getpid())) / std::to_string(seed);
}

class World {
 public:
  explicit World(const WorldOptions& o)
      : options_(o), rng_(o.seed), dir_(world_dir(o.seed)), server_env_(rng_.next(), kStartMs),
        database_(o.postgres.empty() ? nullptr : std::make_unique<testpg::Database>(o.postgres)),
        server_(dir_ / "server", database_ ? database_->url() : "", o.servers > 0 ? o.servers : 1 + static_cast<int>(rng_.below(3)), server_env_, trace_,
                {[this](int d, const sync::pb::Frame& f) { invariants_->heard(d, f); },
                 [this](int d, const sync::pb::Frame& f) { invariants_->says(d, f); }}) {
    std::filesystem::remove_all(dir_);
  }
  ~World() {
    devices_.clear();
    witnesses_.clear();
    server_.crash();
    if (!options_.keep_failed || !invariants_ || !invariants_->failed()) std::filesystem::remove_all(dir_);
  }

  Outcome run() {
    if (set_up()) {
      for (int i = 1; i <= options_.steps && !invariants_->failed(); ++i) step(i);
      if (!invariants_->failed()) quiet_down();
      if (!invariants_->failed()) check_end();
    }
    Outcome o{invariants_ ? invariants_->failure() : Failure{"setup", setup_error_, 0}, trace_.lines(), ""};
    if (options_.keep_failed && !o.failure.invariant.empty()) o.kept = dir_.string();
    return o;
  }

 private:
  bool set_up() {
    Status started = server_.start();
    Result<Directory> made = started.is_ok() ? make_directory(server_.store().records()) : Result<Directory>(started);
    if (made.is_ok()) started = server_.store().publish();
    if (!made.is_ok() || !started.is_ok()) {
      setup_error_ = made.is_ok() ? started.message() : made.status().message();
      return false;
    }
    directory_ = *made;
    std::vector<Id> owners;
    std::vector<Id> people = directory_.people();
    for (int i = 0; i < options_.devices; ++i) owners.push_back(people[static_cast<std::size_t>(i) % people.size()]);
    invariants_ = std::make_unique<Invariants>(server_, directory_, trace_);
    for (int i = 0; i < options_.devices; ++i) {
      devices_.push_back(make_device(i, owners[static_cast<std::size_t>(i)]));
      skew_.push_back(rng_.between(-300'000, 300'000));
    }
    set_clocks();
    for (auto& d : devices_)
      if (!invariants_->failed()) pass_to_end(*d);
    return true;
  }

  std::unique_ptr<SimDevice> make_device(int index, const Id& person) {
    auto d = std::make_unique<SimDevice>(index, person, dir_ / ("device-" + std::to_string(index)), rng_.next());
    d->env().set_now_ms(now_);
    Status opened = d->open();
    if (opened.is_ok()) opened = enrol(*d);
    if (!opened.is_ok()) invariants_->fail("enrolment", "device " + std::to_string(index) + ": " + opened.message());
    return d;
  }

  // Enrols as the product does: a code the admin made, an EnrollRequest,
  // the person bound to the store.
  Status enrol(SimDevice& d) {
    Result<std::string> code = server_.store().registry().make_code(d.person(), 3600);
    if (!code.is_ok()) return code.status();
    sync::pb::Frame f;
    auto* r = f.mutable_enroll_request();
    r->set_protocol_version(sync::kProtocolVersion);
    r->set_app_version(sync::kAppVersion);
    r->set_device_id(sync::bytes_of(d.store().device_id()));
    r->set_code(*code);
    r->set_device_name("device " + std::to_string(d.index()));
    std::vector<sync::pb::Frame> said = server_.one_frame(f);
    if (said.empty() || !said[0].has_enroll_reply()) return Status(Code::internal, "the server did not enrol the device");
    d.link = sync::ServerLink{"sim", 0, "", said[0].enroll_reply().device_secret(), d.person()};
    invariants_->enrolled(d.index(), d.store().device_id(), d.person());
    trace_.say("device " + std::to_string(d.index()) + " enrols for " + short_id(d.person()));
    return d.store().bind_me(d.person());
  }

  void set_clocks() {
    server_env_.set_now_ms(now_);
    for (std::size_t i = 0; i < devices_.size(); ++i) devices_[i]->env().set_now_ms(now_ + skew_[i]);
    trace_.at(now_ - kStartMs);
  }

  void start_pass(SimDevice& d, bool may_cut) {
    auto link = std::make_shared<SimLink>();
    if (may_cut && rng_.percent(15)) link->cut_at = rng_.between(0, rng_.percent(70) ? 20'000 : 4'000'000);
    int process = static_cast<int>(rng_.below(static_cast<std::uint64_t>(server_.processes())));
    trace_.say("device " + std::to_string(d.index()) + " connects to server process " + std::to_string(process) +
               (link->cut_at >= 0 ? " (cut at byte " + std::to_string(link->cut_at) + ")" : ""));
    d.start_pass(link);
    server_.accept(process, d.index(), link);
  }

  // Runs the device once; traces the end of its pass.
  void run_device(SimDevice& d) {
    std::optional<Status> done = d.run();
    if (!done) return;
    const sync::SyncProgress& p = d.progress();
    trace_.say("device " + std::to_string(d.index()) + " pass " + (done->is_ok() ? "ok" : "failed (" + done->message() + ")") +
               ": pushed " + std::to_string(p.pushed) + ", pulled " + std::to_string(p.pulled));
    if (done->code() == Code::internal && !disk::struck(d.dir())) invariants_->fail("device_error", done->message());
    if (done->is_ok() && !d.store().me()) (void)d.store().set_me(d.person());
    last_ = *done;
  }

  // Drives one whole pass of `d`, the server answering; false if it stalls.
  bool pass_to_end(SimDevice& d, bool may_cut = false) {
    start_pass(d, may_cut);
    return finish_pass(d);
  }

  // Drives `d`'s pass to its end, the server answering; false (and a
  // failure) if it stalls.
  bool finish_pass(SimDevice& d) {
    for (int i = 0; i < kPassSteps; ++i) {
      run_device(d);
      if (!d.passing()) return true;
      if (!server_.step(rng_)) {
        run_device(d);
        if (!d.passing()) return true;
        if (!server_.step(rng_)) {
          invariants_->fail("stall", "device " + std::to_string(d.index()) + "'s pass waits and the server has nothing to answer");
          return false;
        }
      }
    }
    invariants_->fail("stall", "device " + std::to_string(d.index()) + "'s pass did not end in " + std::to_string(kPassSteps) + " exchanges");
    return false;
  }

  SimDevice& any_device() { return *devices_[rng_.below(devices_.size())]; }

  void step(int i) {
    trace_.step(i);
    now_ += rng_.between(0, 2000);
    if (options_.faults && rng_.percent(1)) now_ += rng_.between(kHourMs, 72 * kHourMs);  // a quiet night, days offline
    set_clocks();
    std::uint64_t roll = rng_.below(100);
    SimDevice& d = any_device();
    if (roll < 21) {
      Acted a = act(d, directory_, rng_, trace_);
      if (a.anonymous) invariants_->anonymous_created(a.record);
    } else if (roll < 22) {
      admin_command();
    } else if (roll < 25) {
      if (options_.faults) push_forgery(d, server_, directory_, rng_, trace_);
    } else if (roll < 37) {
      if (!d.passing() && !offline_.count(d.index())) start_pass(d, options_.faults);
    } else if (roll < 67) {
      server_.step(rng_);
    } else if (roll < 92) {
      run_device(d);
    } else if (options_.faults) {
      fault(d);
    }
    power_back();
    invariants_->after_step(up_devices());
  }

  void fault(SimDevice& d) {
    std::string who = "device " + std::to_string(d.index());
    std::uint64_t roll = rng_.below(10);
    if (roll < 2) {
      trace_.say(who + " crashes and restarts");
      restart(d);
    } else if (roll < 3) {
      int process = static_cast<int>(rng_.below(static_cast<std::uint64_t>(server_.processes())));
      trace_.say("server process " + std::to_string(process) + " crashes and restarts");
      // A power cut may strike while it opens: power_back restarts it.
      if (Status s = server_.restart(process); !s.is_ok() && !disk::struck(server_.dir()))
        invariants_->fail("restart", "the server cannot open its store: " + s.message());
    } else if (roll < 5) {
      bool server = rng_.percent(30);
      int syncs = static_cast<int>(rng_.between(1, 8));
      trace_.say((server ? std::string("the server") : who) + " will lose power at sync " + std::to_string(syncs) + " of its disk from now");
      disk::arm_cut(server ? server_.dir() : d.dir(), syncs);
    } else if (roll < 6) {
      revoke(d);
    } else if (roll < 7) {
      std::int64_t jump = rng_.between(-6 * kHourMs, 6 * kHourMs);
      skew_[static_cast<std::size_t>(d.index())] += jump;
      trace_.say(who + "'s clock jumps " + std::to_string(jump / 1000) + " s");
      set_clocks();
    } else if (offline_.count(d.index())) {
      offline_.erase(d.index());
      trace_.say(who + " is back online");
    } else {
      offline_.insert(d.index());
      trace_.say(who + " goes offline");
    }
  }

  // The admin runs one of debrief-server's commands: it edits the server's
  // records directly, then publishes the edit (server/main.cpp), which
  // releases what the edit widens to devices that pulled past it.
  void admin_command() {
    if (!server_.up() || disk::armed(server_.dir())) return;  // as in revoke()
    sync::ServerStore& store = server_.store();
    change_directory(directory_, rng_, [&](const std::string& what, Kind kind, const std::string& id, const Json& fields) {
      Status edited = update(store.records(), kind, *Id::parse(id), fields);
      if (edited.is_ok()) edited = store.publish();
      trace_.say("the admin runs debrief-server: " + what + " " + id.substr(24) + ": " + (edited.is_ok() ? "ok" : edited.message()));
      if (!edited.is_ok()) invariants_->fail("server_store", "an admin command failed: " + edited.message());
      return Acted{};
    });
  }

  // The admin revokes a device (lost, say: what it had not pushed is lost
  // with it), ends its sessions, and its person enrols a new one.
  void revoke(SimDevice& d) {
    // Not while the server's disk is about to fail: the admin's tools
    // would fail with it, and that is not what this step is about.
    if (invariants_->is_revoked(d.index()) || revocations_ == kMaxRevocations || disk::armed(server_.dir())) return;
    ++revocations_;
    trace_.say("the admin revokes device " + std::to_string(d.index()) + "; its person enrols device " + std::to_string(devices_.size()));
    if (Status s = server_.store().registry().revoke(d.store().device_id()); !s.is_ok())
      return invariants_->fail("server_store", "cannot revoke a device: " + s.message());
    invariants_->revoked(d.index());
    server_.sweep_revoked();
    skew_.push_back(rng_.between(-300'000, 300'000));
    devices_.push_back(make_device(static_cast<int>(devices_.size()), d.person()));
  }

  void restart(SimDevice& d) {
    d.crash();
    if (Status s = d.open(); !s.is_ok() && !disk::struck(d.dir()))
      invariants_->fail("restart", "device " + std::to_string(d.index()) + " cannot open its store: " + s.message());
  }

  // Restarts each machine whose power cut struck, from what reached its disk.
  void power_back() {
    for (auto& d : devices_) {
      if (!disk::struck(d->dir())) continue;
      trace_.say("device " + std::to_string(d->index()) + " lost power; it restarts from what reached its disk");
      d->crash();
      disk::power_on(d->dir());
      restart(*d);
    }
    if (disk::struck(server_.dir())) {
      trace_.say("the server lost power; its processes restart from what reached its disk");
      server_.crash();
      disk::power_on(server_.dir());
      if (Status s = server_.start(); !s.is_ok()) invariants_->fail("restart", "the server cannot open its store: " + s.message());
    }
  }

  std::vector<SimDevice*> up_devices() {
    std::vector<SimDevice*> up;
    for (auto& d : devices_)
      if (d->up()) up.push_back(d.get());
    return up;
  }

  // No more faults: clocks close to true, everyone online; passes until a
  // whole round moves nothing. A device whose clock ran far ahead has
  // changes the server refuses until its own clock catches up (an hour's
  // grace): time moves on an hour each round that something failed.
  void quiet_down() {
    trace_.step(options_.steps + 1);
    trace_.say("quiet: no more faults");
    offline_.clear();
    for (auto& d : devices_) disk::disarm(d->dir());
    disk::disarm(server_.dir());
    for (auto& s : skew_) s = rng_.between(-60'000, 60'000);
    set_clocks();
    for (auto& d : devices_)
      if (d->passing() && !finish_pass(*d)) return;
    for (int round = 0; round < kQuietRounds && !invariants_->failed(); ++round) {
      now_ += round > 0 && !last_.is_ok() ? kHourMs : 1000;
      set_clocks();
      bool moved = false, all_ok = true;
      for (auto& d : devices_) {
        if (invariants_->is_revoked(d->index())) continue;  // refused for good
        if (!pass_to_end(*d)) return;
        moved = moved || d->progress().pushed > 0 || d->progress().pulled > 0;
        all_ok = all_ok && last_.is_ok();
        Result<std::int64_t> pending = count_pending_changes(d->store());
        moved = moved || !pending.is_ok() || *pending > 0;
      }
      if (!moved && all_ok) return;
      if (!all_ok) last_ = Status(Code::io_error, "a pass failed");
    }
    invariants_->fail("quiescence", "devices still had changes to move after " + std::to_string(kQuietRounds) + " quiet rounds: " + last_.message());
  }

  void check_end() {
    trace_.say("the end: witnesses sync");
    std::map<Id, SimDevice*> witnesses;
    for (auto& d : devices_) {
      if (witnesses.count(d->person()) || invariants_->is_revoked(d->index())) continue;
      witnesses_.push_back(make_device(1000 + d->index(), d->person()));
      SimDevice& w = *witnesses_.back();
      if (invariants_->failed() || !pass_to_end(w)) return;
      witnesses[d->person()] = &w;
    }
    std::vector<SimDevice*> all;
    for (auto& d : devices_)
      if (!invariants_->is_revoked(d->index())) all.push_back(d.get());
    invariants_->at_end(all, witnesses);
  }

  WorldOptions options_;
  Rng rng_;
  std::filesystem::path dir_;
  Trace trace_;
  SeededEnv server_env_;
  std::unique_ptr<Invariants> invariants_;
  std::unique_ptr<testpg::Database> database_;  // on PostgreSQL; outlives the server's connections
  SimServer server_;
  Directory directory_;
  std::vector<std::unique_ptr<SimDevice>> devices_, witnesses_;
  std::vector<std::int64_t> skew_;
  std::set<int> offline_;
  std::int64_t now_ = kStartMs;
  Status last_ = Status::ok();
  std::string setup_error_;
  int revocations_ = 0;
};

}  // namespace

Outcome run_world(const WorldOptions& options) {
  try {
    return World(options).run();
  } catch (const std::exception& e) {  // the world's database could not be made
    return Outcome{{"setup", e.what(), 0}, {}, ""};
  }
}

}  // namespace debrief::sim
