#include "debrief/sync/server_backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "debrief/records.h"

namespace debrief::sync {
namespace {

constexpr int kFormat = 1;
constexpr std::int64_t kPage = 5000;  // feed changes read or applied at a time

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Json change_json(const WireChange& c) {
  return {{"device", c.device.hex()}, {"hlc", c.hlc.value}, {"kind", static_cast<int>(c.kind)}, {"record", c.record.hex()},
          {"field", c.field ? Json(*c.field) : Json()}, {"value", c.value}, {"op", static_cast<int>(c.op)}};
}

Result<WireChange> change_of(const Json& j) {
  if (!j.is_object()) return invalid("a change is not an object");
  Result<Id> device = Id::parse(j.value("device", "")), record = Id::parse(j.value("record", ""));
  DEBRIEF_TRY(device.status());
  DEBRIEF_TRY(record.status());
  std::optional<Kind> kind = kind_numbered(j.value("kind", -1));
  int op = j.value("op", -1);
  if (!kind || (op != 0 && op != 1) || !j.contains("hlc") || !j["hlc"].is_number_unsigned())
    return invalid("a change has no valid kind, op or hlc");
  WireChange c{*device, Hlc{j["hlc"].get<std::uint64_t>()}, *kind, *record, std::nullopt, j.value("value", Json()),
               static_cast<ChangeOp>(op)};
  if (j.contains("field") && j["field"].is_string()) c.field = j["field"].get<std::string>();
  return c;
}

Json device_json(const DeviceRow& d) {
  return {{"device", d.device.hex()}, {"person", d.person.hex()}, {"name", d.name}, {"secret_sha256", d.secret_sha256},
          {"revoked", d.revoked}, {"created_at", d.created_at}};
}

Result<DeviceRow> device_of(const Json& j) {
  Result<Id> device = Id::parse(j.value("device", "")), person = Id::parse(j.value("person", ""));
  DEBRIEF_TRY(device.status());
  DEBRIEF_TRY(person.status());
  return DeviceRow{*device, *person, j.value("name", ""), j.value("secret_sha256", ""), j.value("revoked", false),
                   j.value("created_at", std::int64_t{0})};
}

Json code_json(const CodeRow& c) {
  return {{"sha256", c.sha256}, {"person", c.person.hex()}, {"expires_at", c.expires_at}, {"used_at", c.used_at}};
}

Result<CodeRow> code_of(const Json& j) {
  Result<Id> person = Id::parse(j.value("person", ""));
  DEBRIEF_TRY(person.status());
  return CodeRow{j.value("sha256", ""), *person, j.value("expires_at", std::int64_t{0}), j.value("used_at", std::int64_t{0})};
}

// A backup read whole into memory but for its changes, which are counted:
// what the first pass of a restore learns.
struct Checked {
  std::string cert_pem, key_pem;
  RegistryRows registry;
  std::vector<std::pair<PooledResponse, std::int64_t>> pooled;
  BackupCounts counts;
};

// Reads `file` line by line, calling `on_change` for each change; checks
// the header, every line's shape and the end line's counts.
Result<Checked> read_backup(const std::filesystem::path& file, const std::function<Status(WireChange)>& on_change) {
  std::ifstream in(file);
  if (!in) return not_found("cannot read " + file.string());
  Checked out;
  std::string line;
  std::int64_t number = 0;
  bool header = false, ended = false;
  auto bad = [&](const std::string& why) { return invalid(file.string() + " line " + std::to_string(number) + ": " + why); };
  while (std::getline(in, line)) {
    ++number;
    Json j = Json::parse(line, nullptr, false);
    if (!j.is_object() || (j.size() != 1 && !j.contains("debrief_backup"))) return bad("not a backup line");
    if (ended) return bad("lines after the end");
    if (!header) {
      if (j.value("debrief_backup", 0) != kFormat) return bad("not a debrief-server backup (version " + std::to_string(kFormat) + ")");
      header = true;
    } else if (j.contains("tls")) {
      out.cert_pem = j["tls"].value("cert_pem", "");
      out.key_pem = j["tls"].value("key_pem", "");
    } else if (j.contains("device")) {
      Result<DeviceRow> d = device_of(j["device"]);
      if (!d.is_ok()) return bad(d.status().message());
      out.registry.devices.push_back(std::move(*d));
    } else if (j.contains("code")) {
      Result<CodeRow> c = code_of(j["code"]);
      if (!c.is_ok()) return bad(c.status().message());
      out.registry.codes.push_back(std::move(*c));
    } else if (j.contains("pooled")) {
      Result<WireChange> c = change_of(j["pooled"].value("change", Json()));
      if (!c.is_ok()) return bad(c.status().message());
      out.pooled.push_back({{j["pooled"].value("group", ""), std::move(*c)}, j["pooled"].value("day", std::int64_t{0})});
    } else if (j.contains("change")) {
      Result<WireChange> c = change_of(j["change"]);
      if (!c.is_ok()) return bad(c.status().message());
      ++out.counts.changes;
      DEBRIEF_TRY(on_change(std::move(*c)));
    } else if (j.contains("end")) {
      const Json& e = j["end"];
      if (e.value("changes", -1) != out.counts.changes || e.value("devices", -1) != std::ssize(out.registry.devices) ||
          e.value("codes", -1) != std::ssize(out.registry.codes) || e.value("pooled", 0) != std::ssize(out.pooled))
        return bad("the counts at the end do not match what came before");
      ended = true;
    } else {
      return bad("an unknown line");
    }
  }
  if (!header) return invalid(file.string() + " is empty");
  if (!ended) return invalid(file.string() + " is cut short: its end line is missing");
  if (out.cert_pem.empty() || out.key_pem.empty()) return invalid(file.string() + " holds no TLS identity");
  out.counts.devices = std::ssize(out.registry.devices);
  out.counts.codes = std::ssize(out.registry.codes);
  out.counts.pooled = std::ssize(out.pooled);
  return out;
}

}  // namespace

Result<BackupCounts> backup(ServerStore& store, const std::filesystem::path& tls_dir, const std::filesystem::path& file,
                            const BackupProgress& progress) {
  Result<TlsIdentity> tls = store.tls_identity(tls_dir);
  DEBRIEF_TRY(tls.status());
  Result<RegistryRows> registry = store.registry().dump();
  DEBRIEF_TRY(registry.status());
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);  // it holds the private key
  if (fd < 0) return Status(Code::io_error, "cannot write " + tmp.string());
  ::close(fd);
  std::ofstream out(tmp, std::ios::trunc);
  BackupCounts counts;
  out << Json{{"debrief_backup", kFormat}, {"created_at_ms", system_env().now_ms()}}.dump() << "\n";
  out << Json{{"tls", {{"cert_pem", file_text(tls->cert_pem)}, {"key_pem", file_text(tls->key_pem)}}}}.dump() << "\n";
  for (const DeviceRow& d : registry->devices) out << Json{{"device", device_json(d)}}.dump() << "\n";
  for (const CodeRow& c : registry->codes) out << Json{{"code", code_json(c)}}.dump() << "\n";
  counts.devices = std::ssize(registry->devices);
  counts.codes = std::ssize(registry->codes);
  Result<std::vector<std::pair<PooledResponse, std::int64_t>>> pooled = store.pool().dump();
  DEBRIEF_TRY(pooled.status());
  for (const auto& [r, day] : *pooled)
    out << Json{{"pooled", {{"group", r.group}, {"day", day}, {"change", change_json(r.change)}}}}.dump() << "\n";
  counts.pooled = std::ssize(*pooled);
  for (std::int64_t cursor = 0;;) {
    Result<FeedBatch> page = store.dump_feed(cursor, kPage);
    DEBRIEF_TRY(page.status());
    for (const WireChange& c : page->changes) out << Json{{"change", change_json(c)}}.dump() << "\n";
    counts.changes += std::ssize(page->changes);
    if (progress) progress(counts.changes, 0);
    cursor = page->cursor;
    if (!page->more) break;
  }
  out << Json{{"end", {{"devices", counts.devices}, {"codes", counts.codes}, {"pooled", counts.pooled}, {"changes", counts.changes}}}}.dump()
      << "\n";
  out.close();
  if (!out) return Status(Code::io_error, "cannot write " + tmp.string());
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) return Status(Code::io_error, "cannot write " + file.string() + ": " + ec.message());
  return counts;
}

Result<BackupCounts> restore(ServerStore& store, const std::filesystem::path& tls_dir, const std::filesystem::path& file,
                             const BackupProgress& progress) {
  Result<Checked> checked = read_backup(file, [](const WireChange&) { return Status::ok(); });
  DEBRIEF_TRY(checked.status());
  Result<bool> empty = store.empty();
  DEBRIEF_TRY(empty.status());
  if (!*empty) return invalid("restore needs an empty store: this one already holds changes or devices");
  DEBRIEF_TRY(store.set_tls_identity(tls_dir, checked->cert_pem, checked->key_pem));
  DEBRIEF_TRY(store.registry().load(checked->registry));
  for (const auto& [r, day] : checked->pooled) DEBRIEF_TRY(store.pool().add({r}, day));
  std::vector<WireChange> page;
  std::int64_t done = 0, total = checked->counts.changes;
  auto flush = [&] {
    DEBRIEF_TRY(store.load_feed(page));
    done += std::ssize(page);
    page.clear();
    if (progress) progress(done, total);
    return Status::ok();
  };
  Result<Checked> applied = read_backup(file, [&](WireChange c) {
    page.push_back(std::move(c));
    return std::ssize(page) == kPage ? flush() : Status::ok();
  });
  DEBRIEF_TRY(applied.status());
  DEBRIEF_TRY(flush());
  return checked->counts;
}

}  // namespace debrief::sync
