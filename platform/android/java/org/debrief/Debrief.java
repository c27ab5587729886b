package org.debrief;

/**
 * A Debrief store on this device, as an Android app holds it: open it once,
 * read and write records as JSON (the objects `debrief --json` prints),
 * enrol and sync, and close it. A thin layer over the C API (debrief.h)
 * through JNI; use it from one thread at a time.
 */
public final class Debrief implements AutoCloseable {
  static {
    System.loadLibrary("debrief_jni");
  }

  private long handle;  // the C API's dbf_store token; 0 once closed

  private Debrief(long handle) { this.handle = handle; }

  /** Opens (creating) the store in the directory {@code path}, e.g. context.getFilesDir() + "/debrief". */
  public static Debrief open(String path) throws DebriefException { return new Debrief(nativeOpen(path)); }

  @Override
  public void close() {
    nativeClose(handle);
    handle = 0;
  }

  /** The library's version. */
  public static native String version();

  /** The store's status as JSON: counts, pending changes, server, last sync. */
  public String status() throws DebriefException { return nativeStatus(handle); }

  /** Makes the person (hex id) the one this device acts for. */
  public void setMe(String personId) throws DebriefException { nativeSetMe(handle, personId); }

  /** Creates a record of {@code kind} ("event", "kudos", ...) from a JSON object; returns its id. */
  public String create(String kind, String fieldsJson) throws DebriefException { return nativeCreate(handle, kind, fieldsJson); }

  public String get(String kind, String id) throws DebriefException { return nativeGet(handle, kind, id); }

  /** A JSON array; {@code optionsJson} may be null or {"where": {...}, "limit": N, "newest_first": true}. */
  public String list(String kind, String optionsJson) throws DebriefException { return nativeList(handle, kind, optionsJson); }

  public void update(String kind, String id, String fieldsJson) throws DebriefException { nativeUpdate(handle, kind, id, fieldsJson); }

  public void delete(String kind, String id) throws DebriefException { nativeDelete(handle, kind, id); }

  /** Kudos for the people in {@code to} that name the specific action and what came of it; returns its id. */
  public String giveKudos(String[] to, String action, String outcome) throws DebriefException {
    StringBuilder ids = new StringBuilder();
    for (String p : to) ids.append(ids.length() == 0 ? "" : ",").append(Json.quote(p));
    return create("kudos", "{\"to\":[" + ids + "],\"action\":" + Json.quote(action) + ",\"outcome\":" + Json.quote(outcome) + "}");
  }

  /** The survey's next question given the answers so far (a JSON object), or {"complete":true}. */
  public String surveyNext(String surveyId, String answersJson) throws DebriefException {
    return nativeSurveyNext(handle, surveyId, answersJson);
  }

  /** A text's sentiment as JSON: compound, label, positive, neutral, negative. */
  public static native String sentiment(String text) throws DebriefException;

  /**
   * The same score with what moved it: its fields and "reasons", at most maxReasons of
   * {phrase, weight, positive, neutral, negative}, the strongest first.
   */
  public static native String explainSentiment(String text, int maxReasons) throws DebriefException;

  /**
   * Keeps the device credential in the app's secure storage instead of a
   * private file beside the store. Set it after every open, before enrolling
   * or syncing.
   */
  public void setCredentialStore(CredentialStore store) throws DebriefException { nativeSetCredentials(handle, store); }

  /** Sends the sync engine's log to {@code sink} from the next startSync on; null turns it off. */
  public void setLogSink(LogSink sink) throws DebriefException { nativeSetLog(handle, sink); }

  /** Enrols this device with the server at host:port using an enrolment code. */
  public void enroll(String host, int port, String code, String deviceName) throws DebriefException {
    nativeEnroll(handle, host, port, code, deviceName);
  }

  /** One blocking sync pass (not on the main thread); returns {"pushed", "pulled", ...}. */
  public String syncOnce() throws DebriefException { return nativeSyncOnce(handle); }

  /** Starts background sync; the listener hears through {@link #pump()}. */
  public void startSync(SyncListener listener) throws DebriefException { nativeStartSync(handle, listener); }

  public void stopSync() { nativeStopSync(handle); }

  /** Local changes are waiting: sync them now. */
  public void syncNow() throws DebriefException { nativeSyncNow(handle); }

  /** Delivers queued sync callbacks on this thread; returns how many ran. */
  public int pump() { return nativePump(handle); }

  /** The app goes to the background: sync stops and the store is written into its file. */
  public void background() throws DebriefException { nativeBackground(handle); }

  /** The app is back: sync restarts if it ran. */
  public void foreground() throws DebriefException { nativeForeground(handle); }

  private static native long nativeOpen(String path) throws DebriefException;
  private static native void nativeClose(long handle);
  private static native String nativeStatus(long handle) throws DebriefException;
  private static native void nativeSetMe(long handle, String person) throws DebriefException;
  private static native String nativeCreate(long handle, String kind, String json) throws DebriefException;
  private static native String nativeGet(long handle, String kind, String id) throws DebriefException;
  private static native String nativeList(long handle, String kind, String options) throws DebriefException;
  private static native void nativeUpdate(long handle, String kind, String id, String json) throws DebriefException;
  private static native void nativeDelete(long handle, String kind, String id) throws DebriefException;
  private static native String nativeSurveyNext(long handle, String survey, String answers) throws DebriefException;
  private static native void nativeSetCredentials(long handle, CredentialStore store) throws DebriefException;
  private static native void nativeSetLog(long handle, LogSink sink) throws DebriefException;
  private static native void nativeEnroll(long handle, String host, int port, String code, String name) throws DebriefException;
  private static native String nativeSyncOnce(long handle) throws DebriefException;
  private static native void nativeStartSync(long handle, SyncListener listener) throws DebriefException;
  private static native void nativeStopSync(long handle);
  private static native void nativeSyncNow(long handle) throws DebriefException;
  private static native int nativePump(long handle);
  private static native void nativeBackground(long handle) throws DebriefException;
  private static native void nativeForeground(long handle) throws DebriefException;
}
