#include "sim_disk.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace debrief::sim::disk {
namespace {

// The bytes a write replaced, within what the disk held at the last sync.
struct Undo {
  sqlite3_int64 offset;
  std::string bytes;
};

struct FileState {
  sqlite3_int64 synced_size = 0;
  std::vector<Undo> undo;  // in the order written; undone last first
};

struct Machine {
  int countdown = 0;  // syncs until the cut; 0: none armed
  bool struck = false;
};

// Our sqlite3_file: the real VFS's file follows it in the same allocation.
struct File {
  sqlite3_file base;
  const char* path;  // null: a file no restart reads (temporary, or not a database's)
};
static_assert(sizeof(File) % 16 == 0, "the real VFS's file that follows stays aligned");

struct Disk {
  sqlite3_vfs* real = nullptr;
  sqlite3_vfs vfs{};
  sqlite3_io_methods methods{};
  std::map<std::string, FileState> files;   // by path
  std::map<std::string, Machine> machines;  // by root
};

Disk& disk() {
  static Disk d;
  return d;
}

bool under(const std::string& path, const std::string& root) {
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/';
}

Machine* machine_of(const char* path) {
  if (!path) return nullptr;
  for (auto& [root, m] : disk().machines)
    if (under(path, root)) return &m;
  return nullptr;
}

bool dead(const char* path) {
  Machine* m = machine_of(path);
  return m && m->struck;
}

File* ours(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(File)); }
const sqlite3_io_methods& real_io(sqlite3_file* f) { return *real(f)->pMethods; }

sqlite3_int64 size_of(sqlite3_file* f) {
  sqlite3_int64 size = 0;
  return real_io(f).xFileSize(real(f), &size) == SQLITE_OK ? size : 0;
}

// Keeps what [offset, end) holds now where the disk held it at the last
// sync; beyond that, the restart truncates.
void remember(sqlite3_file* f, sqlite3_int64 offset, sqlite3_int64 end) {
  FileState& state = disk().files[ours(f)->path];
  end = std::min({end, state.synced_size, size_of(f)});
  if (offset >= end) return;
  Undo u{offset, std::string(static_cast<std::size_t>(end - offset), '\0')};
  (void)real_io(f).xRead(real(f), u.bytes.data(), static_cast<int>(u.bytes.size()), offset);
  state.undo.push_back(std::move(u));
}

int x_close(sqlite3_file* f) { return real_io(f).xClose(real(f)); }
int x_read(sqlite3_file* f, void* out, int n, sqlite3_int64 offset) { return real_io(f).xRead(real(f), out, n, offset); }

int x_write(sqlite3_file* f, const void* data, int n, sqlite3_int64 offset) {
  if (dead(ours(f)->path)) return SQLITE_IOERR_WRITE;
  if (ours(f)->path) remember(f, offset, offset + n);
  return real_io(f).xWrite(real(f), data, n, offset);
}

int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (dead(ours(f)->path)) return SQLITE_IOERR_TRUNCATE;
  if (ours(f)->path) remember(f, size, size_of(f));
  return real_io(f).xTruncate(real(f), size);
}

// A sync makes the file's writes durable, unless the machine's cut strikes
// at it.
int x_sync(sqlite3_file* f, int flags) {
  const char* path = ours(f)->path;
  if (Machine* m = machine_of(path)) {
    if (m->struck) return SQLITE_IOERR_FSYNC;
    if (m->countdown > 0 && --m->countdown == 0) {
      m->struck = true;
      return SQLITE_IOERR_FSYNC;
    }
  }
  int rc = real_io(f).xSync(real(f), flags);
  if (rc == SQLITE_OK && path) {
    FileState& state = disk().files[path];
    state.undo.clear();
    state.synced_size = size_of(f);
  }
  return rc;
}

int x_file_size(sqlite3_file* f, sqlite3_int64* size) { return real_io(f).xFileSize(real(f), size); }
int x_lock(sqlite3_file* f, int level) { return real_io(f).xLock(real(f), level); }
int x_unlock(sqlite3_file* f, int level) { return real_io(f).xUnlock(real(f), level); }
int x_check_reserved_lock(sqlite3_file* f, int* out) { return real_io(f).xCheckReservedLock(real(f), out); }
int x_file_control(sqlite3_file* f, int op, void* arg) { return real_io(f).xFileControl(real(f), op, arg); }
int x_sector_size(sqlite3_file* f) { return real_io(f).xSectorSize(real(f)); }
int x_device_characteristics(sqlite3_file* f) { return real_io(f).xDeviceCharacteristics(real(f)); }
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real_io(f).xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) { return real_io(f).xShmLock(real(f), offset, n, flags); }
void x_shm_barrier(sqlite3_file* f) { real_io(f).xShmBarrier(real(f)); }
int x_shm_unmap(sqlite3_file* f, int delete_flag) { return real_io(f).xShmUnmap(real(f), delete_flag); }
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int n, void** out) { return real_io(f).xFetch(real(f), offset, n, out); }
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) { return real_io(f).xUnfetch(real(f), offset, p); }

constexpr int kDurable = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL;

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  Disk& d = disk();
  ours(f)->path = name && (flags & kDurable) ? name : nullptr;
  int rc = d.real->xOpen(d.real, name, real(f), flags, out_flags);
  f->pMethods = real(f)->pMethods ? &d.methods : nullptr;
  if (rc == SQLITE_OK && ours(f)->path) {
    auto [state, fresh] = d.files.try_emplace(name);
    if (fresh) state->second.synced_size = size_of(f);
  }
  return rc;
}

int x_delete(sqlite3_vfs*, const char* path, int sync_dir) {
  if (dead(path)) return SQLITE_IOERR_DELETE;
  disk().files.erase(path);
  return disk().real->xDelete(disk().real, path, sync_dir);
}

}  // namespace

void install() {
  Disk& d = disk();
  if (d.real) return;
  d.real = sqlite3_vfs_find(nullptr);
  d.vfs = *d.real;  // the rest (paths, randomness, sleep, time) as the real one does it
  d.vfs.pNext = nullptr;
  d.vfs.zName = "debrief-sim-disk";
  d.vfs.szOsFile = static_cast<int>(sizeof(File)) + d.real->szOsFile;
  d.vfs.xOpen = x_open;
  d.vfs.xDelete = x_delete;
  d.methods = {3,          x_close,       x_read,         x_write,          x_truncate, x_sync,   x_file_size,
               x_lock,     x_unlock,      x_check_reserved_lock, x_file_control, x_sector_size, x_device_characteristics,
               x_shm_map,  x_shm_lock,    x_shm_barrier,  x_shm_unmap,      x_fetch,    x_unfetch};
  if (sqlite3_vfs_register(&d.vfs, 1) != SQLITE_OK) std::abort();
}

void arm_cut(const std::filesystem::path& root, int syncs) { disk().machines[root.string()] = Machine{syncs, false}; }

void disarm(const std::filesystem::path& root) {
  auto m = disk().machines.find(root.string());
  if (m != disk().machines.end() && !m->second.struck) disk().machines.erase(m);
}

bool armed(const std::filesystem::path& root) { return disk().machines.count(root.string()) > 0; }

bool struck(const std::filesystem::path& root) {
  auto m = disk().machines.find(root.string());
  return m != disk().machines.end() && m->second.struck;
}

void power_on(const std::filesystem::path& root) {
  for (auto& [path, state] : disk().files) {
    if (!under(path, root.string())) continue;
    int fd = ::open(path.c_str(), O_RDWR);
    if (fd < 0) continue;
    for (auto u = state.undo.rbegin(); u != state.undo.rend(); ++u)
      (void)!::pwrite(fd, u->bytes.data(), u->bytes.size(), u->offset);
    (void)!::ftruncate(fd, state.synced_size);
    ::close(fd);
    state.undo.clear();
  }
  // Shared memory is not on the disk: SQLite rebuilds it from the log.
  std::vector<std::filesystem::path> shm;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec); !ec && it != std::filesystem::end(it); it.increment(ec))
    if (it->path().string().ends_with("-shm")) shm.push_back(it->path());
  for (const auto& p : shm) std::filesystem::remove(p, ec);
  disk().machines.erase(root.string());
}

}  // namespace debrief::sim::disk
