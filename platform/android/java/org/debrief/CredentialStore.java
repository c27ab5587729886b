package org.debrief;

/**
 * The app's secure storage for the device credential (on Android, backed by
 * the Keystore, e.g. EncryptedSharedPreferences). Calls come from the thread
 * that called into Debrief or from the sync engine's own, one at a time.
 * A method that throws counts as a failure of the storage.
 */
public interface CredentialStore {
  /** The secret saved for {@code account}, or null when there is none. */
  String read(String account);

  /** Saves (replacing) the secret for {@code account}, durably. */
  void write(String account, String secret);

  /** Forgets the secret for {@code account}; fine when there is none. */
  void erase(String account);
}
