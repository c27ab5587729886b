import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debrief.Debrief;
import org.debrief.CredentialStore;
import org.debrief.DebriefException;
import org.debrief.SyncListener;

/**
 * The Java binding as an Android app would use it, against the built
 * library and a real debrief-server on 127.0.0.1: open, write, read, a
 * survey walk, a refusal, a sync, listener callbacks delivered by pump(),
 * the device credential in the app's own storage and the sync log in its sink.
 *
 *   java -Djava.library.path=DIR -cp debrief.jar:debrief-test.jar DebriefTest DEBRIEF_SERVER WORK_DIR
 *
 * Exits 0 when every check passed; otherwise prints the failed check and exits 1.
 */
public final class DebriefTest {
  private static int checks = 0;

  private static void check(boolean ok, String what) {
    ++checks;
    if (!ok) throw new AssertionError("check failed: " + what);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\\s*(\"[^\"]*\"|[-0-9a-z]+)").matcher(json);
    check(m.find(), "\"" + name + "\" in " + json);
    return m.group(1).replace("\"", "");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    check(p.waitFor() == 0, String.join(" ", command));
    return out;
  }

  private static void localStore(Path dir) throws Exception {
    try (Debrief d = Debrief.open(dir.resolve("local").toString())) {
      check(!Debrief.version().isEmpty(), "a version");
      String me = d.create("person", "{\"name\": \"Zoë Ödegaard\"}");
      d.setMe(me);
      check(d.get("person", me).contains("Zoë Ödegaard"), "UTF-8 both ways");
      String other = d.create("person", "{\"name\": \"Ben Ode\"}");
      String event = d.create("event", "{\"title\": \"Offsite\", \"starts_at\": \"2026-12-03T09:00:00Z\", \"ends_at\": \"2026-12-03T17:00:00Z\"}");
      String survey = d.create("survey", "{\"title\": \"After\", \"kind\": \"post_event\", \"questions\": ["
          + "{\"id\":\"score\",\"type\":\"rating\",\"text\":\"How was it?\",\"required\":true},"
          + "{\"id\":\"wrong\",\"type\":\"text\",\"text\":\"What went wrong?\",\"show_if\":{\"q\":\"score\",\"op\":\"<=\",\"value\":2}},"
          + "{\"id\":\"keep\",\"type\":\"text\",\"text\":\"What should we keep?\",\"show_if\":{\"q\":\"score\",\"op\":\">=\",\"value\":4}}]}");
      check(field(d.surveyNext(survey, "{}"), "id").equals("score"), "the walk starts at the rating");
      check(field(d.surveyNext(survey, "{\"score\": 2}"), "id").equals("wrong"), "a low score's branch");
      check(field(d.surveyNext(survey, "{\"score\": 5}"), "id").equals("keep"), "a high score's branch");
      check(d.surveyNext(survey, "{\"score\": 5, \"keep\": \"the hike\"}").contains("\"complete\":true"), "the walk ends");
      String response = d.create("response", "{\"survey\": \"" + survey + "\", \"event\": \"" + event
          + "\", \"answers\": {\"score\": 5, \"keep\": \"the hike\"}}");
      check(d.get("response", response).contains("the hike"), "the response reads back");
      try {
        d.giveKudos(new String[] {other}, "great job", "thanks");
        check(false, "a vague kudos is refused");
      } catch (DebriefException e) {
        check(e.code() == DebriefException.INVALID_ARGUMENT && e.domain() == DebriefException.DOMAIN_STORE, "refused as bad input");
        check(e.getMessage().contains("specific action"), "with the reason: " + e.getMessage());
      }
      d.giveKudos(new String[] {other}, "rebuilt the demo after the server crashed at midnight", "the client signed the same day");
      check(d.list("kudos", "{\"limit\": 10}").contains("rebuilt the demo"), "the kudos is listed");
      check(field(Debrief.sentiment("The workshop was great and really useful"), "label").equals("positive"), "sentiment");
      String explained = Debrief.explainSentiment("The venue was awful and the talks were boring", 2);
      check(field(explained, "label").equals("negative"), "explained sentiment");
      check(explained.contains("\"reasons\""), "explained sentiment has reasons");
    }
  }

  private static final class Heard implements SyncListener {
    int idle = 0, changed = 0;
    public void onState(String state, String reason, long pushed, long pending, long pulled, int failures) {
      if (state.equals("idle")) ++idle;
    }
    public void onChanged() { ++changed; }
  }

  /** The app's secure storage, in memory here (a Keystore-backed store on a phone). */
  private static final class Keys implements CredentialStore {
    final Map<String, String> secrets = new ConcurrentHashMap<>();
    volatile boolean broken = false;
    public String read(String account) {
      if (broken) throw new IllegalStateException("the keystore is locked");
      return secrets.get(account);
    }
    public void write(String account, String secret) { secrets.put(account, secret); }
    public void erase(String account) { secrets.remove(account); }
  }

  private static void pumpUntil(Debrief d, java.util.function.BooleanSupplier done, String what) throws Exception {
    for (int i = 0; i < 1000 && !done.getAsBoolean(); ++i) {
      d.pump();
      Thread.sleep(10);
    }
    check(done.getAsBoolean(), what + " within 10 s");
  }

  private static void withServer(String serverBinary, Path dir) throws Exception {
    String serverData = dir.resolve("server").toString();
    String people = run(serverBinary, "--data", serverData, "admin", "demo-seed");
    Matcher m = Pattern.compile("\"code\":\\s*\"([^\"]+)\",\\s*\"name\":\\s*\"[^\"]*\",\\s*\"person\":\\s*\"([0-9a-f]+)\",\\s*\"role\":\\s*\"participant\"").matcher(people);
    check(m.find(), "a participant's enrolment code");
    String code = m.group(1), person = m.group(2);
    Process server = new ProcessBuilder(serverBinary, "--data", serverData, "--listen", "127.0.0.1:0")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String listening = lines.readLine();
      check(listening != null && listening.startsWith("listening on 127.0.0.1:"), "the server listens: " + listening);
      int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1).trim());
      Keys keys = new Keys();
      List<String> log = new CopyOnWriteArrayList<>();
      try (Debrief phone = Debrief.open(dir.resolve("phone").toString())) {
        phone.setCredentialStore(keys);
        phone.setLogSink(log::add);
        phone.enroll("127.0.0.1", port, code, "test phone");
        check(keys.secrets.size() == 1 && keys.secrets.keySet().iterator().next().startsWith("debrief-device-"),
            "the device credential is in the app's storage");
        check(!Files.exists(dir.resolve("phone").resolve("credentials.json")), "and not in a file beside the store");
        check(!Files.readString(dir.resolve("phone").resolve("sync.json")).contains(keys.secrets.values().iterator().next()),
            "nor in sync.json");
        check(Integer.parseInt(field(phone.syncOnce(), "pulled")) > 0, "the organisation arrives");
        check(field(phone.status(), "me").equals(person), "the phone acts for its person");
        Heard heard = new Heard();
        phone.startSync(heard);
        pumpUntil(phone, () -> heard.idle > 0, "background sync goes idle");
        int before = heard.idle;
        String event = field(phone.list("event", "{\"limit\": 1}"), "id");
        phone.create("reflection", "{\"event\": \"" + event + "\", \"text\": \"Written in Java\", \"shared\": true}");
        phone.syncNow();
        pumpUntil(phone, () -> heard.idle > before, "the new reflection is pushed");
        phone.background();
        phone.foreground();
        int resumed = heard.idle;
        pumpUntil(phone, () -> heard.idle > resumed, "sync resumes in the foreground");
        phone.stopSync();
        check(field(phone.status(), "pending_changes").equals("0"), "nothing left to push");
        check(log.stream().anyMatch(l -> l.contains("\"event\":\"sync_state\"") && l.contains("\"state\":\"idle\"")),
            "the sync engine logged to the app's sink from its own thread: " + log);
        keys.broken = true;
        try {
          phone.syncOnce();
          check(false, "a failing credential store stops the pass");
        } catch (DebriefException e) {
          check(e.code() == DebriefException.IO_ERROR && e.getMessage().contains("secure storage"), "said: " + e.getMessage());
        }
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[1]));
    localStore(dir);
    withServer(args[0], dir);
    Debrief closed = Debrief.open(dir.resolve("closed").toString());
    closed.close();
    try {
      closed.status();
      check(false, "a closed store is refused");
    } catch (DebriefException e) {
      check(e.domain() == DebriefException.DOMAIN_API, "refused by the API: " + e.getMessage());
    }
    System.out.println("DebriefTest: " + checks + " checks passed");
  }
}
