// The simulated disk: the point where a write becomes durable. A SQLite
// VFS over the real one (unix) that every database of the simulator's
// process opens through (devices' stores, the server's store, registry,
// media and pool). It remembers, per file, what was written since the
// file's last successful sync; a power cut of one machine (the files
// under one folder) undoes exactly that, as a disk that lost its cache
// would.
//
// A cut is armed to strike at the k-th sync of the machine from now: that
// sync fails, and from then on every write, sync, truncate and delete of
// the machine's files fails too, so the code running on it sees disk
// errors until the world notices and restarts the machine. The product
// stores with synchronous=FULL, so what it committed before the cut must
// survive, and nothing after.
#pragma once

#include <filesystem>

namespace debrief::sim::disk {

// Makes the simulated disk SQLite's default VFS, once per process, before
// any database opens.
void install();

// Arms a cut of the machine whose files are under `root`, striking at its
// `syncs`-th sync from now (1: the next). Replaces an armed cut.
void arm_cut(const std::filesystem::path& root, int syncs);
// Forgets an armed cut that has not struck (a quiet world).
void disarm(const std::filesystem::path& root);
// Whether a cut of the machine is armed (struck or not).
bool armed(const std::filesystem::path& root);
// Whether the machine's cut has struck.
bool struck(const std::filesystem::path& root);
// After the machine's databases are closed: its files as its disk held
// them at the cut (unsynced writes undone, shared memory gone), and the
// machine powered again.
void power_on(const std::filesystem::path& root);

}  // namespace debrief::sim::disk
