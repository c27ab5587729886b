package org.debrief;

/**
 * Where the sync engine's log goes (on Android, android.util.Log): one JSON
 * line per state change and per retry, called on the sync engine's thread.
 */
public interface LogSink {
  void log(String line);
}
