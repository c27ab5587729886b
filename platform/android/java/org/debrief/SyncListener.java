package org.debrief;

/**
 * Hears about background sync. Calls arrive on the thread that calls
 * {@link Debrief#pump()} (on Android, post pump() to the main looper).
 */
public interface SyncListener {
  /** state: offline, connecting, pushing, pulling, idle or error; reason says why for offline and error. */
  void onState(String state, String reason, long pushed, long pending, long pulled, int failures);

  /** Data arrived from the server: reload what is on screen. */
  void onChanged();
}
